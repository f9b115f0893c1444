/**
 * The production wiring of automatic franking: the app's database, the preview's pricing, a fresh
 * Portokasse balance, the batch service of the preview page and `unauthenticated.admin(shop)`. Any
 * number of processes may run the worker against the same PostgreSQL; each slot runs once.
 */
import { hostname } from "node:os";
import { config } from "~/config.server";
import { db } from "~/db.server";
import { startBatch } from "~/franking/start-batch.server";
import { internetmarke } from "~/internetmarke.server";
import { currentBalance } from "~/portokasse/connection.server";
import { previewBatch } from "~/preview/preview.server";
import { unauthenticated } from "~/shopify.server";
import type { AutomationDeps } from "./run.server";
import { startAutomationWorker, type AutomationWorker } from "./scheduler.server";

export function appAutomationDeps(overrides: Partial<AutomationDeps> = {}): AutomationDeps {
  const encryptionKey = () => config().ENCRYPTION_KEY;
  return {
    db: db(),
    now: () => new Date(),
    owner: `${hostname()}:${process.pid}`,
    adminFor: async (shopDomain) => (await unauthenticated.admin(shopDomain)).admin,
    price: async (admin, shopDomain, orderIds, now) => {
      const preview = await previewBatch(
        { admin, db: db(), im: internetmarke(), encryptionKey: encryptionKey(), now },
        { shopDomain, orderIds },
      );
      return preview.lines.map((line) =>
        line.ok
          ? { orderId: line.orderId, ok: true, productCode: line.productCode, priceCents: line.priceCents }
          : { orderId: line.orderId, ok: false },
      );
    },
    balanceCents: async (shopId, now) => {
      const view = await currentBalance(db(), internetmarke(), {
        shopId,
        encryptionKey: encryptionKey(),
        now,
        maxAgeMs: 0,
      });
      return view && view.problem === null ? view.balanceCents : null;
    },
    startBatch: (admin, shopDomain, orderIds, now, expectedTotalCents) =>
      startBatch(admin, shopDomain, { orderIds, labelFormat: "PDF", startPosition: 1, expectedTotalCents }, now),
    logger: { warn: (message) => console.warn(message) },
    ...overrides,
  };
}

export function startAppAutomationWorker(
  overrides: Partial<AutomationDeps> & { pollMs?: number } = {},
): AutomationWorker {
  return startAutomationWorker({ ...appAutomationDeps(overrides), pollMs: overrides.pollMs });
}

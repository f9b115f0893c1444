/**
 * The production wiring of the refund worker: the app's database, Deutsche Post client, each shop's
 * linked Portokasse and `unauthenticated.admin(shop)`. Call once per process at start (npm start, local
 * mode); any number of processes may run one against the same PostgreSQL.
 */
import { config } from "~/config.server";
import { db } from "~/db.server";
import { internetmarke } from "~/internetmarke.server";
import { portokasseFor } from "~/portokasse/connection.server";
import { workerAdmin } from "~/shopify/worker-admin.server";
import { startRefundWorker, type RefundWorker, type RefundWorkerOptions } from "./worker.server";

export function startAppRefundWorker(overrides: Partial<RefundWorkerOptions> = {}): RefundWorker {
  return startRefundWorker({
    db: db(),
    internetmarke: internetmarke(),
    portokasseFor: async (shop, im) => (await portokasseFor(db(), im, shop.id, config().ENCRYPTION_KEY))?.kasse ?? null,
    adminFor: workerAdmin,
    logger: { info: (m) => console.info(m), warn: (m) => console.warn(m) },
    ...overrides,
  });
}

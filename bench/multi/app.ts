/**
 * One of the P app processes of the multi-shop benchmark: a franking worker as production starts it
 * (`startFrankingWorker` with the configured concurrency, per-shop share and database pool), serving
 * every shop, on the one PostgreSQL database all processes share. The orchestrator tells it when to set
 * up (process 0), start, take its shops' "Frank orders" clicks, and finish. Each batch this process
 * runs gets its merged label file built the moment its last cart's labels are stored, as
 * GET /labels/:batchId would, and that moment is reported as the shop's "labels ready".
 */
import { batchLabels } from "~/batches/batch-labels.server";
import { portokasseCatalogForUse } from "~/catalog/portokasse-catalog.server";
import { productCatalogForUse } from "~/catalog/products.server";
import { encryptSecret } from "~/crypto.server";
import { createDb } from "~/db/client.server";
import { databaseTarget } from "~/db/database-url";
import { migrate } from "~/db/migrate.server";
import { confirmOrders } from "~/franking/confirm.server";
import { createBatch } from "~/franking/create-batch.server";
import { kickFrankingWorkers, startFrankingWorker, type FrankingWorker } from "~/franking/worker.server";
import { createInternetmarkeClient } from "~/internetmarke";
import { portokasseFor } from "~/portokasse/connection.server";
import { previewBatch } from "~/preview/preview.server";
import { acceptTerms } from "~/terms/terms.server";
import type { AdminGraphql } from "~/shopify/graphql.server";
import { IM_BASE_PATH, PRODUCTS_BASE_PATH } from "../../test/simulators/internetmarke";
import { adminOver, bucketFull } from "../app-process";
import { BENCH_APP, BENCH_ENCRYPTION_KEY, BENCH_SETTINGS } from "../scenario";
import { appCommandSchema, multiAppConfigSchema, type AppMessage, type BenchShop } from "./protocol";

const config = multiAppConfigSchema.parse(JSON.parse(process.env.BENCH_MULTI_APP ?? "{}"));
const send = (message: AppMessage) => process.send?.(message);
const target = databaseTarget(config.databaseUrl);
const db = createDb(target, { poolMax: config.poolMax });
const im = createInternetmarkeClient({
  baseUrl: `${config.imOrigin}${IM_BASE_PATH}`,
  productsBaseUrl: `${config.imOrigin}${PRODUCTS_BASE_PATH}`,
  clientId: BENCH_APP.clientId,
  clientSecret: BENCH_APP.clientSecret,
});
const problems: string[] = [];
const admins = new Map<string, AdminGraphql>();
const adminFor = (shop: BenchShop) => {
  let admin = admins.get(shop.domain);
  if (!admin) admins.set(shop.domain, (admin = adminOver(config.fakeOrigin, shop.domain, shop.accessToken)));
  return admin;
};
const shopIdOf = async (domain: string) =>
  (await db.shop.findUniqueOrThrow({ where: { domain }, select: { id: true } })).id;

async function setUp(shops: BenchShop[]): Promise<void> {
  await migrate(target);
  await productCatalogForUse(db, im, new Date());
  // What each merchant's visit to the settings and preview left behind: a linked Portokasse and its catalog.
  await Promise.all(
    shops.map(async (shop) => {
      const row = await db.shop.create({
        data: { domain: shop.domain, settings: JSON.stringify(BENCH_SETTINGS) },
      });
      await db.portokasseAccount.create({
        data: {
          shopId: row.id,
          username: shop.username,
          passwordCiphertext: encryptSecret(shop.password, BENCH_ENCRYPTION_KEY, row.id),
        },
      });
      await acceptTerms(db, { shopId: row.id, acceptedBy: "bench", now: new Date() });
      const linked = await portokasseFor(db, im, row.id, BENCH_ENCRYPTION_KEY);
      if (!linked) throw new Error(`The Portokasse of ${shop.domain} is not linked`);
      await portokasseCatalogForUse(db, row.id, linked.kasse, new Date());
    }),
  );
}

const labelsReadyAtMs: Record<string, number> = {};
const building = new Set<string>();
async function afterLabels(batchId: string): Promise<void> {
  const open = await db.frankingCart.count({
    where: {
      batchId,
      OR: [
        { state: { in: ["PLANNED", "INITIALIZED", "CHECKOUT_SENT"] } },
        { state: "BOUGHT", fetchedAt: null },
      ],
    },
  });
  if (open > 0 || building.has(batchId)) return;
  building.add(batchId);
  const batch = await db.frankingBatch.findUniqueOrThrow({
    where: { id: batchId },
    select: { shop: { select: { domain: true } } },
  });
  const deps = {
    db,
    now: () => new Date(),
    fetchBytes: (url: string) => fetch(url),
    refetchLinks: async () => null,
  };
  const built = await batchLabels(deps, { shopDomain: batch.shop.domain, batchId });
  if (!built || Buffer.from(built.bytes.subarray(0, 5)).toString() !== "%PDF-")
    problems.push(`batch ${batchId}: the merged label file is not a PDF`);
  labelsReadyAtMs[batchId] = Date.now();
}

let worker: FrankingWorker | null = null;
function start(shops: BenchShop[]): void {
  const byDomain = new Map(shops.map((shop) => [shop.domain, shop]));
  worker = startFrankingWorker({
    db,
    internetmarke: im,
    portokasseFor: async (shop, client) =>
      (await portokasseFor(db, client, shop.id, BENCH_ENCRYPTION_KEY))?.kasse ?? null,
    adminFor: async (domain) => {
      const shop = byDomain.get(domain);
      if (!shop) throw new Error(`No benchmark shop ${domain}`);
      return adminFor(shop);
    },
    maxConcurrentBatches: config.concurrency,
    maxBatchesPerShop: config.perShop,
    hooks: { at: (point, detail) => (point === "after-labels" ? afterLabels(detail.batchId) : undefined) },
    logger: { warn: (message) => problems.push(`process ${config.processIndex}: ${message}`) },
  });
}

/**
 * Each shop's merchant looks at the preview first: it reads the orders in full and keeps them in this
 * process's memory, so the confirm asks Shopify only what changed (ADR 021). The click comes once the
 * shop's bucket is full again, as in the single-shop benchmark.
 */
async function preview(shops: BenchShop[]): Promise<void> {
  await Promise.all(
    shops.map(async (shop) => {
      const admin = adminFor(shop);
      await previewBatch(
        { admin, db, im, encryptionKey: BENCH_ENCRYPTION_KEY, now: new Date() },
        { shopDomain: shop.domain, orderIds: shop.orderIds },
      );
      await bucketFull(admin);
    }),
  );
}

/**
 * Each shop's merchant clicks "Frank orders": confirm (read, price, claim) and create the batch, all at
 * once. A click that fails is reported as the shop's problem (its merchant would see an error), not fatal.
 */
async function submit(shops: BenchShop[]) {
  const batches = await Promise.all(
    shops.map(async (shop) => {
      try {
        const shopId = await shopIdOf(shop.domain);
        const confirmed = await confirmOrders(
          { admin: adminFor(shop), db, im, encryptionKey: BENCH_ENCRYPTION_KEY, now: new Date() },
          { shopId, orderIds: shop.orderIds, labelFormat: "PDF", startPosition: 1, notifyCustomer: false },
        );
        if (!confirmed.ok) throw new Error(`the orders could not be confirmed: ${confirmed.problem}`);
        if (confirmed.leftOut.length > 0)
          problems.push(`${shop.domain}: ${confirmed.leftOut.length} orders left out`);
        const created = await createBatch(db, {
          shopId,
          orders: confirmed.orders,
          leftOut: confirmed.leftOut,
          options: confirmed.options,
          now: new Date(),
        });
        kickFrankingWorkers();
        return [{ domain: shop.domain, batchId: created.batchId, confirmedAtMs: Date.now() }];
      } catch (error) {
        problems.push(
          `${shop.domain}: "Frank orders" failed: ${error instanceof Error ? error.message : String(error)}`,
        );
        return [];
      }
    }),
  );
  return batches.flat();
}

process.on("message", (raw) => {
  const command = appCommandSchema.parse(raw);
  const reply = async (): Promise<AppMessage> => {
    switch (command.type) {
      case "setup":
        await setUp(command.shops);
        return { type: "set-up" };
      case "start":
        start(command.shops);
        return { type: "started" };
      case "preview":
        await preview(command.shops);
        return { type: "previewed" };
      case "submit":
        return { type: "submitted", batches: await submit(command.shops) };
      case "finish": {
        await worker?.stop();
        await db.$disconnect();
        const cpu = process.cpuUsage();
        return {
          type: "finished",
          labelsReadyAtMs,
          // The kernel's high-water mark of this process (set-up included): exact, and costs no sampling,
          // which at 20 ms took about 1 % of the process's CPU under this load.
          peakRssBytes: process.resourceUsage().maxRSS * 1024,
          cpuMs: Math.round((cpu.user + cpu.system) / 1000),
          problems,
        };
      }
    }
  };
  reply().then(
    (message) => {
      send(message);
      // After its report the process is done.
      if (message.type === "finished") setTimeout(() => process.exit(0), 200);
    },
    (error: unknown) => {
      process.stderr.write(
        `app process ${config.processIndex}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    },
  );
});

send({ type: "ready" });

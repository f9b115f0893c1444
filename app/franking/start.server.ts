/**
 * The franking worker of an app process, wired to the configured database, Deutsche Post client and
 * Shopify: `scripts/start.ts` (production) and local mode call this once after the migrations.
 * Without a request, Shopify is reached with the shop's offline session (`unauthenticated.admin`).
 */
import { config } from "~/config.server";
import { db } from "~/db.server";
import { internetmarke } from "~/internetmarke.server";
import { portokasseFor } from "~/portokasse/connection.server";
import { workerAdmin } from "~/shopify/worker-admin.server";
import { startFrankingWorker, type FrankingWorker, type FrankingWorkerOptions } from "./worker.server";

export function startAppFrankingWorker(overrides: Partial<FrankingWorkerOptions> = {}): FrankingWorker {
  return startFrankingWorker({
    db: db(),
    internetmarke: internetmarke(),
    portokasseFor: async (shop, im) =>
      (await portokasseFor(db(), im, shop.id, config().ENCRYPTION_KEY))?.kasse ?? null,
    adminFor: workerAdmin,
    maxConcurrentBatches: config().FRANKING_CONCURRENCY,
    maxConcurrentWriteBacks: config().FRANKING_WRITE_BACKS,
    writeBackGroupsWhileBuying: config().FRANKING_WRITE_BACK_GROUPS_WHILE_BUYING,
    maxBatchesPerShop: config().FRANKING_BATCHES_PER_SHOP,
    logger: { info: (message) => console.info(message), warn: (message) => console.warn(message) },
    ...overrides,
  });
}

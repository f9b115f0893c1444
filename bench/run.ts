/**
 * One measured run in its own process (so its peak RSS is this run's alone): a fresh database, the shop
 * with settings and a linked Portokasse, the caches the merchant's preview has already filled, and the
 * app's franking worker in this process. Then, timed: confirm the N orders in batches of at most 250 (the
 * same services POST /api/batches runs, one request after another), let the worker buy, build each
 * batch's merged label file as GET /labels/:batchId does, and wait until every order is written back to
 * Shopify. Forked by franking.bench.ts.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { batchLabels } from "~/batches/batch-labels.server";
import { portokasseCatalogForUse } from "~/catalog/portokasse-catalog.server";
import { productCatalogForUse } from "~/catalog/products.server";
import { encryptSecret } from "~/crypto.server";
import { createDb, type Db } from "~/db/client.server";
import { databaseTarget, type DatabaseTarget } from "~/db/database-url";
import { migrate } from "~/db/migrate.server";
import { MAX_BATCH_ORDERS } from "~/franking/api-schemas";
import { confirmOrders } from "~/franking/confirm.server";
import { INTERNETMARKE_TERMS } from "~/terms/internetmarke-terms";
import { createBatch } from "~/franking/create-batch.server";
import { kickFrankingWorkers, startFrankingWorker } from "~/franking/worker.server";
import { createInternetmarkeClient, type InternetmarkeClient } from "~/internetmarke";
import { portokasseFor } from "~/portokasse/connection.server";
import { acceptTerms } from "~/terms/terms.server";
import { previewBatch } from "~/preview/preview.server";
import { IM_BASE_PATH, PRODUCTS_BASE_PATH } from "../test/simulators/internetmarke";
import { adminOver, bucketFull, sampleRss } from "./app-process";
import { runConfigSchema, type RunConfig, type RunResult } from "./protocol";
import { BENCH_APP, BENCH_ENCRYPTION_KEY, BENCH_MERCHANT, BENCH_SETTINGS } from "./scenario";

const config = runConfigSchema.parse(JSON.parse(process.env.BENCH_RUN ?? "{}"));
const maxPositionsOverride = process.env.BENCH_MAX_POSITIONS
  ? Number(process.env.BENCH_MAX_POSITIONS)
  : undefined;

async function freshDatabase(run: RunConfig): Promise<{ target: DatabaseTarget; drop(): Promise<void> }> {
  if (run.database === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "fm-bench-"));
    return {
      target: databaseTarget(`file:${path.join(dir, "bench.sqlite")}`),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `bench_${process.pid}_${Date.now().toString(36)}`;
  const url = new URL(run.postgresUrl);
  url.searchParams.set("schema", schema);
  return {
    target: databaseTarget(url.toString()),
    drop: async () => {
      const client = new pg.Client({ connectionString: run.postgresUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}

async function setUpShop(db: Db, im: InternetmarkeClient): Promise<string> {
  const shop = await db.shop.create({
    data: { domain: config.shopDomain, settings: JSON.stringify(BENCH_SETTINGS) },
  });
  await db.portokasseAccount.create({
    data: {
      shopId: shop.id,
      username: BENCH_MERCHANT.username,
      passwordCiphertext: encryptSecret(BENCH_MERCHANT.password, BENCH_ENCRYPTION_KEY, shop.id),
    },
  });
  // The merchant accepted the INTERNETMARKE terms before the first purchase (confirmOrders checks it).
  await db.termsAcceptance.create({ data: { shopId: shop.id, version: INTERNETMARKE_TERMS.version, acceptedBy: "bench", acceptedAt: new Date() } });
  // The merchant accepted the INTERNETMARKE terms when linking the Portokasse (every purchase needs it).
  await acceptTerms(db, { shopId: shop.id, acceptedBy: "bench", now: new Date() });
  // What the merchant's visit to the preview left behind: the price list and the Portokasse catalog.
  await productCatalogForUse(db, im, new Date());
  const linked = await portokasseFor(db, im, shop.id, BENCH_ENCRYPTION_KEY);
  if (!linked) throw new Error("The Portokasse is not linked");
  await portokasseCatalogForUse(db, shop.id, linked.kasse, new Date());
  return shop.id;
}

/** Waits until Shopify's bucket is full again (as the fake reports it with every answer). */
const until = async (check: () => Promise<boolean>, everyMs: number) => {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, everyMs));
};

async function main(): Promise<RunResult> {
  const rss = sampleRss();
  const database = await freshDatabase(config);
  await migrate(database.target);
  const db = createDb(database.target);
  const im = createInternetmarkeClient({
    baseUrl: `${config.imOrigin}${IM_BASE_PATH}`,
    productsBaseUrl: `${config.imOrigin}${PRODUCTS_BASE_PATH}`,
    clientId: BENCH_APP.clientId,
    clientSecret: BENCH_APP.clientSecret,
  });
  const admin = adminOver(config.fakeOrigin, config.shopDomain, config.accessToken);
  const shopId = await setUpShop(db, im);
  const problems: string[] = [];
  const deps = {
    db,
    now: () => new Date(),
    fetchBytes: (url: string) => fetch(url),
    refetchLinks: async () => null,
  };

  const labelFiles = new Map<string, Promise<{ at: number; bytes: number }>>();
  /** After each cart's labels are stored: once the batch has no cart left to buy or download, build its file. */
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
    if (open > 0 || labelFiles.has(batchId)) return;
    const file = batchLabels(deps, { shopDomain: config.shopDomain, batchId }).then((built) => {
      if (!built || Buffer.from(built.bytes.subarray(0, 5)).toString() !== "%PDF-")
        problems.push("the merged label file is not a PDF");
      return { at: Date.now(), bytes: built?.bytes.length ?? 0 };
    });
    labelFiles.set(batchId, file);
  }

  const worker = startFrankingWorker({
    db,
    internetmarke: im,
    portokasseFor: async (shop, client) =>
      (await portokasseFor(db, client, shop.id, BENCH_ENCRYPTION_KEY))?.kasse ?? null,
    adminFor: async () => admin,
    hooks: { at: (point, detail) => (point === "after-labels" ? afterLabels(detail.batchId) : undefined) },
    logger: { warn: (message) => problems.push(message) },
  });
  await new Promise((resolve) => setTimeout(resolve, 500)); // the worker's first (empty) poll is over

  // The merchant's preview of each batch (app/preview, the same service as POST /api/preview), before the
  // clock: the confirm reuses its reads of orders unchanged since (ADR 021). Then the merchant reads the
  // preview while Shopify's bucket refills, so the clock starts with a full bucket as before.
  for (let from = 0; from < config.orderIds.length; from += MAX_BATCH_ORDERS) {
    await previewBatch(
      { admin, db, im, encryptionKey: BENCH_ENCRYPTION_KEY, now: new Date() },
      { shopDomain: config.shopDomain, orderIds: config.orderIds.slice(from, from + MAX_BATCH_ORDERS) },
    );
  }
  await bucketFull(admin);

  // As the merchant's POST /api/batches: at most MAX_BATCH_ORDERS orders a batch, one batch after another.
  const startedAtMs = Date.now();
  const batchIds: string[] = [];
  for (let from = 0; from < config.orderIds.length; from += MAX_BATCH_ORDERS) {
    const confirmed = await confirmOrders(
      { admin, db, im, encryptionKey: BENCH_ENCRYPTION_KEY, now: new Date() },
      {
        shopId,
        orderIds: config.orderIds.slice(from, from + MAX_BATCH_ORDERS),
        labelFormat: "PDF",
        startPosition: 1,
        notifyCustomer: false,
        maxPositionsPerCart: config.mode === "per-order" ? 1 : maxPositionsOverride,
      },
    );
    if (!confirmed.ok) throw new Error(`The orders could not be confirmed: ${confirmed.problem}`);
    if (confirmed.leftOut.length > 0)
      problems.push(`${confirmed.leftOut.length} orders left out, e.g. ${confirmed.leftOut[0]?.reason}`);
    const created = await createBatch(db, {
      shopId,
      orders: confirmed.orders,
      leftOut: confirmed.leftOut,
      options: confirmed.options,
      now: new Date(),
    });
    batchIds.push(created.batchId);
    kickFrankingWorkers();
  }
  const confirmedAtMs = Date.now();

  const running = async () =>
    (await db.frankingBatch.count({
      where: { id: { in: batchIds }, status: { in: ["QUEUED", "RUNNING"] } },
    })) > 0;
  await until(async () => batchIds.every((id) => labelFiles.has(id)) || !(await running()), 100);
  const files = await Promise.all(
    batchIds.map((id) => labelFiles.get(id) ?? Promise.resolve({ at: Number.NaN, bytes: 0 })),
  );
  await until(async () => !(await running()), 100);
  const batches = await db.frankingBatch.findMany({
    where: { id: { in: batchIds } },
    select: { status: true, finishedAt: true, maxPositionsPerCart: true },
  });
  await worker.stop();

  const memory = rss.stop();
  const inBatches = { batchId: { in: batchIds } };
  const orders = await db.frankingOrder.findMany({ where: inBatches, select: { status: true } });
  const vouchers = await db.voucher.findMany({
    where: inBatches,
    select: { voucherId: true, priceCents: true, trackId: true },
  });
  const carts = await db.frankingCart.findMany({
    where: { ...inBatches, state: "BOUGHT" },
    select: { id: true, batchId: true, shopOrderId: true },
  });
  let storedLabelBytes = 0;
  for (const { id } of carts) {
    const stored = await db.frankingCart.findUniqueOrThrow({ where: { id }, select: { labelBytes: true } });
    if (stored.labelBytes === null) problems.push(`cart ${id} has no stored label file`);
    storedLabelBytes += stored.labelBytes?.length ?? 0;
  }
  await db.$disconnect();
  await database.drop();
  return {
    type: "result",
    startedAtMs,
    confirmedAtMs,
    labelsReadyAtMs: Math.max(...files.map((f) => f.at)),
    fulfilledAtMs: Math.max(...batches.map((b) => b.finishedAt?.getTime() ?? Number.NaN)),
    batchStatus: [...new Set(batches.map((b) => b.status))].join(","),
    batches: batchIds.length,
    orders: orders.length,
    fulfilled: orders.filter((o) => o.status === "FULFILLED").length,
    carts: carts.length,
    lastBatchCarts: carts.filter((c) => c.batchId === batchIds.at(-1)).length,
    maxPositionsPerCart: Math.min(...batches.map((b) => b.maxPositionsPerCart)),
    labelFileBytes: Math.min(...files.map((f) => f.bytes)),
    storedLabelBytes,
    voucherIds: vouchers.map((v) => v.voucherId),
    voucherCents: vouchers.reduce((sum, v) => sum + v.priceCents, 0),
    cartRefs: carts.flatMap((c) => (c.shopOrderId ? [c.shopOrderId] : [])),
    trackIds: vouchers.filter((v) => v.trackId).length,
    peakRssBytes: memory.peak,
    peakRssAtMs: memory.peakAt,
    maxRssBytes: memory.max,
    problems,
  };
}

process.send?.(await main());
process.exit(0);

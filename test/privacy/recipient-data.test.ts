import { getHmac } from "@shopify/shopify-api/test-helpers";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "~/db.server";
import { purgeRecipientData } from "~/privacy/recipient-data.server";
import { MERCHANT } from "../support/internetmarke-sim";
import { useSimCarts } from "../support/sim-carts";
import { IM_BASE_PATH, PRODUCTS_BASE_PATH } from "../simulators/internetmarke";
import { APP } from "../support/internetmarke-sim";
import { stubAppEnv, TEST_APP } from "../support/app-env";
import { createMigratedDatabase, type TestDatabase } from "../support/databases";
import { tableNames } from "../support/db-snapshot";
import { fileShows } from "../support/stored-files";
import { seedBatch } from "../app/franked-batches";
import { serveApp, type ServedApp } from "../app/served-app";
import { buildPositions, gridOf } from "~/internetmarke";

/**
 * Customer data (issue 11): customers/data_request reports, customers/redact erases the recipient from
 * every table and every stored file (searched afterwards, bytes included), retention purges finished
 * batches but keeps the bookkeeping. Labels are real PDFs from the simulator with the address printed.
 */
const SHOP = "frankier-demo.myshopify.com";
const ERIKA = "Erika Redaktionsfall";
const JONAS = "Jonas Bleibtstehen";
const carts = useSimCarts();
let database: TestDatabase;
let db: Db;
let app: ServedApp;
let orderNumber = 7000;

beforeAll(async () => {
  database = await createMigratedDatabase("sqlite");
  stubAppEnv({
    DATABASE_URL: database.target.url,
    INTERNETMARKE_BASE_URL: `${carts.env.origin()}${IM_BASE_PATH}`,
    PRODUCTS_API_BASE_URL: `${carts.env.origin()}${PRODUCTS_BASE_PATH}`,
    INTERNETMARKE_CLIENT_ID: APP.clientId,
    INTERNETMARKE_CLIENT_SECRET: APP.clientSecret,
  });
  db = (await import("~/db.server")).db();
  app = await serveApp();
});
afterAll(async () => {
  await app.close();
  await db.$disconnect();
  await database.drop();
});
beforeEach(async () => {
  await db.shop.deleteMany({});
  await db.session.deleteMany({});
  await db.complianceRequest.deleteMany({});
  await db.receivedWebhook.deleteMany({});
  await db.session.create({ data: { id: `offline_${SHOP}`, shop: SHOP, state: "", accessToken: "tok" } });
});

const receiver = (name: string) => ({
  name,
  addressLine1: "Heidestr. 17",
  postalCode: "51147",
  city: "Köln",
  country: "DEU",
});
const sender = {
  name: "Muster Versand GmbH",
  addressLine1: "Hauptstr. 5",
  postalCode: "53113",
  city: "Bonn",
  country: "DEU",
};

/** One real cart with both recipients printed on ADDRESS_ZONE stamps, seeded as a finished batch. */
async function frankedForBoth(finishedAt: Date) {
  const { client } = carts.env.client();
  const kasse = client.portokasse(MERCHANT);
  const format = (await kasse.catalog(["PAGE_FORMATS"])).pageFormats.find((f) => f.id === 1);
  if (!format) throw new Error("page format 1");
  const slots = buildPositions(gridOf(format), 2);
  const shopOrderId = await kasse.initCart();
  const cart = await kasse.checkoutPdf({
    shopOrderId,
    pageFormatId: 1,
    totalCents: 190,
    createManifest: false,
    positions: [ERIKA, JONAS].map((name, i) => ({
      productCode: 1,
      voucherLayout: "ADDRESS_ZONE" as const,
      address: { sender, receiver: receiver(name) },
      position: slots[i] ?? { labelX: 1, labelY: 1, page: 1 },
    })),
  });
  const pdf = new Uint8Array(await (await fetch(cart.link)).arrayBuffer());
  const orders = [ERIKA, JONAS].map((name, i) => ({
    orderId: `gid://shopify/Order/${++orderNumber}`,
    orderName: `#${orderNumber}`,
    productCode: 1,
    productName: "Standardbrief",
    priceCents: 95,
    slot: slots[i] ?? null,
    voucher: cart.vouchers[i] ?? null,
    receiver: { name, postalCode: "51147", city: "Köln", country: "DEU" },
  }));
  const { batchId, shopId } = await seedBatch(db, {
    shopDomain: SHOP,
    labelFormat: "PDF",
    carts: [{ shopOrderId, labelBytes: pdf, orders }],
  });
  await db.frankingBatch.update({ where: { id: batchId }, data: { finishedAt, status: "DONE" } });
  return { batchId, shopId, orders, vouchers: cart.vouchers };
}

/** Every place in the database (every table, every column, stored files read as files) that shows `text`. */
async function whereShown(text: string): Promise<string[]> {
  const places: string[] = [];
  for (const table of await tableNames(db)) {
    const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${table}"`);
    for (const row of rows)
      for (const [column, value] of Object.entries(row)) {
        const shows =
          value instanceof Uint8Array
            ? fileShows(value, text)
            : typeof value === "string" && value.includes(text);
        if (shows) places.push(`${table}.${column}`);
      }
  }
  return places;
}

async function deliver(topic: string, payload: unknown) {
  const body = JSON.stringify(payload);
  const response = await fetch(`${app.origin}/webhooks`, {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Topic": topic,
      "X-Shopify-Hmac-Sha256": getHmac(body, TEST_APP.apiSecret),
      "X-Shopify-Shop-Domain": SHOP,
      "X-Shopify-API-Version": "2026-10",
      "X-Shopify-Webhook-Id": `wh-${Math.random()}`,
      "X-Shopify-Event-Id": `ev-${Math.random()}`,
      "X-Shopify-Triggered-At": new Date().toISOString(),
    },
  });
  expect(response.status, await response.clone().text()).toBe(200);
}
const orderNumberOf = (gid: string) => Number(gid.split("/").pop());
const customer = { id: 77, email: "erika@example.com", phone: null };

describe("customer data", () => {
  it("customers/data_request reports the recipient, product, voucher and tracking of the customer's orders", async () => {
    const { orders, vouchers } = await frankedForBoth(new Date());
    const erika = orders[0];
    if (!erika) throw new Error("order");
    await deliver("customers/data_request", {
      shop_id: 1,
      shop_domain: SHOP,
      customer,
      orders_requested: [orderNumberOf(erika.orderId)],
      data_request: { id: 5 },
    });
    const request = await db.complianceRequest.findFirstOrThrow({
      where: { topic: "customers/data_request" },
    });
    const report = JSON.parse(request.report) as { held: Record<string, unknown[]> };
    expect(report.held["franking records"]).toEqual([
      expect.objectContaining({
        orderId: erika.orderId,
        orderName: erika.orderName,
        productName: "Standardbrief",
        voucherId: vouchers[0]?.voucherId,
        receiver: expect.objectContaining({ name: ERIKA, city: "Köln" }),
        labelFileStored: true,
      }),
    ]);
    expect(request.report).not.toContain(JONAS);
  });

  it("customers/redact removes the recipient from every table and every stored file", async () => {
    const { orders, vouchers } = await frankedForBoth(new Date());
    const [erika, jonas] = orders;
    if (!erika || !jonas) throw new Error("orders");
    // An earlier data request's report names her too.
    await deliver("customers/data_request", {
      shop_id: 1,
      shop_domain: SHOP,
      customer,
      orders_requested: [orderNumberOf(erika.orderId)],
      data_request: { id: 6 },
    });
    // The search finds her before: in the order, the cart position, the label PDF and the report.
    expect(await whereShown(ERIKA)).toEqual(
      expect.arrayContaining([
        "FrankingOrder.address",
        "FrankingCart.positions",
        "FrankingCart.labelBytes",
        "ComplianceRequest.report",
      ]),
    );

    await deliver("customers/redact", {
      shop_id: 1,
      shop_domain: SHOP,
      customer,
      orders_to_redact: [orderNumberOf(erika.orderId)],
    });

    expect(await whereShown(ERIKA)).toEqual([]);
    expect(await whereShown("Heidestr. 17")).toEqual(["FrankingCart.positions", "FrankingOrder.address", "FrankingOrder.labelAddress"]); // Jonas's, kept
    // The other recipient's records stay; the shared label file showed both and is gone for good.
    const kept = await db.frankingOrder.findFirstOrThrow({ where: { orderId: jonas.orderId } });
    expect(kept.address).toContain(JONAS);
    const cart = await db.frankingCart.findFirstOrThrow();
    expect([cart.labelBytes, cart.link, cart.filesRedactedAt]).toEqual([null, null, expect.any(Date)]);
    // Bookkeeping stays: order name, product, price, voucher id.
    const redacted = await db.frankingOrder.findFirstOrThrow({
      where: { orderId: erika.orderId },
      include: { voucher: true },
    });
    expect(redacted).toMatchObject({
      orderName: erika.orderName,
      productName: "Standardbrief",
      priceCents: 95,
      address: null,
    });
    expect(redacted.voucher?.voucherId).toBe(vouchers[0]?.voucherId);
  });

  it("the retention purge blanks recipients of batches finished longer ago and keeps the bookkeeping", async () => {
    const day = 86_400_000;
    const now = new Date();
    const old = await frankedForBoth(new Date(now.getTime() - 100 * day));
    const recent = await frankedForBoth(new Date(now.getTime() - 10 * day));
    const bookkeeping = async (batchId: string) =>
      (
        await db.frankingOrder.findMany({
          where: { batchId },
          include: { voucher: true },
          orderBy: { position: "asc" },
        })
      ).map((o) => ({
        orderName: o.orderName,
        productName: o.productName,
        productCode: o.productCode,
        priceCents: o.priceCents,
        voucherId: o.voucher?.voucherId,
        trackId: o.voucher?.trackId,
        boughtAt: o.voucher?.boughtAt,
        createdAt: o.createdAt,
      }));
    const before = await bookkeeping(old.batchId);

    expect(await purgeRecipientData(db, 90, now)).toBe(1);

    expect(await bookkeeping(old.batchId)).toEqual(before);
    const oldOrders = await db.frankingOrder.findMany({ where: { batchId: old.batchId } });
    expect(oldOrders.map((o) => o.address)).toEqual([null, null]);
    const oldCart = await db.frankingCart.findFirstOrThrow({ where: { batchId: old.batchId } });
    expect(oldCart.positions).not.toContain(ERIKA);
    expect(oldCart.labelBytes).toBeNull();
    expect(
      (await db.frankingBatch.findUniqueOrThrow({ where: { id: old.batchId } })).recipientDataPurgedAt,
    ).toEqual(now);
    // The recent batch keeps everything; a second run changes nothing more.
    const recentOrders = await db.frankingOrder.findMany({ where: { batchId: recent.batchId } });
    expect(recentOrders.every((o) => o.address !== null)).toBe(true);
    expect(await purgeRecipientData(db, 90, now)).toBe(0);
    expect(await purgeRecipientData(db, 0, now)).toBe(0);
  });
});

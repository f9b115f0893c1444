import { request as httpRequest } from "node:http";
import { Readable } from "node:stream";
import { getHmac } from "@shopify/shopify-api/test-helpers";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "~/db.server";
import { createMigratedDatabase, type TestDatabase } from "../support/databases";
import { snapshot } from "../support/db-snapshot";
import { stubAppEnv, TEST_APP } from "../support/app-env";
import { serveApp, type ServedApp } from "./served-app";

/**
 * POST /webhooks through the real server (Express, body limits, Remix routing): what Shopify signs is
 * only the body, so every header may be swapped by whoever holds one genuine delivery (issue 11).
 */
const SHOP = "frankier-demo.myshopify.com";
const OTHER = "andere-shop.myshopify.com";
const ORDER = 5501;
const HOUR = 60 * 60 * 1000;
let database: TestDatabase;
let db: Db;
let app: ServedApp;

const order = (extra: Record<string, unknown> = {}) => ({
  id: ORDER,
  admin_graphql_api_id: `gid://shopify/Order/${ORDER}`,
  name: "#1005",
  created_at: "2026-11-30T10:00:00+01:00",
  financial_status: "paid",
  cancelled_at: null,
  customer: { id: 77, first_name: "Erika", last_name: "Muster" },
  line_items: [{ id: 1, title: "Postkarte", quantity: 1 }],
  ...extra,
});
const fulfillment = {
  id: 9001,
  admin_graphql_api_id: "gid://shopify/Fulfillment/9001",
  order_id: ORDER,
  status: "success",
  tracking_number: "A0011",
  line_items: [{ id: 1, quantity: 1 }],
};

/** A genuine body of every topic the app subscribes to, as Shopify sends it for SHOP. */
const GENUINE: Record<string, unknown> = {
  "app/uninstalled": { id: 1, name: "Frankier Demo", email: "a@b.de", domain: SHOP, myshopify_domain: SHOP },
  "app/scopes_update": {
    id: 1,
    shop_id: 1,
    previous: ["read_orders", "write_orders"],
    current: ["read_orders"],
    updated_at: "2026-12-01T10:00:00Z",
  },
  "orders/cancelled": order({ cancelled_at: "2026-12-01T09:00:00+01:00", financial_status: "refunded" }),
  "orders/create": order(),
  "orders/paid": order(),
  "fulfillments/create": fulfillment,
  "fulfillments/update": { ...fulfillment, status: "cancelled" },
  "customers/data_request": {
    shop_id: 1,
    shop_domain: SHOP,
    orders_requested: [ORDER],
    customer: { id: 77, email: "erika@example.com", phone: null },
    data_request: { id: 12 },
  },
  "customers/redact": {
    shop_id: 1,
    shop_domain: SHOP,
    customer: { id: 77, email: "erika@example.com", phone: null },
    orders_to_redact: [ORDER],
  },
  "shop/redact": { shop_id: 1, shop_domain: SHOP },
};
const TOPICS = Object.keys(GENUINE);
const HANDLED = [
  "app/uninstalled",
  "app/scopes_update",
  "orders/cancelled",
  "fulfillments/update",
  "customers/data_request",
  "customers/redact",
  "shop/redact",
];
/**
 * orders/create and orders/paid act only for a shop with automatic franking set up; the seeded shop has
 * none, so a genuine body is acknowledged without effect ("order_not_in_shop"). Their handler is tested
 * with real signed deliveries from the Shopify fake in test/automation/automation.db.test.ts.
 */
const ASKS_SHOPIFY = ["orders/create", "orders/paid"];
/** Topics under which Shopify sends the same body (the first's genuine body is genuine for the second). */
const SAME_BODY: Array<[string, string]> = [
  ["fulfillments/create", "fulfillments/update"],
  ["orders/create", "orders/paid"],
  ["orders/paid", "orders/create"],
];
const expectedOutcome = (topic: string) =>
  ASKS_SHOPIFY.includes(topic) ? "order_not_in_shop" : HANDLED.includes(topic) ? "handled" : "acknowledged";

let counter = 0;
interface Headers {
  topic: string;
  shop?: string;
  eventId?: string;
  triggeredAt?: Date;
  secret?: string;
}
function signedHeaders(body: string, h: Headers): Record<string, string> {
  counter += 1;
  return {
    "Content-Type": "application/json",
    "X-Shopify-Topic": h.topic,
    "X-Shopify-Hmac-Sha256": getHmac(body, h.secret ?? TEST_APP.apiSecret),
    "X-Shopify-Shop-Domain": h.shop ?? SHOP,
    "X-Shopify-API-Version": "2026-10",
    "X-Shopify-Webhook-Id": `wh-${counter}`,
    "X-Shopify-Event-Id": h.eventId ?? `ev-${counter}`,
    "X-Shopify-Triggered-At": (h.triggeredAt ?? new Date()).toISOString(),
  };
}
async function deliver(body: unknown, h: Headers) {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  const response = await fetch(`${app.origin}/webhooks`, {
    method: "POST",
    body: raw,
    headers: signedHeaders(raw, h),
  });
  return { status: response.status, text: await response.text() };
}

async function seed() {
  for (const table of ["ReceivedWebhook", "ComplianceRequest", "Session", "Shop"])
    await db.$executeRawUnsafe(`DELETE FROM "${table}"`);
  for (const [domain, scopes] of [
    [SHOP, "read_orders,write_orders"],
    [OTHER, "read_orders"],
  ] as const) {
    await db.session.create({
      data: { id: `offline_${domain}`, shop: domain, state: "", accessToken: "tok", scope: scopes },
    });
    const shop = await db.shop.create({ data: { domain, scopes } });
    await db.portokasseAccount.create({
      data: { shopId: shop.id, username: "u", passwordCiphertext: "v1:x:y:z" },
    });
    if (domain === SHOP) {
      // The app franked order 5501 for SHOP: the order topics' order belongs to SHOP, not to OTHER.
      const batch = await db.frankingBatch.create({
        data: {
          shopId: shop.id,
          status: "DONE",
          labelFormat: "PNG",
          layout: "FRANKING_ZONE",
          maxPositionsPerCart: 50,
          tag: "frankiert",
        },
      });
      await db.frankingOrder.create({
        data: {
          batchId: batch.id,
          shopId: shop.id,
          orderId: `gid://shopify/Order/${ORDER}`,
          orderName: "#1005",
          status: "BOUGHT",
          position: 0,
        },
      });
    }
  }
}

beforeAll(async () => {
  database = await createMigratedDatabase("sqlite");
  stubAppEnv({ DATABASE_URL: database.target.url });
  db = (await import("~/db.server")).db();
  app = await serveApp();
});
afterAll(async () => {
  await app.close();
  await db.$disconnect();
  await database.drop();
});
beforeEach(seed);

describe("POST /webhooks: only what Shopify signed counts", () => {
  it("processes each genuine delivery (the fixtures are valid)", async () => {
    for (const topic of TOPICS) {
      await seed();
      const response = await deliver(GENUINE[topic], { topic });
      expect(response.status, `${topic}: ${response.text}`).toBe(200);
      expect(JSON.parse(response.text)).toEqual({ outcome: expectedOutcome(topic) });
    }
  });

  it("topic-swapped: a genuine body under any other topic changes nothing", async () => {
    const before = await snapshot(db);
    for (const from of TOPICS)
      for (const to of TOPICS.filter((t) => t !== from)) {
        const response = await deliver(GENUINE[from], { topic: to });
        expect(response.status, `${from} as ${to}`).toBeLessThan(500);
        // Into a topic with a handler, the body must be refused outright, unless Shopify sends that very
        // body under that topic too (a fulfillment's update that is no cancellation; an order paid at
        // checkout, sent as orders/create and orders/paid alike): then it is acknowledged without effect.
        const twin = SAME_BODY.some(([a, b]) => a === from && b === to);
        if (HANDLED.includes(to) && !twin)
          expect(response.status, `${from} as ${to}: ${response.text}`).toBe(400);
        if (twin) expect(JSON.parse(response.text), `${from} as ${to}`).not.toEqual({ outcome: "handled" });
      }
    expect(await snapshot(db)).toEqual(before);
  });

  it("shop-swapped: a genuine body of SHOP delivered as OTHER's changes nothing", async () => {
    const before = await snapshot(db);
    for (const topic of TOPICS) {
      const response = await deliver(GENUINE[topic], { topic, shop: OTHER });
      expect(response.status, topic).toBeLessThan(500);
    }
    expect(await snapshot(db)).toEqual(before);
  });

  it("header-swapped: a processed body re-sent with fresh ids and time changes nothing", async () => {
    for (const topic of TOPICS) {
      await seed();
      expect((await deliver(GENUINE[topic], { topic })).status).toBe(200);
      // The shop is set up again as before (reinstalled, say); the dedupe records stay.
      const received = await db.receivedWebhook.findMany();
      await seed();
      for (const r of received) await db.receivedWebhook.create({ data: r });
      const before = await snapshot(db);
      const replay = await deliver(GENUINE[topic], { topic });
      expect(replay.status, topic).toBe(200);
      expect(await snapshot(db), topic).toEqual(before);
    }
  });

  it("refuses a stale replay and accepts Shopify's last retry inside the window", async () => {
    const body = GENUINE["app/uninstalled"];
    const stale = await deliver(body, {
      topic: "app/uninstalled",
      triggeredAt: new Date(Date.now() - 7 * HOUR),
    });
    expect(stale).toEqual({ status: 400, text: JSON.stringify({ error: "delivery_stale" }) });
    const future = await deliver(body, {
      topic: "app/uninstalled",
      triggeredAt: new Date(Date.now() + HOUR),
    });
    expect(future.status).toBe(400);
    expect(await db.session.count({ where: { shop: SHOP } })).toBe(1);
    // Shopify retries 8 times over 4 hours with the original X-Shopify-Triggered-At.
    const retry = await deliver(body, {
      topic: "app/uninstalled",
      triggeredAt: new Date(Date.now() - 4 * HOUR - 5 * 60_000),
    });
    expect(retry.status).toBe(200);
    expect(await db.session.count({ where: { shop: SHOP } })).toBe(0);
  });

  it("counts one Shopify event once, however often it arrives", async () => {
    const body = GENUINE["orders/cancelled"];
    const answers = await Promise.all(
      [1, 2, 3].map(() => deliver(body, { topic: "orders/cancelled", eventId: "ev-cancel-1" })),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(await db.webhookEvent.count()).toBe(1);
    expect(await db.refundJob.count()).toBe(1);
  });

  it("answers a signed but malformed payload with 400, never 500, and changes nothing", async () => {
    const before = await snapshot(db);
    for (const body of ["{not json", "null", "[]", '"text"', JSON.stringify({ id: "x" })])
      for (const topic of TOPICS) {
        const response = await deliver(body, { topic });
        expect(response.status, `${topic}: ${body}`).toBe(400);
      }
    expect(await snapshot(db)).toEqual(before);
  });

  it("refuses a forged signature with 401 and missing headers with 400", async () => {
    const before = await snapshot(db);
    expect(
      (await deliver(GENUINE["shop/redact"], { topic: "shop/redact", secret: "not-the-secret" })).status,
    ).toBe(401);
    const raw = JSON.stringify(GENUINE["shop/redact"]);
    const headers = signedHeaders(raw, { topic: "shop/redact" });
    delete headers["X-Shopify-Shop-Domain"];
    expect((await fetch(`${app.origin}/webhooks`, { method: "POST", body: raw, headers })).status).toBe(400);
    expect(await snapshot(db)).toEqual(before);
  });

  it("creates no shop for a domain that never installed the app", async () => {
    const stranger = "stranger.myshopify.com";
    for (const topic of TOPICS) {
      const body = JSON.parse(JSON.stringify(GENUINE[topic]).replaceAll(SHOP, stranger)) as unknown;
      expect((await deliver(body, { topic, shop: stranger })).status).toBe(200);
    }
    expect(await db.shop.count({ where: { domain: stranger } })).toBe(0);
    expect(await db.receivedWebhook.count()).toBe(0);
  });

  it("answers GET with 405 and no stack trace", async () => {
    const response = await fetch(`${app.origin}/webhooks`);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(await response.text()).not.toMatch(/Error|\bat \S+ \(/);
  });
});

/** Streams `total` bytes to the server; counts what the server let through before it answered. */
function upload(path: string, total: number, declareLength: boolean) {
  return new Promise<{ status: number; sent: number }>((resolve, reject) => {
    let sent = 0;
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const body = new Readable({
      read() {
        if (sent >= total) return this.push(null);
        sent += chunk.length;
        this.push(chunk);
      },
    });
    const raw = '{"padding":"';
    const headers: Record<string, string | number> = {
      "Content-Type": "application/json",
      ...signedHeaders(raw, { topic: "orders/create" }),
    };
    if (declareLength) headers["Content-Length"] = total;
    else headers["Transfer-Encoding"] = "chunked";
    const req = httpRequest(`${app.origin}${path}`, { method: "POST", headers }, (res) => {
      res.resume();
      body.destroy();
      req.destroy();
      resolve({ status: res.statusCode ?? 0, sent });
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      // The server closed the connection after its 413; the answer may already be in.
      if (error.code !== "ECONNRESET" && error.code !== "EPIPE") reject(error);
      else resolve({ status: -1, sent: 0 });
    });
    body.pipe(req);
  });
}

describe("request size limits", () => {
  const MiB = 1024 * 1024;

  it("answers 413 to a declared 400 MB webhook without reading it", async () => {
    const { status, sent } = await upload("/webhooks", 400 * MiB, true);
    expect(status).toBe(413);
    // What the client could push before the answer is socket buffers, not the body.
    expect(sent).toBeLessThan(32 * MiB);
  });

  it("stops reading a chunked webhook body at the limit", async () => {
    const { status, sent } = await upload("/webhooks", 400 * MiB, false);
    expect(status).toBe(413);
    expect(sent).toBeLessThan(40 * MiB);
  });

  it("refuses a 30 MB body to the batches API before authentication", async () => {
    const { status, sent } = await upload("/api/batches", 30 * MiB, true);
    expect(status).toBe(413);
    expect(sent).toBeLessThan(30 * MiB);
  });

  it("still takes a large genuine order payload (3 MB) under the 4 MiB limit", async () => {
    const big = order({
      line_items: Array.from({ length: 1000 }, (_, i) => ({ id: i + 1, title: "x".repeat(3000) })),
    });
    expect(JSON.stringify(big).length).toBeGreaterThan(3_000_000);
    const response = await deliver(big, { topic: "orders/paid" });
    expect(response.status).toBe(200);
  });
});

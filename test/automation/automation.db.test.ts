import { getHmac } from "@shopify/shopify-api/test-helpers";
import { describe, expect, it } from "vitest";
import { automationPass, runNow } from "~/automation/scheduler.server";
import { setPaused } from "~/automation/settings.server";
import { startBatch } from "~/franking/start-batch.server";
import { fakeAdmin } from "../support/fake-admin";
import { countRequests } from "../support/internetmarke-sim";
import { responseOf, TEST_APP } from "../support/app-env";
import { expectLedgerMatches, SHOP, useAutomation } from "./harness";

const env = useAutomation("sqlite");

const CHECKOUT = "/app/shoppingcart/pdf";
/** Each test buys through the simulator and the fake over real HTTP; slow on a loaded machine. */
const SLOW = 60_000;

async function batchOrders(batchId: string) {
  const orders = await env.db().frankingOrder.findMany({ where: { batchId }, orderBy: { position: "asc" } });
  return orders.map((o) => ({ orderId: o.orderId, status: o.status }));
}

describe("automatic franking", () => {
  it(
    "franks exactly the new paid orders that match the rules, once, as one batch",
    async () => {
      await env.rules({ schedule: "now", countries: ["DE"], shippingMethods: ["brief"], minOrderCents: 100 });
      const a = await env.place();
      const austria = await env.place({ country: "AT" });
      const parcel = await env.place({ shipping: "DHL Paket" });
      const unpaid = await env.place({ paid: false });
      const byHand = await env.place();
      const e = await env.place();
      await env.fake.whenIdle();
      // Webhooks made candidates of the paid orders (the unpaid one waits for orders/paid).
      const candidates = await env.db().automationCandidate.findMany({ where: { shopId: env.shopId() } });
      expect(candidates.map((c) => c.orderId).sort()).toEqual([a, austria, parcel, byHand, e].sort());
      expect(new Set(candidates.map((c) => c.source))).toEqual(new Set(["webhook"]));

      // The merchant franks one of them by hand before the run.
      const manual = await startBatch(
        fakeAdmin(env.fake, SHOP, await token()),
        SHOP,
        { orderIds: [byHand], labelFormat: "PDF", startPosition: 1 },
        env.clock.now(),
      );
      expect(manual.ok).toBe(true);

      const outcomes = await automationPass(await env.deps());
      expect(outcomes).toEqual([expect.objectContaining({ status: "DONE", batchId: expect.any(String) })]);
      const batchId = outcomes[0]?.batchId ?? "";
      expect(await batchOrders(batchId)).toEqual([
        { orderId: a, status: "QUEUED" },
        { orderId: e, status: "QUEUED" },
      ]);
      await env.buy();
      // Nothing new: a second pass makes no run that buys, whatever it finds.
      expect((await automationPass(await env.deps())).filter((o) => o.status === "DONE")).toEqual([]);
      await env.buy();

      expect(await env.frankedOrders()).toEqual([a, byHand, e].sort());
      expect(await env.frankedOrders()).not.toContain(unpaid);
      // Orders the merchant had before switching automation on are never taken.
      expect(await env.db().frankingOrder.count({ where: { shopId: env.shopId() } })).toBe(3);
      const runs = await env.db().automationRun.findMany({ where: { shopId: env.shopId(), status: "DONE" } });
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ orderCount: 2, estimateCents: expect.any(Number) });
      await expectLedgerMatches(env);
    },
    SLOW,
  );

  it(
    "picks up an order whose webhook never arrived with the safety-net query",
    async () => {
      await env.rules({ schedule: "now" });
      const missed = await env.place({ deliver: false });
      await env.fake.whenIdle();
      expect(await env.db().automationCandidate.count({ where: { shopId: env.shopId() } })).toBe(0);

      const outcomes = await automationPass(await env.deps());
      expect(outcomes).toEqual([expect.objectContaining({ status: "DONE" })]);
      const candidate = await env.db().automationCandidate.findUniqueOrThrow({
        where: { shopId_orderId: { shopId: env.shopId(), orderId: missed } },
      });
      expect(candidate).toMatchObject({ source: "query", outcome: "batched" });
      await env.buy();
      expect(await env.frankedOrders()).toEqual([missed]);
    },
    SLOW,
  );

  it(
    "stops a run before buying when it would pass the daily spending limit, counting earlier runs",
    async () => {
      await env.rules({ schedule: "now", dailyLimitCents: 200 });
      await env.place();
      await env.fake.whenIdle();
      expect(await automationPass(await env.deps())).toEqual([expect.objectContaining({ status: "DONE" })]);
      await env.buy();
      const checkouts = countRequests(env.sim, "POST", CHECKOUT);

      env.clock.advance(60_000);
      const waiting = [await env.place(), await env.place()];
      await env.fake.whenIdle();
      const outcomes = await automationPass(await env.deps());
      expect(outcomes).toEqual([expect.objectContaining({ status: "STOPPED", reason: "daily_limit" })]);
      expect(countRequests(env.sim, "POST", CHECKOUT)).toBe(checkouts);
      expect(await env.db().frankingBatch.count({ where: { shopId: env.shopId() } })).toBe(1);
      // The stopped orders stay candidates for a later run (tomorrow's limit).
      const pending = await env
        .db()
        .automationCandidate.findMany({ where: { shopId: env.shopId(), doneAt: null } });
      expect(pending.map((c) => c.orderId).sort()).toEqual([...waiting].sort());
      await expectLedgerMatches(env);
    },
    SLOW,
  );

  it(
    "stops a run before buying when the balance would fall under the threshold",
    async () => {
      // The simulator's merchant holds 100.00 EUR; one Standardbrief would leave less than 99.50 EUR.
      await env.rules({ schedule: "now", minBalanceCents: 9_950 });
      await env.place();
      await env.fake.whenIdle();
      const outcomes = await automationPass(await env.deps());
      expect(outcomes).toEqual([expect.objectContaining({ status: "STOPPED", reason: "balance_threshold" })]);
      expect(countRequests(env.sim, "POST", CHECKOUT)).toBe(0);
      expect(await env.db().frankingBatch.count({ where: { shopId: env.shopId() } })).toBe(0);

      await env.rules({ schedule: "now", minBalanceCents: 5_000 });
      env.clock.advance(60_000);
      await env.place();
      await env.fake.whenIdle();
      expect(await automationPass(await env.deps())).toEqual([expect.objectContaining({ status: "DONE" })]);
    },
    SLOW,
  );

  it(
    "does nothing while paused, and takes the waiting orders once resumed",
    async () => {
      await env.rules({ schedule: "now" });
      await setPaused(env.db(), env.shopId(), true, env.clock.now());
      const order = await env.place();
      await env.fake.whenIdle();
      expect(await automationPass(await env.deps())).toEqual([]);
      expect(await runNow(await env.deps(), { id: env.shopId(), domain: SHOP })).toEqual({
        ok: false,
        problem: "paused",
      });
      expect(await env.db().automationRun.count({ where: { shopId: env.shopId() } })).toBe(0);
      expect(await env.db().frankingBatch.count({ where: { shopId: env.shopId() } })).toBe(0);

      await setPaused(env.db(), env.shopId(), false, env.clock.now());
      expect(await automationPass(await env.deps())).toEqual([expect.objectContaining({ status: "DONE" })]);
      await env.buy();
      expect(await env.frankedOrders()).toEqual([order]);
    },
    SLOW,
  );

  it(
    "runs a 14:00 slot once when the clock passes it, in the shop's time zone",
    async () => {
      // The clock starts at 2025-10-06 19:03 in Berlin (17:03 UTC): today's 14:00 is before the rules.
      await env.rules({ schedule: "times", times: ["14:00"], timeZone: "Europe/Berlin" });
      const first = await env.place();
      await env.fake.whenIdle();
      expect(await automationPass(await env.deps())).toEqual([]);

      const to = (iso: string) => env.clock.advance(new Date(iso).getTime() - env.clock.now().getTime());
      to("2025-10-07T11:59:00Z"); // 13:59 in Berlin (CEST, UTC+2)
      expect(await automationPass(await env.deps())).toEqual([]);
      to("2025-10-07T12:00:30Z");
      const outcomes = await automationPass(await env.deps());
      expect(outcomes).toEqual([expect.objectContaining({ status: "DONE" })]);
      expect(await automationPass(await env.deps())).toEqual([]);
      to("2025-10-07T12:20:00Z");
      const late = await env.place();
      await env.fake.whenIdle();
      expect(await automationPass(await env.deps())).toEqual([]);

      const runs = await env.db().automationRun.findMany({ where: { shopId: env.shopId() } });
      expect(runs.map((r) => [r.slotKey, r.status])).toEqual([["times:2025-10-07T14:00", "DONE"]]);
      expect(await batchOrders(outcomes[0]?.batchId ?? "")).toEqual([{ orderId: first, status: "QUEUED" }]);

      to("2025-10-08T12:00:00Z");
      const next = await automationPass(await env.deps());
      expect(next).toEqual([expect.objectContaining({ status: "DONE" })]);
      expect(await batchOrders(next[0]?.batchId ?? "")).toEqual([{ orderId: late, status: "QUEUED" }]);
    },
    SLOW,
  );
});

describe("a run whose process died", () => {
  it(
    "is left alone while its lease lasts and finished by another process after it, under the same key",
    async () => {
      await env.rules({ schedule: "times", times: ["14:00"], timeZone: "Europe/Berlin" });
      const order = await env.place();
      await env.fake.whenIdle();
      env.clock.advance(new Date("2025-10-07T12:00:10Z").getTime() - env.clock.now().getTime());
      const dead = await env.db().automationRun.create({
        data: {
          shopId: env.shopId(),
          slotKey: "times:2025-10-07T14:00",
          slotAt: new Date("2025-10-07T12:00:00Z"),
          leaseOwner: "dead-process#1",
          leaseUntil: new Date(env.clock.now().getTime() + 5 * 60_000),
          createdAt: env.clock.now(),
        },
      });
      expect(await automationPass(await env.deps())).toEqual([]);
      env.clock.advance(6 * 60_000);
      expect(await automationPass(await env.deps())).toEqual([
        expect.objectContaining({ runId: dead.id, status: "DONE" }),
      ]);
      expect(await env.db().automationRun.count({ where: { shopId: env.shopId() } })).toBe(1);
      await env.buy();
      expect(await env.frankedOrders()).toEqual([order]);
    },
    SLOW,
  );
});

describe("orders/create and orders/paid", () => {
  const deliver = async (secret: string, orderGid: string) => {
    const id = Number(orderGid.split("/").pop());
    const body = JSON.stringify({
      id,
      admin_graphql_api_id: orderGid,
      name: `#${id}`,
      line_items: [{ id: 1 }],
      financial_status: "paid",
      created_at: new Date().toISOString(),
      cancelled_at: null,
    });
    const request = new Request(`${TEST_APP.appUrl}/webhooks`, {
      method: "POST",
      body,
      headers: {
        "Content-Type": "application/json",
        "X-Shopify-Topic": "orders/paid",
        "X-Shopify-Hmac-Sha256": getHmac(body, secret),
        "X-Shopify-Shop-Domain": SHOP,
        "X-Shopify-API-Version": "2026-10",
        "X-Shopify-Webhook-Id": `wh-${Math.random()}`,
        "X-Shopify-Event-Id": `ev-${Math.random()}`,
        "X-Shopify-Triggered-At": new Date().toISOString(),
      },
    });
    const { action } = await import("~/routes/webhooks");
    return responseOf(() => action({ request, params: {}, context: {} }));
  };

  it(
    "records nothing for a shop without rules, and a forged delivery is refused before it touches data",
    async () => {
      await env.place();
      await env.fake.whenIdle();
      expect(await env.db().automationCandidate.count()).toBe(0);
      await env.rules({ schedule: "now" });
      // An order of the shop whose webhooks Shopify has not sent yet, delivered here by hand.
      const orderGid = await env.place({ deliver: false });
      expect((await deliver("not-the-secret", orderGid)).status).toBe(401);
      expect(await env.db().automationCandidate.count()).toBe(0);
      expect((await deliver(TEST_APP.apiSecret, orderGid)).status).toBe(200);
      expect(await env.db().automationCandidate.count()).toBe(1);
    },
    SLOW,
  );
});

async function token(): Promise<string> {
  const session = await env.db().session.findFirstOrThrow({ where: { shop: SHOP } });
  return session.accessToken;
}

import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { FRANKING_ORDER_QUERY } from "~/franking/fulfill.server";
import { shopifyCall } from "~/shopify/call.server";
import type { AdminGraphql } from "~/shopify/graphql.server";
import { ADMIN_API_VERSION, createShopifyFake } from "../shopify-fake";
import { API_KEY, API_SECRET, manualClock } from "../shopify-fake/test-helpers";
import { fakeAdmin } from "../support/fake-admin";

const clock = manualClock();
const fake = createShopifyFake({ apiKey: API_KEY, apiSecret: API_SECRET, now: clock.now });
const anyOrder = z.object({ order: z.object({ id: z.string() }).nullable() });
let shop = { shopDomain: "", accessToken: "" };
let orderId = "";

/** Like shopify-api's client (errors thrown as GraphqlQueryError) or a plain fetch (errors in the body). */
const ADMINS: Array<[string, () => AdminGraphql]> = [
  ["errors thrown as GraphqlQueryError", () => fakeAdmin(fake, shop.shopDomain, shop.accessToken)],
  [
    "errors in the returned body",
    () => ({
      graphql: (query, options) =>
        fake.fetch(`https://${shop.shopDomain}/admin/api/${ADMIN_API_VERSION}/graphql.json`, {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": shop.accessToken },
          body: JSON.stringify({ query, variables: options?.variables }),
        }),
    }),
  ],
];

beforeEach(() => {
  fake.reset();
  shop = fake.seedDemoShop();
  orderId = `gid://shopify/Order/${fake.shop(shop.shopDomain).orders[0]?.id}`;
});

const sleeper = () => {
  const sleeps: number[] = [];
  return { sleeps, sleep: async (ms: number) => { sleeps.push(ms); clock.advance(ms); } };
};

describe.each(ADMINS)("Admin calls in the background (%s)", (_name, admin) => {
  it("paces by the cost bucket so that a run of calls is never throttled", async () => {
    fake.throttle = { maximumAvailable: 30, restoreRate: 10 };
    const { sleeps, sleep } = sleeper();
    for (let i = 0; i < 6; i++) await shopifyCall(admin(), FRANKING_ORDER_QUERY, { id: orderId }, anyOrder, { sleep });
    expect(fake.calls.filter((c) => c.throttled)).toEqual([]);
    expect(sleeps.some((ms) => ms > 0)).toBe(true);
  });

  it("waits out a THROTTLED answer and sends the call again", async () => {
    // One read asks for 23 points and uses 7: after it the bucket holds 18, too few for the next.
    fake.throttle = { maximumAvailable: 25, restoreRate: 10 };
    const drain = admin();
    await drain.graphql(FRANKING_ORDER_QUERY, { variables: { id: orderId } }).catch(() => undefined);
    const { sleeps, sleep } = sleeper();
    const data = await shopifyCall(admin(), FRANKING_ORDER_QUERY, { id: orderId }, anyOrder, { sleep });
    expect(data.order?.id).toBe(orderId);
    expect(fake.calls.map((c) => c.throttled)).toEqual([false, true, false]);
    expect(sleeps[0]).toBeGreaterThan(0);
  });

  it("gives up after the configured number of THROTTLED answers", async () => {
    fake.throttle = { maximumAvailable: 25, restoreRate: 0 };
    await admin().graphql(FRANKING_ORDER_QUERY, { variables: { id: orderId } }).catch(() => undefined);
    const { sleep } = sleeper();
    await expect(shopifyCall(admin(), FRANKING_ORDER_QUERY, { id: orderId }, anyOrder, { sleep, maxThrottledAttempts: 3 })).rejects.toMatchObject({
      name: "ShopifyThrottledError",
    });
  });
});

import { beforeEach, describe, expect, it } from "vitest";
import { createShopifyFake, type ShopifyFake } from "./index";
import { API_KEY, API_SECRET, at, clientFor, manualClock, type GraphQLReply } from "./test-helpers";

let fake: ShopifyFake;
let clock: ReturnType<typeof manualClock>;
let run: (query: string, variables?: Record<string, unknown>) => Promise<GraphQLReply>;

beforeEach(() => {
  clock = manualClock();
  fake = createShopifyFake({ apiKey: API_KEY, apiSecret: API_SECRET, now: clock.now });
  const { shopDomain, accessToken } = fake.seedDemoShop();
  run = clientFor(fake, shopDomain, accessToken);
});

/** 2 + 20 × (1 order + 2 + 5 × 1 line) = 162 requested; 20 orders with 1 line each actually cost 2 + 20 × 4 ≈ 100. */
const HEAVY = "query Heavy { orders(first: 20) { nodes { id lineItems(first: 5) { nodes { id } } } } }";

describe("query cost", () => {
  it("prices scalars 0, objects 1, connections 2 + first × node, and refunds the unused part", async () => {
    const reply = await run(HEAVY);
    const cost = at(reply.body, "extensions", "cost");
    expect(cost).toMatchObject({ requestedQueryCost: 162 });
    const actual = Number(at(cost, "actualQueryCost"));
    expect(actual).toBeLessThan(162);
    expect(at(cost, "throttleStatus")).toEqual({
      maximumAvailable: 2000,
      currentlyAvailable: 2000 - actual,
      restoreRate: 100,
    });
    const shop = await run("{ shop { id name } }");
    expect(at(shop.body, "extensions", "cost")).toMatchObject({ requestedQueryCost: 1, actualQueryCost: 1 });
  });

  it("refuses a single query above 1000 points with MAX_COST_EXCEEDED, without charging", async () => {
    const reply = await run("{ orders(first: 250) { nodes { lineItems(first: 250) { nodes { id } } } } }");
    expect(at(reply.body, "errors", 0, "extensions")).toMatchObject({
      code: "MAX_COST_EXCEEDED",
      cost: 2 + 250 * (1 + 2 + 250),
      maxCost: 1000,
    });
    expect(at(reply.body, "errors", 0, "message")).toMatch(
      /^Query cost is 63252, which exceeds the single query max cost limit \(1000\)\./,
    );
    expect(at(reply.body, "extensions", "cost")).toMatchObject({
      actualQueryCost: null,
      throttleStatus: { currentlyAvailable: 2000 },
    });
    expect(reply.body.data).toBeUndefined();
  });
});

describe("leaky bucket", () => {
  it("drains, throttles with HTTP 200 and THROTTLED, and refills with time", async () => {
    fake.throttle = { maximumAvailable: 400, restoreRate: 50 };
    const costs: number[] = [];
    let throttled: GraphQLReply | undefined;
    for (let i = 0; i < 10 && !throttled; i += 1) {
      const reply = await run(HEAVY);
      if (at(reply.body, "errors", 0, "extensions", "code") === "THROTTLED") throttled = reply;
      else costs.push(Number(at(reply.body, "extensions", "cost", "actualQueryCost")));
    }
    expect(throttled?.status).toBe(200);
    expect(throttled?.body).toEqual({
      errors: [
        {
          message: "Throttled",
          extensions: {
            code: "THROTTLED",
            documentation: "https://shopify.dev/api/usage/limits#rate-limits",
          },
        },
      ],
      extensions: {
        cost: {
          requestedQueryCost: 162,
          actualQueryCost: null,
          throttleStatus: {
            maximumAvailable: 400,
            currentlyAvailable: 400 - costs.reduce((a, b) => a + b, 0),
            restoreRate: 50,
          },
        },
      },
    });
    expect(fake.calls.at(-1)).toMatchObject({ operationName: "Heavy", throttled: true, requestedCost: 162 });

    clock.advance(4_000);
    const restored = await run("{ shop { name } }");
    const available = Number(at(restored.body, "extensions", "cost", "throttleStatus", "currentlyAvailable"));
    expect(available).toBe(Math.min(400, 400 - costs.reduce((a, b) => a + b, 0) + 200) - 1);
    expect((await run(HEAVY)).body.errors).toBeUndefined();
  });

  it("keeps one bucket per shop", async () => {
    fake.throttle = { maximumAvailable: 200, restoreRate: 10 };
    const other = fake.addShop({
      shopDomain: "zweiter-laden.myshopify.com",
      orders: [{ lineItems: [{ title: "Karte", priceCents: 100 }] }],
    });
    await run(HEAVY);
    const otherRun = clientFor(fake, other.shopDomain, other.accessToken);
    const reply = await otherRun("{ shop { name } }");
    expect(at(reply.body, "extensions", "cost", "throttleStatus", "currentlyAvailable")).toBe(199);
  });
});

describe("latency", () => {
  it("adds the configured delay to every request", async () => {
    fake.latencyMs = 40;
    const started = performance.now();
    await run("{ shop { name } }");
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
  });
});

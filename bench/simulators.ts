/**
 * The benchmark's outside world in its own process, so the app's memory and CPU are measured alone: the
 * INTERNETMARKE simulator and the Shopify fake on 127.0.0.1 with the latency model, a Portokasse with
 * enough money and N frankable orders. Forked by franking.bench.ts; answers "report" with everything it
 * saw and "stop" by exiting.
 */
import { FRANKED_TAG } from "~/franking/confirm.server";
import { createShopifyFake } from "../test/shopify-fake";
import { createInternetmarkeSimulator } from "../test/simulators/internetmarke";
import { commandSchema, simConfigSchema, type SimReport } from "./protocol";
import { BENCH_APP, BENCH_MERCHANT, benchOrder, LATENCY, SHOPIFY_BUCKET } from "./scenario";

const config = simConfigSchema.parse(JSON.parse(process.env.BENCH_SIM ?? "{}"));
const send = (message: unknown) => process.send?.(message);

const sim = createInternetmarkeSimulator();
sim.addApp(BENCH_APP);
sim.addAccount({ ...BENCH_MERCHANT, balanceCents: config.balanceCents, approvedApps: [BENCH_APP.clientId] });
sim.faults.latencyMs = LATENCY.internetmarkeMs;

const fake = createShopifyFake({ apiKey: BENCH_APP.apiKey, apiSecret: BENCH_APP.apiSecret });
const { shopDomain, accessToken } = fake.seedDemoShop();
const shop = fake.shop(shopDomain);
const orderIds = Array.from(
  { length: config.n },
  (_, i) => `gid://shopify/Order/${shop.addOrder(benchOrder(i)).id}`,
);
fake.throttle = { ...SHOPIFY_BUCKET };
fake.latencyMs = LATENCY.shopifyMs;

const [imServer, fakeServer] = await Promise.all([sim.listen(), fake.listen()]);

function report(): SimReport {
  const account = sim.account(BENCH_MERCHANT.username);
  const purchases = account.ledger.filter((e) => e.kind === "purchase");
  const orders = orderIds.map((id) => shop.requireOrder(id));
  return {
    type: "report",
    imRequests: sim.requests.map((r) => ({ method: r.method, path: r.path, atMs: r.at.getTime() })),
    shopifyCalls: fake.calls.map((c) => ({
      operationName: c.operationName,
      requestedCost: c.requestedCost,
      actualCost: c.actualCost,
      throttled: c.throttled,
      atMs: c.at.getTime(),
    })),
    wallet: {
      voucherIds: account.vouchers.map((v) => v.voucherId),
      purchasedCents: -purchases.reduce((sum, e) => sum + e.cents, 0),
      purchaseRefs: purchases.map((e) => e.ref),
    },
    orders: {
      count: orders.length,
      withOneFulfillment: orders.filter((o) => o.fulfillments.length === 1).length,
      tagged: orders.filter((o) => o.tags.includes(FRANKED_TAG)).length,
      withVoucherMetafield: orderIds.filter((id) => shop.metafieldsOf(id).some((m) => m.key === "vouchers"))
        .length,
      trackingNumbers: orders.flatMap((o) => o.fulfillments.flatMap((f) => f.trackingInfo)).length,
    },
  };
}

process.on("message", (raw) => {
  const command = commandSchema.parse(raw);
  if (command.type === "report") {
    send(report());
    return;
  }
  void Promise.all([imServer.close(), fakeServer.close()]).finally(() => process.exit(0));
});

send({
  type: "ready",
  imOrigin: imServer.origin,
  fakeOrigin: fakeServer.origin,
  shopDomain,
  accessToken,
  orderIds,
});

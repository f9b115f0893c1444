/**
 * The multi-shop benchmark's outside world in its own process: the INTERNETMARKE simulator with one
 * Portokasse per shop and the Shopify fake with S shops of N frankable orders each. Every shop has its
 * own Shopify cost bucket (the fake keeps one per shop, as Shopify does per app and store) and every
 * Deutsche Post call its latency, whichever account makes it. Answers "report" and "stop".
 */
import { FRANKED_TAG } from "~/franking/confirm.server";
import { createShopifyFake } from "../../test/shopify-fake";
import { createInternetmarkeSimulator } from "../../test/simulators/internetmarke";
import { commandSchema } from "../protocol";
import { BENCH_APP, BENCH_MERCHANT, benchOrder, LATENCY, SHOPIFY_BUCKET } from "../scenario";
import { multiSimConfigSchema, type BenchShop, type MultiSimReport } from "./protocol";

const config = multiSimConfigSchema.parse(JSON.parse(process.env.BENCH_SIM ?? "{}"));
const send = (message: unknown) => process.send?.(message);

const sim = createInternetmarkeSimulator();
sim.addApp(BENCH_APP);
sim.faults.latencyMs = LATENCY.internetmarkeMs;

const fake = createShopifyFake({ apiKey: BENCH_APP.apiKey, apiSecret: BENCH_APP.apiSecret });
fake.throttle = { ...SHOPIFY_BUCKET };
fake.latencyMs = LATENCY.shopifyMs;

const shops: BenchShop[] = [];
for (let s = 0; s < config.shops; s++) {
  const username = `versand${s + 1}@bench.example`;
  sim.addAccount({
    username,
    password: BENCH_MERCHANT.password,
    balanceCents: config.orders * 2_000 + 100_000,
    approvedApps: [BENCH_APP.clientId],
  });
  const { shopDomain, accessToken } = fake.addShop({ shopDomain: `bench-shop-${s + 1}.myshopify.com` });
  const shop = fake.shop(shopDomain);
  const orderIds = Array.from(
    { length: config.orders },
    (_, i) => `gid://shopify/Order/${shop.addOrder(benchOrder(i)).id}`,
  );
  shops.push({ domain: shopDomain, accessToken, username, password: BENCH_MERCHANT.password, orderIds });
}

const [imServer, fakeServer] = await Promise.all([sim.listen(), fake.listen()]);

function report(): MultiSimReport {
  const cpu = process.cpuUsage();
  return {
    type: "report",
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    shops: shops.map(({ domain, username, orderIds }) => {
      const account = sim.account(username);
      const orders = orderIds.map((id) => fake.shop(domain).requireOrder(id));
      const purchases = account.ledger.filter((e) => e.kind === "purchase");
      return {
        domain,
        voucherIds: account.vouchers.map((v) => v.voucherId),
        purchasedCents: -purchases.reduce((sum, e) => sum + e.cents, 0),
        ordersWithOneFulfillment: orders.filter(
          // New batches write no tag (ADR 021).
          (o) => o.fulfillments.length === 1 && (FRANKED_TAG === "" || o.tags.includes(FRANKED_TAG)),
        ).length,
        ordersWithTrackingNumber: orders.filter((o) => o.fulfillments.some((f) => f.trackingInfo.length > 0))
          .length,
      };
    }),
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

send({ type: "ready", imOrigin: imServer.origin, fakeOrigin: fakeServer.origin, shops });

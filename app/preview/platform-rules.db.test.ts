/**
 * The preview against Shopify's platform rules (the stricter fake): orders one letter cannot fulfil are left
 * out with their reason before any stamp is bought, and orders whose recipient data Shopify withholds are
 * left out with a reason naming what to request, while the rest of the batch goes on.
 */
import { expect, it } from "vitest";
import { confirmOrders } from "~/franking/confirm.server";
import { translate } from "~/i18n";
import { DEMO_SHOP_DOMAIN, LEVEL_1_ONLY, type ShopifyFake } from "../../test/shopify-fake";
import { describeEachDatabase } from "../../test/support/databases";
import { seedPreviewShop } from "../../test/support/preview-shop";
import { useSimulator } from "../../test/support/internetmarke-sim";
import { previewBatch, type PreviewDeps } from "./preview.server";

const KEY = "7b".repeat(32);

describeEachDatabase("the preview under Shopify's rules", (database) => {
  const env = useSimulator();
  let fake: ShopifyFake;
  let deps: PreviewDeps;
  let shopId = "";

  async function setUp(settings: Record<string, unknown> = {}) {
    const db = database().db;
    const seeded = await seedPreviewShop(db, env, { settings, encryptionKey: KEY });
    ({ fake, shopId } = seeded);
    deps = { admin: seeded.admin, db, im: seeded.client, encryptionKey: KEY, now: env.clock.now() };
  }

  const gidOf = (name: string) => `gid://shopify/Order/${fake.shop(DEMO_SHOP_DOMAIN).requireOrder(name).id}`;
  const allOrders = () => fake.shop(DEMO_SHOP_DOMAIN).orders.map((o) => `gid://shopify/Order/${o.id}`);

  it("leaves out the 3PL order, the split order and the pickup order, each with its reason", async () => {
    await setUp();
    const preview = await previewBatch(deps, { shopDomain: DEMO_SHOP_DOMAIN, orderIds: allOrders() });
    const byName = new Map(preview.lines.map((l) => [l.orderName, l]));
    expect(byName.get("#1021")).toMatchObject({ ok: false, error: "no-fulfillment-order" });
    expect(byName.get("#1022")).toMatchObject({
      ok: false,
      error: "several-locations",
      reasonParams: { key: "several-locations", values: { count: 2 } },
    });
    expect(byName.get("#1023")).toMatchObject({ ok: false, error: "not-shipped" });
    expect(byName.get("#1001")).toMatchObject({ ok: true });
    const line = byName.get("#1022");
    expect(line && translate("de", "reason.several-locations", { count: 2 })).toMatch(/von 2 Standorten/);
  });

  it("never prices an order it cannot fulfil for the batch: confirm leaves them out before buying", async () => {
    await setUp({ voucherLayout: "FRANKING_ZONE" });
    const confirmed = await confirmOrders(
      { ...deps },
      {
        shopId,
        orderIds: ["#1001", "#1021", "#1022", "#1023"].map(gidOf),
        labelFormat: "PNG",
        startPosition: 1,
      },
    );
    if (!confirmed.ok) throw new Error(confirmed.problem);
    expect(confirmed.orders.map((o) => o.orderName)).toEqual(["#1001"]);
    expect(confirmed.leftOut.map((o) => [o.orderName, o.reason])).toEqual([
      ["#1021", "no-fulfillment-order"],
      ["#1022", "several-locations"],
      ["#1023", "not-shipped"],
    ]);
  });

  it("without protected-data approval, franks abroad on the franking-zone stamp and explains the German orders", async () => {
    await setUp({ voucherLayout: "FRANKING_ZONE" });
    fake.protectedCustomerData = LEVEL_1_ONLY;
    const preview = await previewBatch(deps, { shopDomain: DEMO_SHOP_DOMAIN, orderIds: allOrders() });
    const orders = fake.shop(DEMO_SHOP_DOMAIN).orders;
    const byName = new Map(preview.lines.map((l) => [l.orderName, l]));
    const abroad = orders.filter(
      (o) =>
        o.shippingAddress &&
        o.shippingAddress.countryCode !== "DE" &&
        !o.cancelledAt &&
        o.fulfillments.length === 0,
    );
    expect(abroad.length).toBeGreaterThan(0);
    for (const order of abroad) expect(byName.get(order.name)?.ok, order.name).toBe(true);
    const denied = preview.lines.filter((l) => !l.ok && l.error === "protected-data-denied");
    expect(denied.length).toBeGreaterThan(5);
    expect(denied[0]?.reason).toMatch(/Partner Dashboard/);
    expect(translate("de", "reason.protected-data-denied")).toMatch(/Partner Dashboard/);
  });

  it("with the address stamp, leaves out every order whose address Shopify withholds", async () => {
    await setUp({ voucherLayout: "ADDRESS_ZONE" });
    fake.protectedCustomerData = LEVEL_1_ONLY;
    const preview = await previewBatch(deps, {
      shopDomain: DEMO_SHOP_DOMAIN,
      orderIds: [gidOf("#1001"), gidOf("#1002")],
    });
    expect(preview.lines.map((l) => (l.ok ? "ok" : l.error))).toEqual([
      "protected-data-denied",
      "protected-data-denied",
    ]);
  });
});

/**
 * The demo shop as a preview or a confirm needs it: in a fresh Shopify fake, and in the database with the
 * INTERNETMARKE terms accepted, the price list loaded and the merchant's Portokasse linked. Earlier shops
 * and price lists in the database are removed first.
 */
import { refreshProductCatalog } from "~/catalog/products.server";
import type { Db } from "~/db/client.server";
import { connectPortokasse } from "~/portokasse/connection.server";
import { acceptTerms } from "~/terms/terms.server";
import { createShopifyFake, DEMO_SHOP_DOMAIN } from "../shopify-fake";
import { fakeAdmin } from "./fake-admin";
import { MERCHANT, type SimEnv } from "./internetmarke-sim";

export async function seedPreviewShop(
  db: Db,
  sim: SimEnv,
  options: { settings: Record<string, unknown>; encryptionKey: string },
) {
  const fake = createShopifyFake({ apiKey: "k", apiSecret: "s", now: () => sim.clock.now() });
  const { accessToken } = fake.seedDemoShop();
  await db.shop.deleteMany({});
  await db.productCatalog.deleteMany({});
  const shop = await db.shop.create({
    data: { domain: DEMO_SHOP_DOMAIN, settings: JSON.stringify(options.settings) },
  });
  await acceptTerms(db, { shopId: shop.id, acceptedBy: "test", now: sim.clock.now() });
  const { client } = sim.client();
  await refreshProductCatalog(db, client, sim.clock.now());
  await connectPortokasse(db, client, {
    shopId: shop.id,
    ...MERCHANT,
    encryptionKey: options.encryptionKey,
    now: sim.clock.now(),
  });
  return { fake, shopId: shop.id, client, admin: fakeAdmin(fake, DEMO_SHOP_DOMAIN, accessToken) };
}

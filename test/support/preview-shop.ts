/**
 * The demo shop as a preview or a confirm needs it: in a fresh Shopify fake, and in the database with the
 * INTERNETMARKE terms accepted, the price list loaded and the merchant's Portokasse linked. Earlier shops
 * and price lists in the database are removed first.
 */
import { refreshProductCatalog } from "~/catalog/products.server";
import type { Db } from "~/db/client.server";
import type { InternetmarkeClient } from "~/internetmarke";
import { connectPortokasse } from "~/portokasse/connection.server";
import { acceptTerms } from "~/terms/terms.server";
import { createShopifyFake, DEMO_SHOP_DOMAIN } from "../shopify-fake";
import { fakeAdmin } from "./fake-admin";
import { MERCHANT, type SimEnv } from "./internetmarke-sim";

/**
 * The demo shop in the database as a merchant leaves it after set-up: settings saved, the INTERNETMARKE
 * terms accepted, the price list loaded and the Portokasse linked through `client`.
 */
export async function linkDemoShop(
  db: Db,
  client: InternetmarkeClient,
  options: { settings: Record<string, unknown>; encryptionKey: string; now: Date },
) {
  const shop = await db.shop.create({
    data: { domain: DEMO_SHOP_DOMAIN, settings: JSON.stringify(options.settings) },
  });
  await acceptTerms(db, { shopId: shop.id, acceptedBy: "test", now: options.now });
  await refreshProductCatalog(db, client, options.now);
  await connectPortokasse(db, client, {
    shopId: shop.id,
    ...MERCHANT,
    encryptionKey: options.encryptionKey,
    now: options.now,
  });
  return shop;
}

export async function seedPreviewShop(
  db: Db,
  sim: SimEnv,
  options: { settings: Record<string, unknown>; encryptionKey: string },
) {
  const fake = createShopifyFake({ apiKey: "k", apiSecret: "s", now: () => sim.clock.now() });
  const { accessToken } = fake.seedDemoShop();
  await db.shop.deleteMany({});
  await db.productCatalog.deleteMany({});
  const { client } = sim.client();
  const shop = await linkDemoShop(db, client, { ...options, now: sim.clock.now() });
  return { fake, shopId: shop.id, client, admin: fakeAdmin(fake, DEMO_SHOP_DOMAIN, accessToken) };
}

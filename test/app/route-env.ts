/**
 * A test file's world for the label and batches routes: the INTERNETMARKE simulator over real HTTP, a
 * migrated SQLite database, the app's environment pointing at both, offline sessions for two shops, and
 * helpers that buy real carts and seed them as franked batches. Call `useRouteEnv()` at the top level.
 */
import { getJwt } from "@shopify/shopify-api/test-helpers";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Db } from "~/db.server";
import { encryptSecret } from "~/crypto.server";
import { APP, MERCHANT } from "../support/internetmarke-sim";
import { IM_BASE_PATH, PRODUCTS_BASE_PATH } from "../simulators/internetmarke";
import { useSimCarts } from "../support/sim-carts";
import { createMigratedDatabase, type TestDatabase } from "../support/databases";
import { stubAppEnv, TEST_APP } from "../support/app-env";
import { pageFormats as simPageFormats } from "../simulators/internetmarke/data";
import { nextOrder, seedBatch, seedShop, type SeedOrder } from "./franked-batches";

export const SHOP = "frankier-demo.myshopify.com";
export const OTHER_SHOP = "andere-shop.myshopify.com";

export function useRouteEnv() {
  const carts = useSimCarts();
  let database: TestDatabase | undefined;

  beforeAll(async () => {
    database = await createMigratedDatabase("sqlite");
    stubAppEnv({
      DATABASE_URL: database.target.url,
      INTERNETMARKE_BASE_URL: `${carts.env.origin()}${IM_BASE_PATH}`,
      PRODUCTS_API_BASE_URL: `${carts.env.origin()}${PRODUCTS_BASE_PATH}`,
      INTERNETMARKE_CLIENT_ID: APP.clientId,
      INTERNETMARKE_CLIENT_SECRET: APP.clientSecret,
    });
  });
  afterAll(async () => {
    const { db } = await import("~/db.server");
    await db().$disconnect();
    await database?.drop();
  });
  beforeEach(async () => {
    const db = await appDb();
    const { SCOPES } = await import("~/shopify.server");
    await db.shop.deleteMany({});
    await db.session.deleteMany({});
    for (const shop of [SHOP, OTHER_SHOP]) {
      await db.session.create({
        data: { id: `offline_${shop}`, shop, state: "", accessToken: "tok", scope: SCOPES.join(",") },
      });
    }
  });

  async function appDb(): Promise<Db> {
    const { db } = await import("~/db.server");
    return db();
  }

  /** Links the simulator's merchant as the shop's Portokasse (password encrypted as the app does). */
  async function linkPortokasse(shopDomain: string) {
    const db = await appDb();
    const shop = await seedShop(db, shopDomain);
    await db.portokasseAccount.create({
      data: {
        shopId: shop.id,
        username: MERCHANT.username,
        passwordCiphertext: encryptSecret(MERCHANT.password, TEST_APP.encryptionKey, shop.id),
      },
    });
  }

  /** Buys one A4 cart per entry (that many Standardbriefe or the given products) and seeds them as one batch. */
  async function pdfBatch(
    shopDomain: string,
    cartSizes: (number | number[])[],
    options: { manifest?: boolean } = {},
  ) {
    let pageOffset = 0;
    const seeded = [];
    for (const size of cartSizes) {
      const productCodes = Array.isArray(size) ? size : Array<number>(size).fill(1);
      const bought = await carts.buyPdf({
        pageFormatId: 1,
        productCodes,
        createManifest: options.manifest ?? false,
      });
      const orders: SeedOrder[] = productCodes.map((productCode, i) => ({
        ...nextOrder(),
        productCode,
        productName: productCode === 1 ? "Standardbrief" : "Standardbrief Integral + EINSCHREIBEN",
        priceCents: productCode === 1 ? 95 : 360,
        slot: bought.positions[i]
          ? { ...bought.positions[i], page: (bought.positions[i]?.page ?? 1) + pageOffset }
          : null,
        voucher: bought.vouchers[i] ?? null,
        receiver: { name: `Erika Muster ${i + 1}`, postalCode: "51147", city: "Köln", country: "DEU" },
      }));
      pageOffset += Math.max(...bought.positions.map((p) => p.page));
      seeded.push({ bought, orders });
    }
    const { batchId } = await seedBatch(await appDb(), {
      shopDomain,
      labelFormat: "PDF",
      carts: seeded.map(({ bought, orders }) => ({
        shopOrderId: bought.shopOrderId,
        labelBytes: bought.pdf,
        manifestBytes: bought.manifest,
        createManifest: options.manifest ?? false,
        orders,
      })),
    });
    await storePageFormats(shopDomain);
    return { batchId, carts: seeded };
  }

  /** The shop's Portokasse catalog with the simulator's page formats (where the app prints beside stamps). */
  async function storePageFormats(shopDomain: string) {
    const db = await appDb();
    const shop = await seedShop(db, shopDomain);
    const { toStoredCatalog } = await import("~/catalog/portokasse-catalog.server");
    const stored = toStoredCatalog({
      pageFormats: simPageFormats.map((f) => ({ ...f, description: null })),
      publicMotifs: [],
      privateMotifs: [],
      contractProducts: [],
    });
    const data = { pageFormats: JSON.stringify(stored.pageFormats), fetchedAt: new Date() };
    await db.portokasseCatalog.upsert({
      where: { shopId: shop.id },
      create: { shopId: shop.id, ...data },
      update: data,
    });
  }

  async function pngBatch(shopDomain: string, cartSizes: number[]) {
    const seeded = [];
    for (const size of cartSizes) {
      const bought = await carts.buyPng({ productCodes: Array<number>(size).fill(1) });
      const orders: SeedOrder[] = bought.vouchers.map((voucher, i) => ({
        ...nextOrder(),
        productCode: 1,
        productName: "Standardbrief",
        priceCents: 95,
        slot: null,
        voucher,
        receiver: { name: `Erika Muster ${i + 1}`, postalCode: "51147", city: "Köln", country: "DEU" },
      }));
      seeded.push({ bought, orders });
    }
    const { batchId } = await seedBatch(await appDb(), {
      shopDomain,
      labelFormat: "PNG",
      carts: seeded.map(({ bought, orders }) => ({
        shopOrderId: bought.shopOrderId,
        labelBytes: bought.zip,
        orders,
      })),
    });
    return { batchId, carts: seeded };
  }

  return { carts, appDb, linkPortokasse, pdfBatch, pngBatch };
}

/** `Authorization: Bearer <session token>` for the shop, signed with the test app's secret. */
export async function bearer(shopDomain: string): Promise<Record<string, string>> {
  const { token } = await getJwt(
    shopDomain.replace(".myshopify.com", ""),
    TEST_APP.apiKey,
    TEST_APP.apiSecret,
  );
  return { Authorization: `Bearer ${token}` };
}

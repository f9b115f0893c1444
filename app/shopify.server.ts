import "@shopify/shopify-app-remix/adapters/node";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { ApiVersion, AppDistribution, shopifyApp } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { config } from "./config.server";
import { db } from "./db.server";
import { adminOriginFetch } from "./shopify/admin-origin.server";
import { recordInstall } from "./shops.server";

export const API_VERSION = ApiVersion.October26;

/** The scopes in shopify.app.toml; the app asks for exactly these. */
export const SCOPES = [
  "read_orders",
  "write_orders",
  "read_merchant_managed_fulfillment_orders",
  "write_merchant_managed_fulfillment_orders",
  "read_products",
];

const settings = config();

if (settings.SHOPIFY_ADMIN_API_ORIGIN) {
  setAbstractFetchFunc(adminOriginFetch(settings.SHOPIFY_ADMIN_API_ORIGIN, globalThis.fetch));
}

const shopify = shopifyApp({
  apiKey: settings.SHOPIFY_API_KEY,
  apiSecretKey: settings.SHOPIFY_API_SECRET,
  apiVersion: API_VERSION,
  scopes: settings.SCOPES?.split(",") ?? SCOPES,
  appUrl: settings.SHOPIFY_APP_URL,
  authPathPrefix: "/auth",
  sessionStorage: new PrismaSessionStorage(db()),
  distribution: AppDistribution.AppStore,
  // Shopify-managed installation with token exchange (scopes come from shopify.app.toml).
  future: { unstable_newEmbeddedAuthStrategy: true },
  hooks: {
    afterAuth: async ({ session }) => {
      await recordInstall(db(), session.shop, session.scope ?? null);
    },
  },
});

export default shopify;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const sessionStorage = shopify.sessionStorage;

/** The production wiring of `backgroundAdmin`: the app's session storage and shopify-api's refresh grant. */
import { shopifyApi, type Session } from "@shopify/shopify-api";
import { config } from "~/config.server";
import { API_VERSION, sessionStorage, unauthenticated } from "~/shopify.server";
import { backgroundAdmin, type OfflineAccess } from "./offline-admin.server";
import type { AdminGraphql } from "./graphql.server";

let api: ReturnType<typeof shopifyApi> | null = null;

/** shopify-api for the refresh grant; it shares the fetch shopify.server sets (local mode reaches the fake). */
function refreshApi() {
  const settings = config();
  api ??= shopifyApi({
    apiKey: settings.SHOPIFY_API_KEY,
    apiSecretKey: settings.SHOPIFY_API_SECRET,
    apiVersion: API_VERSION,
    hostName: new URL(settings.SHOPIFY_APP_URL).host,
    isEmbeddedApp: true,
    logger: { level: 0 },
  });
  return api;
}

const access: OfflineAccess = {
  loadOfflineSession: (shop) => sessionStorage.loadSession(refreshApi().session.getOfflineId(shop)),
  storeSession: (session: Session) => sessionStorage.storeSession(session),
  refresh: async (shop, refreshToken) =>
    (await refreshApi().auth.refreshToken({ shop, refreshToken })).session,
  // The session is fresh here, so shopify-app-remix uses it as it is.
  admin: async (session) => (await unauthenticated.admin(session.shop)).admin,
};

/** Admin API access for the workers; throws ShopifyAccessLostError when only the merchant can restore it. */
export function workerAdmin(shopDomain: string): Promise<AdminGraphql> {
  return backgroundAdmin(shopDomain, access, () => new Date());
}

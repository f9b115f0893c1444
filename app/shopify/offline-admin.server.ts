/**
 * Admin API access for background work (workers, no request). Offline access tokens expire after 60
 * minutes and come with a refresh token (https://shopify.dev/changelog/offline-access-tokens-now-support-expiry-and-refresh;
 * required for public apps from 2027-01-01). Every call takes the shop's offline session again and
 * refreshes it a few minutes before it expires, so a batch that runs longer than a token lives goes on.
 * When Shopify refuses the refresh (the refresh token expired or was revoked) or the shop has no offline
 * session, only the merchant can help by opening the app again (token exchange issues new tokens): that is
 * `ShopifyAccessLostError`, and the worker lets the shop's work wait instead of retrying it.
 */
import { HttpResponseError, type Session } from "@shopify/shopify-api";
import type { AdminGraphql } from "./graphql.server";

/** Refresh this long before the access token expires (shopify-app-remix uses the same margin). */
export const REFRESH_MARGIN_MS = 5 * 60_000;

export class ShopifyAccessLostError extends Error {
  override name = "ShopifyAccessLostError";
  readonly code = "shopify_access_lost";
  constructor(
    readonly shopDomain: string,
    readonly why: string,
  ) {
    super(`Shopify access to ${shopDomain} is lost (${why}); the merchant must open the app again`);
  }
}

export interface OfflineAccess {
  loadOfflineSession(shopDomain: string): Promise<Session | undefined>;
  storeSession(session: Session): Promise<unknown>;
  /** The refresh-token grant (`shopify.api.auth.refreshToken`). */
  refresh(shopDomain: string, refreshToken: string): Promise<Session>;
  /** An Admin GraphQL client using this (valid) session. */
  admin(session: Session): Promise<AdminGraphql>;
}

/** The shop's offline session, refreshed when it expires within REFRESH_MARGIN_MS. */
export async function freshOfflineSession(
  shopDomain: string,
  access: OfflineAccess,
  now: Date,
): Promise<Session> {
  const session = await access.loadOfflineSession(shopDomain);
  if (!session?.accessToken) throw new ShopifyAccessLostError(shopDomain, "no offline session");
  if (!session.expires || session.expires.getTime() - now.getTime() > REFRESH_MARGIN_MS) return session;
  if (!session.refreshToken)
    throw new ShopifyAccessLostError(shopDomain, "the access token expired and there is no refresh token");
  if (session.refreshTokenExpires && session.refreshTokenExpires.getTime() <= now.getTime()) {
    throw new ShopifyAccessLostError(shopDomain, "the refresh token expired");
  }
  let fresh: Session;
  try {
    fresh = await access.refresh(shopDomain, session.refreshToken);
  } catch (error) {
    // 4xx: Shopify refused the grant (invalid_grant, revoked); anything else may pass and is retried later.
    if (error instanceof HttpResponseError && error.response.code >= 400 && error.response.code < 500) {
      throw new ShopifyAccessLostError(shopDomain, `the refresh was refused (${error.response.code})`);
    }
    throw error;
  }
  await access.storeSession(fresh);
  return fresh;
}

/** Admin access for a worker: checked once now (a lost shop fails here), then refreshed on every call. */
export async function backgroundAdmin(
  shopDomain: string,
  access: OfflineAccess,
  now: () => Date,
): Promise<AdminGraphql> {
  await freshOfflineSession(shopDomain, access, now());
  return {
    async graphql(query, options) {
      const session = await freshOfflineSession(shopDomain, access, now());
      return (await access.admin(session)).graphql(query, options);
    },
  };
}

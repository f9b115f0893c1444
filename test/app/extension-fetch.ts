/**
 * The admin extensions' `fetch` as Shopify's admin provides it, in front of the app's real route modules:
 * a relative URL goes to the app with the shop's session token (`Authorization: Bearer …`) and the
 * extensions' origin. Absolute URLs (the app's own calls to Deutsche Post or Shopify) pass through, so
 * the extensions' own API functions (`extensions/frankiermeister-admin/src/api.ts`) can run against the
 * app end to end. Install it with `vi.stubGlobal("fetch", extensionFetch(…))`.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getJwt } from "@shopify/shopify-api/test-helpers";
import { responseOf, TEST_APP } from "../support/app-env";

/** A route's loader or action (both take the same arguments). */
type Handler = (args: LoaderFunctionArgs) => Promise<unknown>;

export interface AppRoute {
  /** Matches the path; named groups become the route's params. */
  path: RegExp;
  loader?: Handler;
  action?: Handler;
}

export function extensionFetch(routes: readonly AppRoute[], shop: string): typeof fetch {
  const passThrough = globalThis.fetch;
  return async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith("/")) return passThrough(input, init);
    const target = new URL(url, TEST_APP.appUrl);
    const method = (init?.method ?? "GET").toUpperCase();
    for (const route of routes) {
      const match = route.path.exec(target.pathname);
      const handler = method === "GET" ? route.loader : route.action;
      if (!match || !handler) continue;
      const { token } = await getJwt(shop.replace(".myshopify.com", ""), TEST_APP.apiKey, TEST_APP.apiSecret);
      const headers = new Headers(init?.headers);
      headers.set("Authorization", `Bearer ${token}`);
      headers.set("Origin", "https://extensions.shopifycdn.com");
      const request = new Request(target, { method, headers, body: init?.body });
      return responseOf(() => handler({ request, params: { ...match.groups }, context: {} }));
    }
    return new Response("Not Found", { status: 404 });
  };
}

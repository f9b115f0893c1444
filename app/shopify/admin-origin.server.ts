/**
 * Local mode and tests only: Shopify's library calls https://<shop>.myshopify.com/admin/...;
 * this fetch sends those calls to the configured origin (the Shopify fake) instead and names the
 * shop in X-Shopify-Shop-Domain. Nothing else is rewritten.
 */
export function adminOriginFetch(origin: string, base: typeof fetch = fetch): typeof fetch {
  const target = new URL(origin);
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (!url.hostname.endsWith(".myshopify.com") || !url.pathname.startsWith("/admin/")) return base(request);
    const headers = new Headers(request.headers);
    headers.set("X-Shopify-Shop-Domain", url.hostname);
    const body =
      request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
    return base(new URL(url.pathname + url.search, target), { method: request.method, headers, body });
  };
}

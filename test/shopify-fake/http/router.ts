/** Small helpers for the fake's request handling: shop selection and JSON answers. */
export const SHOP_DOMAIN_HEADER = "X-Shopify-Shop-Domain";
export const INVALID_TOKEN_BODY = {
  errors: "[API] Invalid API key or access token (unrecognized login or wrong password)",
};

const MYSHOPIFY = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/**
 * Which shop a request is for: the host when it is `<shop>.myshopify.com` (in-process fetch, or a proxy
 * that keeps the Host header), otherwise the `X-Shopify-Shop-Domain` header (the app's local mode
 * rewrites `https://<shop>/admin/...` to the fake's 127.0.0.1 origin and sets that header).
 */
export function shopDomainOf(request: Request): string | null {
  const host = new URL(request.url).hostname.toLowerCase();
  if (MYSHOPIFY.test(host)) return host;
  const header = request.headers.get(SHOP_DOMAIN_HEADER)?.trim().toLowerCase();
  return header && MYSHOPIFY.test(header) ? header : null;
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", ...headers },
  });
}

export const notFound = (): Response => jsonResponse(404, { errors: "Not Found" });

export async function readJsonBody(request: Request): Promise<{ ok: true; body: unknown } | { ok: false }> {
  const text = await request.text();
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/graphql")) return { ok: true, body: { query: text } };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

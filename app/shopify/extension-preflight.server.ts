/**
 * The CORS preflight of an admin-extension route whose requests carry a header beyond the two that
 * shopify-app-remix allows. `authenticate.admin` answers every OPTIONS itself with
 * `Access-Control-Allow-Headers: Authorization, Content-Type` and takes no list of its own
 * (helpers/respond-to-options-request in @shopify/shopify-app-remix), so a browser would refuse, say, the
 * extension's `Idempotency-Key` on POST /api/batches before the request is sent. A preflight carries no
 * credentials and reads nothing: answering it before authentication reveals nothing.
 */
const ALWAYS = ["Authorization", "Content-Type"];

export function extensionPreflight(request: Request, headers: readonly string[]): Response | null {
  if (request.method !== "OPTIONS") return null;
  return new Response(null, {
    status: 204,
    headers: {
      "Access-Control-Allow-Origin": "*",
      "Access-Control-Allow-Headers": [...ALWAYS, ...headers].join(", "),
      "Access-Control-Max-Age": "7200",
    },
  });
}

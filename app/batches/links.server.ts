/**
 * Who may download a label file: a request with a Shopify session token (`authenticate.admin`: fetches
 * from the embedded page, admin extensions) or a link the app signed for one shop (new tabs, print
 * dialogs, iframes, which carry no token). See app/labels/README.md, "Signed download URLs".
 */
import { createHmac } from "node:crypto";
import { signLabelUrl, verifyLabelUrl, SIGNATURE_PARAM } from "~/labels/signed-url.server";

/** How long a link rendered into a page stays valid; pages re-sign on every load. */
export const LINK_TTL_MS = 60 * 60_000;

/** A key for label links only, derived from the app secret, so the secret itself never signs a link. */
export function labelLinkKey(apiSecret: string): string {
  return createHmac("sha256", apiSecret).update("frankiermeister/label-links/v1").digest("hex");
}

export function signedLink(
  shop: string,
  resource: string,
  options: { apiSecret: string; now: Date; ttlMs?: number },
): string {
  const expiresAt = new Date(options.now.getTime() + (options.ttlMs ?? LINK_TTL_MS));
  return signLabelUrl({ shop, resource, expiresAt }, labelLinkKey(options.apiSecret));
}

/** What `authenticate.admin` gives back that a download needs. */
export interface AdminAuth {
  session: { shop: string };
  cors: (response: Response) => Response;
}

export interface DownloadAccess {
  shop: string;
  /**
   * Adds CORS headers: `authenticate.admin`'s for session-token requests from admin extensions; for a
   * signed link only `Access-Control-Allow-Origin: *`, so the admin may load a print action's `src` either
   * as a document or with a plain cross-origin GET (the link itself is the credential; no cookies).
   */
  respond(response: Response): Response;
}

function allowAnyOrigin(response: Response): Response {
  response.headers.set("Access-Control-Allow-Origin", "*");
  return response;
}

const refuse = (status: number, text: string) =>
  new Response(text, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

/**
 * The shop a download is for. A signed link is checked (403 when forged or malformed, 410 when expired);
 * anything else goes through `authenticate.admin`, which throws its own responses (401, redirects).
 */
export async function authorizeDownload(
  request: Request,
  deps: { authenticateAdmin: (request: Request) => Promise<AdminAuth>; apiSecret: string; now: Date },
): Promise<DownloadAccess> {
  if (new URL(request.url).searchParams.has(SIGNATURE_PARAM)) {
    const check = verifyLabelUrl(request.url, labelLinkKey(deps.apiSecret), deps.now);
    if (check.ok) return { shop: check.shop, respond: allowAnyOrigin };
    if (check.reason === "expired") {
      throw refuse(410, "This download link has expired. Open the batch in the app again for a new one.");
    }
    throw refuse(403, "This download link is not valid.");
  }
  const { session, cors } = await deps.authenticateAdmin(request);
  return { shop: session.shop, respond: cors };
}

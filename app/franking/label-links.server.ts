/**
 * Signed label links in the franking API's answers. The admin extensions open them in a new tab or hand
 * them to the admin's print preview, neither of which carries a session token, so the label routes must
 * accept them on their own (a link signed for the authenticated shop, see app/labels/README.md).
 * The links are absolute (on `SHOPIFY_APP_URL`): Shopify documents resolving relative URLs against the
 * app's URL for an extension's `fetch()`, not for links. They live briefly: the extensions ask again
 * whenever they show them.
 */
import { signedLink } from "~/batches/links.server";
import { numericId } from "~/batches/format";

/** How long a link in an API answer stays valid. */
export const API_LINK_TTL_MS = 15 * 60_000;

/** Signs a label resource (an absolute path on this app) for one shop: the link to hand out. */
export type SignLabelLink = (resource: string) => string;

export function labelLinkSigner(input: {
  shop: string;
  apiSecret: string;
  /** The app's public URL (`SHOPIFY_APP_URL`). */
  appUrl: string;
  now: Date;
  ttlMs?: number;
}): SignLabelLink {
  const options = { apiSecret: input.apiSecret, now: input.now, ttlMs: input.ttlMs ?? API_LINK_TTL_MS };
  return (resource) => new URL(signedLink(input.shop, resource, options), input.appUrl).href;
}

/** The batch's labels to print: the merged PDF, or for a PNG batch its labels ready to stick (PDF, ADR 023). */
export function batchLabelsLink(sign: SignLabelLink, batchId: string, labelFormat: string): string {
  const id = encodeURIComponent(batchId);
  return sign(labelFormat === "PNG" ? `/labels/${id}?format=png-labels` : `/labels/${id}`);
}

export const batchManifestLink = (sign: SignLabelLink, batchId: string): string =>
  sign(`/labels/${encodeURIComponent(batchId)}/manifest`);

/** The label pages of these orders as one PDF (`/labels/orders.pdf`), in the order given. */
export const orderLabelsLink = (sign: SignLabelLink, orderIds: readonly string[]): string =>
  sign(`/labels/orders.pdf?ids=${orderIds.map(numericId).join(",")}`);

/**
 * Signed download links for label files. Inside the embedded admin a plain link carries no session token
 * (a new tab, a print dialog, an `<iframe>`), so the label routes also accept a link signed by the app:
 * HMAC-SHA256 over the path, every query parameter, the shop and the expiry. A link works only until it
 * expires, only for the shop it names (the route then loads the batch by id *and* shop), and any change to
 * path, parameters, shop or expiry breaks the signature. Signatures are compared in constant time.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_PARAM = "sig";
export const SHOP_PARAM = "shop";
export const EXPIRES_PARAM = "exp";
const VERSION = "frankiermeister-label-url-v1";
const BASE = "http://label.invalid";

export interface LabelUrlClaims {
  /** `*.myshopify.com` domain of the shop that owns the resource. */
  shop: string;
  /** Path of the resource, optionally with its own query, e.g. `/labels/orders.pdf?ids=1,2`. */
  resource: string;
  expiresAt: Date;
}

export type LabelUrlCheck =
  | { ok: true; shop: string; expiresAt: Date; pathname: string }
  | { ok: false; reason: "unsigned" | "malformed" | "invalid_signature" | "expired" };

function requireSecret(secret: string) {
  if (secret.length < 16) throw new Error("The label URL secret must have at least 16 characters");
}

/** Path and all parameters but the signature, in a fixed order (stable sort by name). */
function canonical(url: URL): string {
  const params = new URLSearchParams(url.searchParams);
  params.delete(SIGNATURE_PARAM);
  params.sort();
  return `${VERSION}\n${url.pathname}\n${params.toString()}`;
}

function mac(url: URL, secret: string): Buffer {
  return createHmac("sha256", secret).update(canonical(url)).digest();
}

/** `resource` with `shop`, `exp` (Unix seconds) and `sig` (base64url) appended: a relative URL. */
export function signLabelUrl(claims: LabelUrlClaims, secret: string): string {
  requireSecret(secret);
  if (!claims.resource.startsWith("/") || claims.resource.startsWith("//")) {
    throw new Error("resource must be an absolute path on this app, e.g. /labels/42.pdf");
  }
  if (claims.shop === "") throw new Error("shop must not be empty");
  const url = new URL(claims.resource, BASE);
  for (const name of [SIGNATURE_PARAM, SHOP_PARAM, EXPIRES_PARAM]) {
    if (url.searchParams.has(name)) throw new Error(`resource must not carry the parameter "${name}"`);
  }
  url.searchParams.set(SHOP_PARAM, claims.shop);
  url.searchParams.set(EXPIRES_PARAM, String(Math.floor(claims.expiresAt.getTime() / 1000)));
  url.searchParams.set(SIGNATURE_PARAM, mac(url, secret).toString("base64url"));
  return `${url.pathname}${url.search}`;
}

/** Checks a request URL (absolute or relative). The signature is checked before the expiry. */
export function verifyLabelUrl(input: string | URL, secret: string, now: Date): LabelUrlCheck {
  requireSecret(secret);
  const url = new URL(input, BASE);
  const signatures = url.searchParams.getAll(SIGNATURE_PARAM);
  if (signatures.length === 0) return { ok: false, reason: "unsigned" };
  const shops = url.searchParams.getAll(SHOP_PARAM);
  const expiries = url.searchParams.getAll(EXPIRES_PARAM);
  const [signature] = signatures;
  const [shop] = shops;
  const [expires] = expiries;
  if (signatures.length > 1 || shops.length !== 1 || expiries.length !== 1)
    return { ok: false, reason: "malformed" };
  if (signature === undefined || shop === undefined || expires === undefined)
    return { ok: false, reason: "malformed" };
  if (shop === "" || !/^\d{1,12}$/.test(expires) || !/^[A-Za-z0-9_-]{43}$/.test(signature)) {
    return { ok: false, reason: "malformed" };
  }
  const given = Buffer.from(signature, "base64url");
  const expected = mac(url, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: "invalid_signature" };
  }
  const expiresAt = new Date(Number(expires) * 1000);
  if (now.getTime() >= expiresAt.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, shop, expiresAt, pathname: url.pathname };
}

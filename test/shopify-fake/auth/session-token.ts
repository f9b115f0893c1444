import { createHmac, timingSafeEqual } from "node:crypto";

/** The claims of an App Bridge session token that token exchange relies on. */
export interface SessionTokenClaims {
  iss: string;
  dest: string;
  aud: string;
  sub?: string;
  exp: number;
  nbf?: number;
  iat?: number;
  jti?: string;
  sid?: string;
}

export type SessionTokenCheck = { ok: true; claims: SessionTokenClaims } | { ok: false; reason: string };

const CLOCK_TOLERANCE_SECONDS = 10;

function decodeJson(segment: string): unknown {
  return JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
}

function isClaims(value: unknown): value is SessionTokenClaims {
  if (typeof value !== "object" || value === null) return false;
  return (
    "iss" in value &&
    typeof value.iss === "string" &&
    "dest" in value &&
    typeof value.dest === "string" &&
    "aud" in value &&
    typeof value.aud === "string" &&
    "exp" in value &&
    typeof value.exp === "number"
  );
}

/**
 * Verifies a session token as Shopify does before exchanging it: HS256 signed with the app secret,
 * audience = the app's API key, issued for the shop being asked (`dest`), and not expired.
 */
export function verifySessionToken(
  token: string,
  expected: { apiKey: string; apiSecret: string; shopDomain: string; now: Date },
): SessionTokenCheck {
  const parts = token.split(".");
  if (parts.length !== 3) return { ok: false, reason: "Malformed session token" };
  const [header = "", payload = "", signature = ""] = parts;
  let headerJson: unknown;
  let claims: unknown;
  try {
    headerJson = decodeJson(header);
    claims = decodeJson(payload);
  } catch {
    return { ok: false, reason: "Malformed session token" };
  }
  const alg =
    typeof headerJson === "object" && headerJson !== null && "alg" in headerJson ? headerJson.alg : undefined;
  if (alg !== "HS256") return { ok: false, reason: "Unsupported signing algorithm" };
  const computed = createHmac("sha256", expected.apiSecret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== computed.length || !timingSafeEqual(given, computed)) {
    return { ok: false, reason: "Signature verification failed" };
  }
  if (!isClaims(claims)) return { ok: false, reason: "Missing required claims" };
  const nowSeconds = expected.now.getTime() / 1000;
  if (claims.exp + CLOCK_TOLERANCE_SECONDS < nowSeconds)
    return { ok: false, reason: "Session token has expired" };
  if (claims.nbf !== undefined && claims.nbf - CLOCK_TOLERANCE_SECONDS > nowSeconds) {
    return { ok: false, reason: "Session token is not valid yet" };
  }
  if (claims.aud !== expected.apiKey)
    return { ok: false, reason: "Session token was issued for another app" };
  let destHost: string;
  try {
    destHost = new URL(claims.dest).hostname;
  } catch {
    return { ok: false, reason: "Invalid dest claim" };
  }
  if (destHost !== expected.shopDomain)
    return { ok: false, reason: "Session token was issued for another shop" };
  return { ok: true, claims };
}

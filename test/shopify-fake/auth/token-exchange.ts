import { randomHex } from "../ids";
import type { AccessTokenRecord, FakeShopState } from "../shop-state";
import { verifySessionToken } from "./session-token";

export const TOKEN_EXCHANGE_GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
export const ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";
export const OFFLINE_TOKEN_TYPE = "urn:shopify:params:oauth:token-type:offline-access-token";
export const ONLINE_TOKEN_TYPE = "urn:shopify:params:oauth:token-type:online-access-token";

const ONLINE_TTL_SECONDS = 86_399;
const EXPIRING_OFFLINE_TTL_SECONDS = 3_600;
const REFRESH_TTL_SECONDS = 7_776_000;

export interface TokenIssuer {
  apiKey: string;
  apiSecret: string;
  scopes: string;
  now(): Date;
  shop(domain: string): FakeShopState | undefined;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });

async function readParams(request: Request): Promise<Record<string, string>> {
  const text = await request.text();
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/json")) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== "object" || parsed === null) return {};
      return Object.fromEntries(
        Object.entries(parsed).map(([k, v]) => [k, typeof v === "string" ? v : String(v)]),
      );
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}

function issue(
  shop: FakeShopState,
  issuer: TokenIssuer,
  kind: "offline" | "online",
  opts: { expiring: boolean; userId: number | null },
) {
  const now = issuer.now();
  const ttl = kind === "online" ? ONLINE_TTL_SECONDS : opts.expiring ? EXPIRING_OFFLINE_TTL_SECONDS : null;
  const record: AccessTokenRecord = {
    token: `${kind === "online" ? "shpua" : "shpat"}_${randomHex(16)}`,
    kind,
    scope: issuer.scopes,
    expiresAt: ttl === null ? null : new Date(now.getTime() + ttl * 1000),
    userId: opts.userId,
  };
  shop.accessTokens.set(record.token, record);
  const body: Record<string, unknown> = { access_token: record.token, scope: record.scope };
  if (kind === "online") {
    body.expires_in = ONLINE_TTL_SECONDS;
    body.associated_user_scope = record.scope;
    body.associated_user = {
      id: opts.userId ?? 1,
      first_name: "Demo",
      last_name: "Händler",
      email: `inhaber@${shop.domain.replace(/\.myshopify\.com$/, "")}.example`,
      account_owner: true,
      locale: "de",
      collaborator: false,
      email_verified: true,
    };
  } else if (opts.expiring) {
    const refresh = `shprt_${randomHex(16)}`;
    shop.refreshTokens.set(refresh, {
      ...record,
      expiresAt: new Date(now.getTime() + REFRESH_TTL_SECONDS * 1000),
    });
    body.expires_in = EXPIRING_OFFLINE_TTL_SECONDS;
    body.refresh_token = refresh;
    body.refresh_token_expires_in = REFRESH_TTL_SECONDS;
  }
  return body;
}

/**
 * POST /admin/oauth/access_token: token exchange (what shopify-app-remix's embedded auth calls) and the
 * refresh-token grant for expiring offline tokens. Issued tokens authenticate the GraphQL endpoint.
 */
export async function handleAccessTokenRequest(
  request: Request,
  shopDomain: string | null,
  issuer: TokenIssuer,
): Promise<Response> {
  const shop = shopDomain ? issuer.shop(shopDomain) : undefined;
  if (!shop || !shopDomain) return json(404, { errors: "Not Found" });
  const params = await readParams(request);
  if (params.client_id !== issuer.apiKey || params.client_secret !== issuer.apiSecret) {
    return json(401, { error: "invalid_client", error_description: "Client credentials are invalid." });
  }
  if (params.grant_type === "refresh_token") {
    const previous = shop.refreshTokens.get(params.refresh_token ?? "");
    if (!previous || (previous.expiresAt && previous.expiresAt <= issuer.now())) {
      return json(400, {
        error: "invalid_grant",
        error_description: "The refresh token is invalid or expired.",
      });
    }
    shop.refreshTokens.delete(params.refresh_token ?? "");
    shop.accessTokens.delete(previous.token);
    return json(200, issue(shop, issuer, "offline", { expiring: true, userId: null }));
  }
  if (params.grant_type !== TOKEN_EXCHANGE_GRANT) {
    return json(400, {
      error: "unsupported_grant_type",
      error_description: `Grant type ${params.grant_type ?? ""} is not supported.`,
    });
  }
  if (params.subject_token_type !== ID_TOKEN_TYPE) {
    return json(400, {
      error: "invalid_request",
      error_description: "subject_token_type must be an id_token.",
    });
  }
  const check = verifySessionToken(params.subject_token ?? "", {
    apiKey: issuer.apiKey,
    apiSecret: issuer.apiSecret,
    shopDomain,
    now: issuer.now(),
  });
  if (!check.ok) return json(400, { error: "invalid_subject_token", error_description: check.reason });
  const requested = params.requested_token_type ?? OFFLINE_TOKEN_TYPE;
  if (requested !== OFFLINE_TOKEN_TYPE && requested !== ONLINE_TOKEN_TYPE) {
    return json(400, {
      error: "invalid_request",
      error_description: "requested_token_type is not supported.",
    });
  }
  // Shopify installs the app on first embedded load (managed install) before the exchange happens.
  shop.installed = true;
  const userId = Number(check.claims.sub ?? "1");
  return json(
    200,
    issue(shop, issuer, requested === ONLINE_TOKEN_TYPE ? "online" : "offline", {
      expiring: params.expiring === "1",
      userId: Number.isSafeInteger(userId) ? userId : 1,
    }),
  );
}

// POST /user (token), bearer checks and GET /user/profile.
import { z } from "zod";
import { MAX_PASSWORD_LENGTH } from "./accounts";
import type { SimContext } from "./context";
import { badRequest, fail, gatewayError, gatewayUnauthorized, json, SimulatedHttpError } from "./errors";
import type { Account } from "./state";
import { mintToken } from "./state";

export const MAX_FAILED_LOGINS = 3;

/** The spec's only documented 401 text (openapi 1.30, Error401Response, and every 401 description). */
export const SPEC_401_TEXT =
  "Unauthorized, user account is not valid, is locked, the provided authorization token is not valid or the application is not authorized by user.";

type LoginRefusal = "unknown-user" | "locked" | "wrong-password" | "app-not-approved";

/**
 * Per-cause texts, used only with `loginRefusals: "per-cause"` (an assumption: neither the spec nor
 * NOTES.md documents a live text per cause; NOTES.md only says the unapproved app's text mentions
 * "application is not authorized by user", which the spec's text does too).
 */
const PER_CAUSE: Record<LoginRefusal, string> = {
  "unknown-user": "Invalid username or password.",
  locked: "The user account is locked.",
  "wrong-password": "Invalid username or password.",
  "app-not-approved": "Unauthorized, the application is not authorized by user.",
};

function refuseLogin(ctx: SimContext, cause: LoginRefusal): never {
  fail(401, "Unauthorized", ctx.config.loginRefusals === "per-cause" ? PER_CAUSE[cause] : SPEC_401_TEXT);
}

const loginForm = z.object({
  grant_type: z.literal("client_credentials"),
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  username: z.string().min(1),
  password: z.string().min(1),
});

async function readForm(ctx: SimContext): Promise<Record<string, string>> {
  const contentType = ctx.request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
    fail(
      415,
      "Unsupported Media Type",
      `Content type '${contentType}' not supported; use application/x-www-form-urlencoded`,
    );
  }
  return Object.fromEntries(new URLSearchParams(await ctx.request.text()));
}

/**
 * Checks, in order: content type, required fields, app credentials (gateway), password length,
 * account, lock, password (3 consecutive failures lock), app approval.
 */
export async function handleLogin(ctx: SimContext): Promise<Response> {
  const parsed = loginForm.safeParse(await readForm(ctx));
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join(".")).join(", ");
    badRequest(`Invalid or missing form parameters: ${fields}`);
  }
  const form = parsed.data;
  if (ctx.state.apps.get(form.client_id) !== form.client_secret) {
    return gatewayError(401, "Unauthorized", "Invalid client credentials.");
  }
  if (form.password.length > MAX_PASSWORD_LENGTH) {
    badRequest(`password: size must be between 1 and ${MAX_PASSWORD_LENGTH}`);
  }
  const account = ctx.state.accounts.get(form.username);
  if (!account) refuseLogin(ctx, "unknown-user");
  if (account.locked) refuseLogin(ctx, "locked");
  if (account.password !== form.password) {
    account.failedLogins += 1;
    if (account.failedLogins >= MAX_FAILED_LOGINS) account.locked = true;
    refuseLogin(ctx, "wrong-password");
  }
  if (!account.approvedApps.has(form.client_id)) refuseLogin(ctx, "app-not-approved");
  account.failedLogins = 0;

  const issuedAt = ctx.config.now();
  const token = mintToken();
  const ttl = ctx.config.tokenTtlSeconds;
  ctx.state.tokens.set(token, {
    username: account.username,
    clientId: form.client_id,
    expiresAt: new Date(issuedAt.getTime() + ttl * 1000),
  });
  return json({
    access_token: token,
    userToken: token,
    ...(account.balanceInLogin ? { walletBalance: account.balanceCents } : {}),
    showTermsAndConditions: false,
    infoMessage: "",
    issued_at: issuedAt.toUTCString(),
    expires_in: ttl,
    token_type: "BearerToken",
    external_customer_id: `DHL-${account.ekp}`,
    authenticated_user: account.username,
  });
}

/** Resolves the bearer token to its account, or throws the gateway's 401. */
export function authenticate(ctx: SimContext): Account {
  const header = ctx.request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const token = match?.[1] ? ctx.state.tokens.get(match[1]) : undefined;
  const account = token ? ctx.state.accounts.get(token.username) : undefined;
  if (!token || !account || token.expiresAt <= ctx.config.now() || account.locked) {
    throw new SimulatedHttpError(gatewayUnauthorized());
  }
  return account;
}

export function handleProfile(_ctx: SimContext, account: Account): Response {
  return json({
    ekp: account.ekp,
    company: "Simulierter Versandhandel GmbH",
    salutation: "HERR",
    title: "",
    invoiceType: "ONLINE",
    invoiceFrequency: "DAILY",
    mail: account.username,
    firstname: "Max",
    lastname: "Mustermann",
    street: "Hauptstrasse",
    houseNo: "5",
    zip: "53113",
    city: "Bonn",
    country: "DEU",
    phone: "02281234567",
  });
}

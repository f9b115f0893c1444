import type { CachedToken, PortokasseCredentials, TokenStore } from "./auth";
import type { ResolvedConfig } from "./config";
import { AccountLockedError, AppNotApprovedError } from "./errors";
import type { Http, HttpRequest, HttpResponse } from "./http";

export type Query = Record<string, string | number | boolean | readonly (string | number)[] | undefined>;

export interface AuthedRequest {
  operation: string;
  method: HttpRequest["method"];
  path: string;
  query?: Query;
  /** JSON body. */
  json?: unknown;
  retry: HttpRequest["retry"];
  movesMoney: boolean;
}

export interface Balance {
  cents: number;
  /** When the server reported it. */
  at: Date;
}

/** What the feature modules (cart, retoure, catalog, wallet) need from a logged-in Portokasse. */
export interface Session {
  config: ResolvedConfig;
  http: Http;
  /** Sends with the Portokasse's bearer token. On a 401 the token is renewed once and the call re-sent once. */
  send(request: AuthedRequest): Promise<HttpResponse>;
  noteBalance(cents: number | null): void;
  /** Records the balance reported by a login. */
  noteGrant(token: CachedToken): void;
  lastKnownBalance(): Balance | null;
}

export function buildUrl(base: string, path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.append(key, String(value));
  }
  const qs = params.toString();
  return `${base}${path}${qs === "" ? "" : `?${qs}`}`;
}

export function createSession(
  config: ResolvedConfig,
  http: Http,
  tokens: TokenStore,
  credentials: PortokasseCredentials,
): Session {
  let balance: Balance | null = null;

  const noteGrant = (token: CachedToken) => {
    const cents = token.grant.walletBalanceCents;
    if (cents !== null && (balance === null || token.obtainedAt.getTime() > balance.at.getTime())) {
      balance = { cents, at: token.obtainedAt };
    }
  };

  async function sendWith(request: AuthedRequest, accessToken: string): Promise<HttpResponse> {
    return http.send({
      operation: request.operation,
      method: request.method,
      url: buildUrl(config.baseUrl, request.path, request.query),
      headers: {
        authorization: `Bearer ${accessToken}`,
        ...(request.json === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(request.json === undefined ? {} : { body: JSON.stringify(request.json) }),
      retry: request.retry,
      movesMoney: request.movesMoney,
    });
  }

  return {
    config,
    http,
    async send(request) {
      const token = await tokens.get(credentials);
      noteGrant(token);
      const first = await sendWith(request, token.grant.accessToken);
      if (first.status !== 401) return first;
      // A 401 means the call was refused before it had any effect, so one re-send with a new token is safe
      // even for checkouts. Unless the 401 says the app is not approved or the account is locked: a new
      // login would fail the same way and count as a failed login.
      const reason = http.toError(first);
      if (reason instanceof AppNotApprovedError || reason instanceof AccountLockedError) throw reason;
      tokens.invalidate(credentials, token.grant.accessToken);
      const renewed = await tokens.get(credentials);
      noteGrant(renewed);
      return sendWith(request, renewed.grant.accessToken);
    },
    noteBalance(cents) {
      if (cents !== null) balance = { cents, at: config.now() };
    },
    noteGrant,
    lastKnownBalance: () => balance,
  };
}

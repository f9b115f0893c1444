import { createHash } from "node:crypto";
import type { ResolvedConfig } from "./config";
import { AuthenticationError, type InternetmarkeError, ValidationError } from "./errors";
import type { Http } from "./http";
import type { Redactor } from "./redact";
import { tokenResponseSchema, type TokenGrant } from "./schemas";

/** The Portokasse login: the merchant's INTERNETMARKE username and password. */
export interface PortokasseCredentials {
  username: string;
  password: string;
}

export const MAX_PASSWORD_LENGTH = 22;

export interface CachedToken {
  grant: TokenGrant;
  /** Local clock time at which the server will stop accepting the token. */
  expiresAt: Date;
  /** Local clock time of the login (the grant's wallet balance is as of then). */
  obtainedAt: Date;
}

export interface TokenStore {
  /** A valid token: cached, or from one login. Concurrent callers share one login. */
  get(credentials: PortokasseCredentials, options?: { explicit?: boolean }): Promise<CachedToken>;
  /** Drops the cached token if it is still `accessToken` (after a 401). */
  invalidate(credentials: PortokasseCredentials, accessToken: string): void;
}

/**
 * Tokens are cached per Portokasse (username plus a hash of the password, so a wrong password can never
 * borrow another session's token) until `tokenRefreshMarginMs` before they expire.
 *
 * A refused login is never re-sent automatically: three failures can lock the Portokasse. The refusal is
 * remembered and re-thrown to every implicit login with the same credentials; only an explicit
 * `portokasse.login()` (a deliberate user action) tries again.
 */
export function createTokenStore(config: ResolvedConfig, http: Http, redact: Redactor): TokenStore {
  const tokens = new Map<string, CachedToken>();
  const inflight = new Map<string, Promise<CachedToken>>();
  const refused = new Map<string, InternetmarkeError>();

  const keyOf = (c: PortokasseCredentials) =>
    `${c.username}\u0000${createHash("sha256").update(c.password).digest("hex")}`;

  const fresh = (t: CachedToken) =>
    config.now().getTime() < t.expiresAt.getTime() - config.tokenRefreshMarginMs;

  async function login(credentials: PortokasseCredentials): Promise<CachedToken> {
    if (credentials.password.length > MAX_PASSWORD_LENGTH) {
      throw new ValidationError(`The Portokasse password is longer than ${MAX_PASSWORD_LENGTH} characters`, {
        operation: "login",
        fields: [{ path: "password", message: `at most ${MAX_PASSWORD_LENGTH} characters` }],
      });
    }
    if (credentials.username.length === 0 || credentials.password.length === 0) {
      throw new ValidationError("The Portokasse username and password are required", {
        operation: "login",
        fields: [{ path: credentials.username.length === 0 ? "username" : "password", message: "required" }],
      });
    }
    const sentAt = config.now().getTime();
    const response = await http.send({
      operation: "login",
      method: "POST",
      url: `${config.baseUrl}/user`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: config.clientId,
        client_secret: config.clientSecret,
        username: credentials.username,
        password: credentials.password,
      }).toString(),
      retry: "never",
      movesMoney: false,
      isLogin: true,
    });
    const grant = http.parse(response, tokenResponseSchema);
    redact.add(grant.accessToken);
    return {
      grant,
      obtainedAt: new Date(sentAt),
      expiresAt: new Date(sentAt + grant.expiresInSeconds * 1000),
    };
  }

  return {
    get(credentials, options = {}) {
      const key = keyOf(credentials);
      const cached = tokens.get(key);
      if (options.explicit !== true && cached !== undefined && fresh(cached)) return Promise.resolve(cached);
      const running = inflight.get(key);
      if (running !== undefined) return running;
      const previous = refused.get(key);
      if (options.explicit !== true && previous !== undefined) return Promise.reject(previous);

      const attempt = login(credentials).then(
        (token) => {
          tokens.set(key, token);
          refused.delete(key);
          return token;
        },
        (error: unknown) => {
          if (error instanceof AuthenticationError) refused.set(key, error);
          throw error;
        },
      );
      const tracked = attempt.finally(() => inflight.delete(key));
      inflight.set(key, tracked);
      return tracked;
    },
    invalidate(credentials, accessToken) {
      const key = keyOf(credentials);
      if (tokens.get(key)?.grant.accessToken === accessToken) tokens.delete(key);
    },
  };
}

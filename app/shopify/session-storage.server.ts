import { Session } from "@shopify/shopify-api";
import type { SessionStorage } from "@shopify/shopify-app-session-storage";
import { decryptSecret, encryptSecret, isSealed } from "~/crypto.server";

/**
 * Shopify's sessions with their access and refresh tokens sealed under the app's keyring. Wraps any
 * session storage (the app uses PrismaSessionStorage): tokens are encrypted on the way in and decrypted
 * on the way out, bound to the session id so a token copied into another row does not open.
 * A token stored in clear by an older version is still read; `npm run keys:rotate` (and every start)
 * seals it (app/secrets/).
 */
export class EncryptedSessionStorage implements SessionStorage {
  constructor(
    private readonly inner: SessionStorage,
    private readonly keys: () => string,
  ) {}

  storeSession(session: Session): Promise<boolean> {
    return this.inner.storeSession(sealSession(session, this.keys()));
  }

  async loadSession(id: string): Promise<Session | undefined> {
    const session = await this.inner.loadSession(id);
    return session && openSession(session, this.keys());
  }

  deleteSession(id: string): Promise<boolean> {
    return this.inner.deleteSession(id);
  }

  deleteSessions(ids: string[]): Promise<boolean> {
    return this.inner.deleteSessions(ids);
  }

  async findSessionsByShop(shop: string): Promise<Session[]> {
    const keys = this.keys();
    return (await this.inner.findSessionsByShop(shop)).map((session) => openSession(session, keys));
  }
}

/** The additional authenticated data of a session's token: its row and which token it is. */
export const tokenAad = (sessionId: string, which: "access" | "refresh") => `session:${sessionId}:${which}`;

function withTokens(session: Session, map: (token: string, which: "access" | "refresh") => string): Session {
  const params = session.toObject();
  return new Session({
    ...params,
    accessToken: params.accessToken ? map(params.accessToken, "access") : params.accessToken,
    refreshToken: params.refreshToken ? map(params.refreshToken, "refresh") : params.refreshToken,
  });
}

export const sealSession = (session: Session, keys: string) =>
  withTokens(session, (token, which) => encryptSecret(token, keys, tokenAad(session.id, which)));

export const openSession = (session: Session, keys: string) =>
  withTokens(session, (token, which) =>
    isSealed(token) ? decryptSecret(token, keys, tokenAad(session.id, which)) : token,
  );

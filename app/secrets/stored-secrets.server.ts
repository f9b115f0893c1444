import { DecryptionError, decryptSecret, encryptSecret, isSealed, needsReencryption } from "~/crypto.server";
import type { Db } from "~/db.server";
import { tokenAad } from "~/shopify/session-storage.server";

/**
 * Every secret the app stores, in one list: Portokasse passwords (bound to the shop id) and Shopify
 * access and refresh tokens (bound to the session id). The start-up check, the rotation command and the
 * sealing of tokens stored in clear by older versions all walk this list.
 */
export interface StoredSecret {
  kind: "portokasse password" | "shopify access token" | "shopify refresh token";
  /** Row id, for messages (never the secret). */
  rowId: string;
  value: string;
  aad: string;
  write(db: Db, value: string): Promise<unknown>;
}

export async function storedSecrets(db: Db): Promise<StoredSecret[]> {
  const secrets: StoredSecret[] = [];
  const accounts = await db.portokasseAccount.findMany({
    select: { shopId: true, passwordCiphertext: true },
  });
  for (const a of accounts)
    secrets.push({
      kind: "portokasse password",
      rowId: a.shopId,
      value: a.passwordCiphertext,
      aad: a.shopId,
      write: (d, value) =>
        d.portokasseAccount.updateMany({
          where: { shopId: a.shopId, passwordCiphertext: a.passwordCiphertext },
          data: { passwordCiphertext: value },
        }),
    });
  const sessions = await db.session.findMany({ select: { id: true, accessToken: true, refreshToken: true } });
  for (const s of sessions) {
    if (s.accessToken)
      secrets.push({
        kind: "shopify access token",
        rowId: s.id,
        value: s.accessToken,
        aad: tokenAad(s.id, "access"),
        write: (d, value) =>
          d.session.updateMany({
            where: { id: s.id, accessToken: s.accessToken },
            data: { accessToken: value },
          }),
      });
    if (s.refreshToken)
      secrets.push({
        kind: "shopify refresh token",
        rowId: s.id,
        value: s.refreshToken,
        aad: tokenAad(s.id, "refresh"),
        write: (d, value) =>
          d.session.updateMany({
            where: { id: s.id, refreshToken: s.refreshToken },
            data: { refreshToken: value },
          }),
      });
  }
  return secrets;
}

/** Tokens from before encryption are in clear; Portokasse passwords never were. */
const inClear = (secret: StoredSecret) => secret.kind !== "portokasse password" && !isSealed(secret.value);

export class UnreadableSecretsError extends Error {
  override name = "UnreadableSecretsError";
  constructor(readonly unreadable: StoredSecret[]) {
    const kinds = [...new Set(unreadable.map((s) => s.kind))].join(", ");
    super(
      `Start-up stopped: ${unreadable.length} stored secret(s) (${kinds}) cannot be decrypted with the keys in ENCRYPTION_KEYS; add the key they were encrypted with (nothing was changed).`,
    );
  }
}

/** Throws an UnreadableSecretsError when any stored secret does not open with the keyring. */
export async function checkStoredSecrets(db: Db, keys: string): Promise<{ checked: number }> {
  const secrets = await storedSecrets(db);
  const unreadable = secrets.filter((secret) => {
    if (inClear(secret)) return false;
    try {
      decryptSecret(secret.value, keys, secret.aad);
      return false;
    } catch (error) {
      if (error instanceof DecryptionError) return true;
      throw error;
    }
  });
  if (unreadable.length > 0) throw new UnreadableSecretsError(unreadable);
  return { checked: secrets.length };
}

/**
 * Re-encrypts every stored secret that is not under the newest key (and seals tokens stored in clear).
 * Checks first, so a missing key changes nothing. Each row is written only if it still holds the value
 * read (a concurrent write wins). Afterwards, keys other than the newest can be removed.
 */
export async function reencryptStoredSecrets(
  db: Db,
  keys: string,
): Promise<{ reencrypted: number; total: number }> {
  await checkStoredSecrets(db, keys);
  const secrets = await storedSecrets(db);
  let reencrypted = 0;
  for (const secret of secrets) {
    if (!inClear(secret) && !needsReencryption(secret.value, keys)) continue;
    const plaintext = inClear(secret) ? secret.value : decryptSecret(secret.value, keys, secret.aad);
    await secret.write(db, encryptSecret(plaintext, keys, secret.aad));
    reencrypted += 1;
  }
  return { reencrypted, total: secrets.length };
}

/** Seals Shopify tokens that an older version stored in clear (run at every start). */
export async function sealTokensInClear(db: Db, keys: string): Promise<number> {
  let sealed = 0;
  for (const secret of (await storedSecrets(db)).filter(inClear)) {
    await secret.write(db, encryptSecret(secret.value, keys, secret.aad));
    sealed += 1;
  }
  return sealed;
}

/**
 * `npm run keys:rotate`: re-encrypts every stored secret (Portokasse passwords, Shopify access and
 * refresh tokens) under the newest key of ENCRYPTION_KEYS. Put the new key first, run this, then the
 * older keys can be removed from ENCRYPTION_KEYS. Refuses (and changes nothing) when a stored secret
 * does not open with any configured key. See README, "Key rotation".
 */
import { ConfigError, config } from "../app/config.server";
import { parseKeyring } from "../app/crypto.server";
import { db } from "../app/db.server";
import { reencryptStoredSecrets, UnreadableSecretsError } from "../app/secrets/stored-secrets.server";

try {
  const keys = config().ENCRYPTION_KEY;
  const { reencrypted, total } = await reencryptStoredSecrets(db(), keys);
  const ring = parseKeyring(keys);
  console.info(
    `Re-encrypted ${reencrypted} of ${total} stored secret(s) under key ${ring.newestId}; ` +
      `every secret now opens with that key alone${ring.ids.length > 1 ? `, so ${ring.ids.slice(1).join(", ")} can be removed` : ""}.`,
  );
  await db().$disconnect();
} catch (error) {
  if (error instanceof ConfigError || error instanceof UnreadableSecretsError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

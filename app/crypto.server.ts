import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * AES-256-GCM for secrets at rest (the Portokasse password). The stored form is
 * "v1:<iv>:<tag>:<ciphertext>" in base64url; the version prefix leaves room for key rotation.
 * Decrypting tampered data or with the wrong key throws a DecryptionError.
 */
const VERSION = "v1";

export class DecryptionError extends Error {
  override name = "DecryptionError";
  constructor() {
    super("The stored secret could not be decrypted (wrong ENCRYPTION_KEY or tampered data).");
  }
}

function keyBytes(hexKey: string): Buffer {
  const key = Buffer.from(hexKey, "hex");
  if (key.length !== 32) throw new Error("The encryption key must be 32 bytes (64 hex characters).");
  return key;
}

export function encryptSecret(plaintext: string, hexKey: string, aad = ""): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyBytes(hexKey), iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv, tag, ciphertext]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(":");
}

export function decryptSecret(stored: string, hexKey: string, aad = ""): string {
  const [version, iv, tag, ciphertext] = stored.split(":");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new DecryptionError();
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyBytes(hexKey), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(aad, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    throw new DecryptionError();
  }
}

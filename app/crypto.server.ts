import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * AES-256-GCM for secrets at rest (Portokasse passwords, Shopify access and refresh tokens) under a
 * keyring. A keyring is written `id:hex,id:hex,...`, newest first (ENCRYPTION_KEYS), or as one bare
 * 64-hex key (the older ENCRYPTION_KEY, key id "0"). The newest key encrypts; every key decrypts.
 *
 * Stored form: "v2:<keyId>:<iv>:<tag>:<ciphertext>" (base64url). The older "v1:<iv>:<tag>:<ciphertext>"
 * (no key id) is still read by trying every key. Decrypting tampered data, or data whose key is not in
 * the ring, throws a DecryptionError. See docs/decisions/010-keyring-and-encrypted-sessions.md.
 */
export class DecryptionError extends Error {
  override name = "DecryptionError";
  constructor() {
    super("The stored secret could not be decrypted (a key missing from ENCRYPTION_KEYS, or tampered data).");
  }
}

export class KeyringError extends Error {
  override name = "KeyringError";
}

export interface Keyring {
  /** Key ids, newest first. */
  ids: string[];
  newestId: string;
  keys: Map<string, Buffer>;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const parsed = new Map<string, Keyring>();

/** Parses `id:hex,id:hex` (newest first) or one bare hex key; throws a KeyringError naming the problem. */
export function parseKeyring(spec: string): Keyring {
  const cached = parsed.get(spec);
  if (cached) return cached;
  const entries = HEX_KEY.test(spec.trim())
    ? [["0", spec.trim()] as const]
    : spec.split(",").map((entry) => {
        const [id = "", hex = ""] = entry.trim().split(":");
        if (!KEY_ID.test(id) || !HEX_KEY.test(hex))
          throw new KeyringError("each key as id:hex (id: letters/digits, hex: 64 hexadecimal characters)");
        return [id, hex] as const;
      });
  const keys = new Map<string, Buffer>();
  for (const [id, hex] of entries) {
    if (keys.has(id)) throw new KeyringError(`key id ${id} only once`);
    keys.set(id, Buffer.from(hex, "hex"));
  }
  const ids = entries.map(([id]) => id);
  const ring: Keyring = { ids, newestId: ids[0] ?? "", keys };
  if (ids.length === 0) throw new KeyringError("at least one key");
  parsed.set(spec, ring);
  return ring;
}

/** Canonical spelling of a keyring (`id:hex,...`, newest first). */
export function keyringSpec(ring: Keyring): string {
  return ring.ids.map((id) => `${id}:${ring.keys.get(id)?.toString("hex") ?? ""}`).join(",");
}

export function encryptSecret(plaintext: string, keys: string, aad = ""): string {
  const ring = parseKeyring(keys);
  const key = ring.keys.get(ring.newestId);
  if (!key) throw new KeyringError("a newest key");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return ["v2", ring.newestId, ...[iv, tag, ciphertext].map((p) => p.toString("base64url"))].join(":");
}

interface Sealed {
  keyId: string | null;
  iv: string;
  tag: string;
  ciphertext: string;
}

function unpack(stored: string): Sealed | null {
  const parts = stored.split(":");
  if (parts[0] === "v2" && parts.length === 5) {
    const [, keyId = "", iv = "", tag = "", ciphertext = ""] = parts;
    return { keyId, iv, tag, ciphertext };
  }
  if (parts[0] === "v1" && parts.length === 4) {
    const [, iv = "", tag = "", ciphertext = ""] = parts;
    return { keyId: null, iv, tag, ciphertext };
  }
  return null;
}

/** True when the value is in one of the stored forms (not necessarily readable with the ring). */
export const isSealed = (stored: string): boolean => unpack(stored) !== null;

/** The id of the key the value was sealed with ("v1" values name none: null). */
export const keyIdOf = (stored: string): string | null => unpack(stored)?.keyId ?? null;

function open(sealed: Sealed, key: Buffer, aad: string): string | null {
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(sealed.iv, "base64url"));
    decipher.setAAD(Buffer.from(aad, "utf8"));
    decipher.setAuthTag(Buffer.from(sealed.tag, "base64url"));
    return Buffer.concat([
      decipher.update(Buffer.from(sealed.ciphertext, "base64url")),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    return null;
  }
}

export function decryptSecret(stored: string, keys: string, aad = ""): string {
  const sealed = unpack(stored);
  if (!sealed) throw new DecryptionError();
  const ring = parseKeyring(keys);
  // The named key first; a v1 value (or a key renamed by the operator) tries the others too.
  const order = sealed.keyId && ring.keys.has(sealed.keyId) ? [sealed.keyId] : ring.ids;
  for (const id of order) {
    const key = ring.keys.get(id);
    const plaintext = key ? open(sealed, key, aad) : null;
    if (plaintext !== null) return plaintext;
  }
  throw new DecryptionError();
}

/** True when the value is not sealed under the ring's newest key (rotation re-encrypts it). */
export const needsReencryption = (stored: string, keys: string): boolean =>
  keyIdOf(stored) !== parseKeyring(keys).newestId;

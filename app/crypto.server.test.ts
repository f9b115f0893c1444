import { describe, expect, it } from "vitest";
import { createCipheriv, randomBytes } from "node:crypto";
import {
  DecryptionError,
  decryptSecret,
  encryptSecret,
  KeyringError,
  keyIdOf,
  needsReencryption,
  parseKeyring,
} from "./crypto.server";

const key = "0f".repeat(32);
const otherKey = "a1".repeat(32);

describe("encryptSecret / decryptSecret", () => {
  it("round-trips, including non-ASCII passwords", () => {
    for (const secret of ["hunter2", "Päßwörd-22-Zeichen-lang", ""]) {
      expect(decryptSecret(encryptSecret(secret, key), key)).toBe(secret);
    }
  });

  it("does not contain the plaintext and differs on every call", () => {
    const a = encryptSecret("geheim-passwort", key);
    const b = encryptSecret("geheim-passwort", key);
    expect(a).not.toContain("geheim");
    expect(Buffer.from(a.split(":")[4] ?? "", "base64url").toString("utf8")).not.toContain("geheim");
    expect(a).not.toBe(b);
  });

  it("detects tampering with the ciphertext, the tag or the iv", () => {
    const stored = encryptSecret("geheim", key);
    const parts = stored.split(":");
    for (const index of [2, 3, 4]) {
      const tampered = [...parts];
      const bytes = Buffer.from(tampered[index] ?? "", "base64url");
      bytes[0] = (bytes[0] ?? 0) ^ 0x01;
      tampered[index] = bytes.toString("base64url");
      expect(() => decryptSecret(tampered.join(":"), key)).toThrow(DecryptionError);
    }
  });

  it("refuses the wrong key, a different binding and garbage", () => {
    const stored = encryptSecret("geheim", key, "shop-1");
    expect(() => decryptSecret(stored, otherKey, "shop-1")).toThrow(DecryptionError);
    expect(() => decryptSecret(stored, key, "shop-2")).toThrow(DecryptionError);
    expect(() => decryptSecret("not-a-secret", key)).toThrow(DecryptionError);
    expect(decryptSecret(stored, key, "shop-1")).toBe("geheim");
  });
});

describe("keyring", () => {
  const ring = `k2:${otherKey},k1:${key}`;

  it("encrypts under the newest key and decrypts with any key of the ring", () => {
    const old = encryptSecret("geheim", `k1:${key}`, "shop-1");
    expect(keyIdOf(old)).toBe("k1");
    expect(decryptSecret(old, ring, "shop-1")).toBe("geheim");
    const fresh = encryptSecret("geheim", ring, "shop-1");
    expect(keyIdOf(fresh)).toBe("k2");
    expect(needsReencryption(old, ring)).toBe(true);
    expect(needsReencryption(fresh, ring)).toBe(false);
    // Once re-encrypted, the old key can go.
    expect(decryptSecret(fresh, `k2:${otherKey}`, "shop-1")).toBe("geheim");
    expect(() => decryptSecret(old, `k2:${otherKey}`, "shop-1")).toThrow(DecryptionError);
  });

  it("reads the older v1 form (no key id) with the key that made it", () => {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", Buffer.from(key, "hex"), iv);
    cipher.setAAD(Buffer.from("shop-1"));
    const ct = Buffer.concat([cipher.update("alt", "utf8"), cipher.final()]);
    const v1 = ["v1", iv, cipher.getAuthTag(), ct]
      .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
      .join(":");
    expect(decryptSecret(v1, ring, "shop-1")).toBe("alt");
    expect(needsReencryption(v1, ring)).toBe(true);
  });

  it("a bare key is a ring of one with the id 0", () => {
    expect(parseKeyring(key)).toMatchObject({ ids: ["0"], newestId: "0" });
  });

  it("refuses malformed rings", () => {
    for (const bad of ["", "k1", `k1:${key.slice(2)}`, `k1:${key},k1:${otherKey}`, `bad id:${key}`])
      expect(() => parseKeyring(bad)).toThrow(KeyringError);
  });
});

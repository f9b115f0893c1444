import { describe, expect, it } from "vitest";
import { DecryptionError, decryptSecret, encryptSecret } from "./crypto.server";

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
    expect(Buffer.from(a.split(":")[3] ?? "", "base64url").toString("utf8")).not.toContain("geheim");
    expect(a).not.toBe(b);
  });

  it("detects tampering with the ciphertext, the tag or the iv", () => {
    const stored = encryptSecret("geheim", key);
    const parts = stored.split(":");
    for (const index of [1, 2, 3]) {
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

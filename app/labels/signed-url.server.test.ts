import { describe, expect, it } from "vitest";
import { signLabelUrl, verifyLabelUrl } from "./signed-url.server";

const SECRET = "label-url-secret-0123456789abcdef";
const NOW = new Date("2025-10-06T17:00:00Z");
const LATER = new Date("2025-10-06T17:10:00Z");
const SHOP = "frankier-demo.myshopify.com";

const sign = (resource = "/labels/b_42.pdf", shop = SHOP) =>
  signLabelUrl({ shop, resource, expiresAt: LATER }, SECRET);

/** The signed URL with one parameter replaced (or the path when name is "path"). */
function tamper(url: string, name: string, value: string): string {
  const parsed = new URL(url, "https://app.test");
  if (name === "path") parsed.pathname = value;
  else parsed.searchParams.set(name, value);
  return `${parsed.pathname}${parsed.search}`;
}

describe("signed label URLs", () => {
  it("accepts its own URL, relative or absolute, until it expires", () => {
    const url = sign("/labels/b_42.pdf?format=png");
    expect(url).toMatch(
      /^\/labels\/b_42\.pdf\?format=png&shop=frankier-demo\.myshopify\.com&exp=\d+&sig=[\w-]{43}$/,
    );
    const ok = { ok: true, shop: SHOP, expiresAt: LATER, pathname: "/labels/b_42.pdf" };
    expect(verifyLabelUrl(url, SECRET, NOW)).toEqual(ok);
    expect(verifyLabelUrl(`https://app.example.com${url}`, SECRET, NOW)).toEqual(ok);
    expect(
      verifyLabelUrl(new URL(url, "https://app.example.com"), SECRET, new Date(LATER.getTime() - 1)),
    ).toEqual(ok);
  });

  it("refuses an expired URL", () => {
    expect(verifyLabelUrl(sign(), SECRET, LATER)).toEqual({ ok: false, reason: "expired" });
  });

  it.each([
    ["shop", "other-shop.myshopify.com"],
    ["exp", String(Math.floor(LATER.getTime() / 1000) + 3600)],
    ["format", "png"],
    ["ids", "1,2,3"],
    ["path", "/labels/b_43.pdf"],
  ])("refuses a URL whose %s was changed", (name, value) => {
    const url = sign("/labels/orders.pdf?ids=1,2");
    expect(verifyLabelUrl(tamper(url, name, value), SECRET, NOW)).toEqual({
      ok: false,
      reason: "invalid_signature",
    });
  });

  it("refuses another shop's URL, a flipped signature and another secret", () => {
    const other = new URL(sign("/labels/b_42.pdf", "other-shop.myshopify.com"), "https://app.test");
    const mine = new URL(sign(), "https://app.test");
    const forged = tamper(mine.href, "sig", other.searchParams.get("sig") ?? "");
    expect(verifyLabelUrl(forged, SECRET, NOW)).toEqual({ ok: false, reason: "invalid_signature" });

    const sig = mine.searchParams.get("sig") ?? "";
    const flipped = tamper(mine.href, "sig", `${sig.slice(0, -1)}${sig.endsWith("A") ? "B" : "A"}`);
    expect(verifyLabelUrl(flipped, SECRET, NOW)).toEqual({ ok: false, reason: "invalid_signature" });
    expect(verifyLabelUrl(sign(), `${SECRET}x`, NOW)).toEqual({ ok: false, reason: "invalid_signature" });
  });

  it.each([
    ["no signature", "/labels/b_42.pdf", "unsigned"],
    [
      "two signatures",
      `${"/labels/b_42.pdf?shop=a&exp=1&sig="}${"A".repeat(43)}&sig=${"B".repeat(43)}`,
      "malformed",
    ],
    ["no shop", `/labels/b_42.pdf?exp=1&sig=${"A".repeat(43)}`, "malformed"],
    ["two shops", `/labels/b_42.pdf?shop=a&shop=b&exp=1&sig=${"A".repeat(43)}`, "malformed"],
    ["a non-numeric expiry", `/labels/b_42.pdf?shop=a&exp=soon&sig=${"A".repeat(43)}`, "malformed"],
    ["a short signature", "/labels/b_42.pdf?shop=a&exp=1&sig=abc", "malformed"],
  ])("%s is %s", (_, url, reason) => {
    expect(verifyLabelUrl(url, SECRET, NOW)).toEqual({ ok: false, reason });
  });

  it("signs only paths of this app, without the reserved parameters, with a real secret", () => {
    const at = { shop: SHOP, expiresAt: LATER };
    expect(() => signLabelUrl({ ...at, resource: "https://evil.test/x" }, SECRET)).toThrow(/absolute path/);
    expect(() => signLabelUrl({ ...at, resource: "//evil.test/x" }, SECRET)).toThrow(/absolute path/);
    expect(() => signLabelUrl({ ...at, resource: "/labels/x.pdf?sig=1" }, SECRET)).toThrow(/"sig"/);
    expect(() => signLabelUrl({ ...at, resource: "/x", shop: "" }, SECRET)).toThrow(/shop/);
    expect(() => signLabelUrl({ ...at, resource: "/x" }, "short")).toThrow(/16 characters/);
    expect(() => verifyLabelUrl("/x", "", NOW)).toThrow(/16 characters/);
  });

  it("keeps the order of repeated parameters significant", () => {
    const url = sign("/labels/orders.pdf?id=1&id=2");
    const swapped = url.replace("id=1&id=2", "id=2&id=1");
    expect(verifyLabelUrl(url, SECRET, NOW).ok).toBe(true);
    expect(verifyLabelUrl(swapped, SECRET, NOW)).toEqual({ ok: false, reason: "invalid_signature" });
  });
});

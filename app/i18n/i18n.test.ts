import { describe, expect, it } from "vitest";
import { localeCookie, resolveLocale, translate } from "./index";
import { messages } from "./messages";

describe("i18n", () => {
  it("has every key in both languages", () => {
    expect(Object.keys(messages.de).sort()).toEqual(Object.keys(messages.en).sort());
  });

  it.each([
    ["https://a.test/app?locale=de", undefined, "de"],
    ["https://a.test/app?locale=de-DE", undefined, "de"],
    ["https://a.test/app?locale=fr", "de-DE,de;q=0.9", "de"],
    ["https://a.test/app", "en-US,en;q=0.9", "en"],
    ["https://a.test/app", "fr-FR", "en"],
  ])("resolves %s with Accept-Language %s to %s", (url, acceptLanguage, expected) => {
    const headers = acceptLanguage ? { "accept-language": acceptLanguage } : undefined;
    expect(resolveLocale(new Request(url, { headers }))).toBe(expected);
  });

  it("remembers ?locale= in a cookie for the following pages", () => {
    const first = new Request("https://a.test/app?locale=de-DE", { headers: { "accept-language": "en-US" } });
    const cookie = localeCookie(first);
    expect(cookie).toMatch(/^frankiermeister_locale=de; .*SameSite=None; Secure; Partitioned$/);
    const later = new Request("https://a.test/app/settings", {
      headers: { "accept-language": "en-US", cookie: `other=1; ${cookie?.split(";")[0]}` },
    });
    expect(resolveLocale(later)).toBe("de");
    expect(localeCookie(later)).toBeNull();
  });

  it("fills parameters", () => {
    expect(translate("de", "home.portokasse.linked", { username: "shop@example.de" })).toBe(
      "Verbunden als shop@example.de",
    );
  });
});

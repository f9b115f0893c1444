/**
 * The INTERNETMARKE terms a merchant accepts before the first purchase (ADR 012). The link is the one
 * openapi 1.30 names as `info.termsOfService`; `version` identifies the text as published there when it
 * was last checked. Change `version` when Deutsche Post publishes new terms: every shop then has to
 * accept again before buying (acceptances are kept per version).
 */
export const INTERNETMARKE_TERMS = {
  version: "2026-12-02",
  url: "https://www.deutschepost.de/de/i/internetmarke-porto-drucken/kundenservice/internetmarke/kontakt.html",
} as const;

/** The app's page where the merchant reads and accepts them. */
export const TERMS_PAGE_PATH = "/app/settings/terms";

// Customs declaration and form per destination (issue 16). Sources, abbreviated in the case names:
// DP-Zoll  = Deutsche Post, "Zollbestimmungen – das Wichtigste im Überblick" (non-EU states, areas outside the
//            customs territory and VAT third-country areas need CN 22 / CN 23; CN 22 up to 300 SDR = 373,59 €)
// DP-bes.  = Deutsche Post, "Besondere Zollbestimmungen" (EU areas that need CN 22 / CN 23)
// UCC 4    = Union Customs Code, Regulation (EU) 952/2013, Art. 4 (customs territory; Monaco inside)
// VAT 6/7  = VAT Directive 2006/112/EC, Art. 6 (areas outside the VAT area) and Art. 7 (Monaco)
// WF       = Windsor Framework (Protocol on Ireland/Northern Ireland, Art. 5 and 8)
import { describe, expect, it } from "vitest";
import { ok, runCases, type Case } from "../../test/support/mapping/cases";
import { customsDecision, TERRITORIES } from "./customs";

const to = (countryCode: string, zip: string, more: Partial<Case> = {}): Pick<Case, "order"> => ({
  order: { address: { countryCode, zip }, ...more.order },
});
const needs = (form: "CN 22" | "CN 23", values: Record<string, string | number> = {}) => ({
  flags: ["customs-declaration"],
  notices: [{ code: "customs-form" as const, values: { form, ...values } }],
});
const none = { flags: [], noNotices: ["customs-form" as const] };

const byTerritory: Case[] = [
  {
    name: "FR Paris: EU customs and VAT area, no declaration",
    ...to("FR", "75001"),
    expected: ok(10051, 330, none),
  },
  { name: "ES Madrid: no declaration", ...to("ES", "28001"), expected: ok(10051, 330, none) },
  {
    name: "ES Canary Islands 35001: declaration (VAT 6(1)(b), DP-bes.)",
    ...to("ES", "35001"),
    expected: ok(10051, 330, needs("CN 22", { territory: "canary-islands" })),
  },
  {
    name: "ES Santa Cruz de Tenerife 38001: declaration (VAT 6(1)(b), DP-bes.)",
    ...to("ES", "38001"),
    expected: ok(10051, 330, needs("CN 22", { territory: "canary-islands" })),
  },
  {
    name: "ES Ceuta 51001: declaration (UCC 4, DP-bes.)",
    ...to("ES", "51001"),
    expected: ok(10051, 330, needs("CN 22", { territory: "ceuta" })),
  },
  {
    name: "ES Melilla 52001: declaration (UCC 4, DP-bes.)",
    ...to("ES", "52001"),
    expected: ok(10051, 330, needs("CN 22", { territory: "melilla" })),
  },
  {
    name: "DE Heligoland 27498: domestic product, but a declaration (UCC 4)",
    ...to("DE", "27498"),
    expected: ok(21, 180, needs("CN 22", { territory: "heligoland" })),
  },
  {
    name: "DE Büsingen 78266: domestic product, but a declaration (UCC 4)",
    ...to("DE", "78266"),
    expected: ok(21, 180, needs("CN 22", { territory: "buesingen" })),
  },
  { name: "DE Köln 51147: no declaration", ...to("DE", "51147"), expected: ok(21, 180, none) },
  {
    name: "IT Livigno 23041: declaration (UCC 4, DP-bes.)",
    ...to("IT", "23041"),
    expected: ok(10051, 330, needs("CN 22", { territory: "livigno" })),
  },
  {
    name: "IT Campione d'Italia 22061: declaration (VAT 6(1)(e))",
    ...to("IT", "22061"),
    expected: ok(10051, 330, needs("CN 22", { territory: "campione" })),
  },
  { name: "IT Milano 20121: no declaration", ...to("IT", "20121"), expected: ok(10051, 330, none) },
  {
    name: "GR Mount Athos 63086: declaration (VAT 6(1)(a), DP-bes.)",
    ...to("GR", "63086"),
    expected: ok(10051, 330, needs("CN 22", { territory: "mount-athos" })),
  },
  {
    name: "FI Åland 22100 as FI: declaration (VAT 6(1)(d), DP-bes.)",
    ...to("FI", "22100"),
    expected: ok(10051, 330, needs("CN 22", { territory: "aland" })),
  },
  {
    name: "AX Åland as its own code: declaration (VAT 6(1)(d))",
    ...to("AX", "22100"),
    expected: ok(10051, 330, needs("CN 22")),
  },
  { name: "FI Helsinki 00100: no declaration", ...to("FI", "00100"), expected: ok(10051, 330, none) },
  {
    name: "FR Guadeloupe 97110 as FR: declaration (VAT 6(1)(c), DP-bes.)",
    ...to("FR", "97110"),
    expected: ok(10051, 330, needs("CN 22", { territory: "french-overseas" })),
  },
  {
    name: "GP Guadeloupe as its own code: declaration",
    ...to("GP", "97110"),
    expected: ok(10051, 330, needs("CN 22")),
  },
  {
    name: "RE Réunion: declaration (DP-bes.)",
    ...to("RE", "97400"),
    expected: ok(10051, 330, needs("CN 22")),
  },
  {
    name: "FR 98000 (Monaco written as FR): no declaration (UCC 4(2), VAT 7)",
    ...to("FR", "98000"),
    expected: ok(10051, 330, none),
  },
  {
    name: "MC Monaco: inside customs and VAT territory (UCC 4(2), VAT 7)",
    ...to("MC", "98000"),
    expected: ok(10051, 330, none),
  },
  {
    name: "PT Azores 9500-150: inside both, no declaration",
    ...to("PT", "9500-150"),
    expected: ok(10051, 330, none),
  },
  {
    name: "GB Northern Ireland BT1 1AA: EU rules for goods, no declaration (WF; assumption)",
    ...to("GB", "BT1 1AA"),
    expected: ok(10051, 330, {
      flags: [],
      notices: [{ code: "customs-not-needed", values: { territory: "northern-ireland" } }],
    }),
  },
  {
    name: "GB London SW1A 2AA: declaration (DP-Zoll: non-EU)",
    ...to("GB", "SW1A 2AA"),
    expected: ok(10051, 330, needs("CN 22")),
  },
  {
    name: "JE Jersey: declaration (DP-bes.: Kanalinseln)",
    ...to("JE", "JE2 3AB"),
    expected: ok(10051, 330, needs("CN 22")),
  },
  {
    name: "GG Guernsey: declaration (DP-bes.: Kanalinseln)",
    ...to("GG", "GY1 1AA"),
    expected: ok(10051, 330, needs("CN 22")),
  },
  {
    name: "GI Gibraltar: declaration (outside UCC 4)",
    ...to("GI", "GX11 1AA"),
    expected: ok(10051, 330, needs("CN 22")),
  },
  {
    name: "AD Andorra: declaration (customs union only, outside VAT)",
    ...to("AD", "AD500"),
    expected: ok(10051, 330, needs("CN 22")),
  },
  {
    name: "SM San Marino: declaration (outside the VAT area)",
    ...to("SM", "47890"),
    expected: ok(10051, 330, needs("CN 22")),
  },
  {
    name: "VA Vatican: declaration (outside UCC 4)",
    ...to("VA", "00120"),
    expected: ok(10051, 330, needs("CN 22")),
  },
  {
    name: "CH Switzerland: declaration (DP-Zoll: non-EU)",
    ...to("CH", "8001"),
    expected: ok(10051, 330, needs("CN 22")),
  },
  {
    name: "NO Norway: declaration (DP-Zoll: non-EU)",
    ...to("NO", "0150"),
    expected: ok(10051, 330, needs("CN 22")),
  },
];

const byValue: Case[] = [
  {
    name: "US 373,59 € (300 SDR): CN 22 (DP-Zoll)",
    order: { country: "US", totalCents: 37_359 },
    expected: ok(10051, 330, needs("CN 22", { basis: "value-up-to-limit" })),
  },
  {
    name: "US 373,60 €: CN 23 (DP-Zoll: above 300 SDR)",
    order: { country: "US", totalCents: 37_360 },
    expected: ok(10051, 330, needs("CN 23", { basis: "value-above-limit" })),
  },
  {
    name: "US, shop in USD: value not comparable with 300 SDR, CN 23 (accepted for any value)",
    order: { country: "US", totalCents: 2_500, currency: "USD" },
    expected: ok(10051, 330, needs("CN 23", { basis: "value-not-in-eur", currency: "USD" })),
  },
  {
    name: "US, value unknown: CN 23",
    order: { country: "US", totalCents: undefined, currency: null },
    expected: ok(10051, 330, needs("CN 23")),
  },
];

describe("customs declaration by EU customs and VAT territory", () => {
  describe("territory", () => runCases(byTerritory));
  describe("form by value", () => runCases(byValue));

  it("gives every territory row a source and a postal-code pattern anchored at the start", () => {
    for (const t of TERRITORIES) {
      expect(t.source.length, t.id).toBeGreaterThan(10);
      expect(t.postalCode.source.startsWith("^"), t.id).toBe(true);
    }
  });

  it("matches postal codes with spaces and lower case", () => {
    expect(customsDecision("GB", "bt7 1nn", 100, "EUR")).toEqual({
      declaration: false,
      territory: "northern-ireland",
    });
    expect(customsDecision("ES", " 35 001 ", 100, "EUR")).toMatchObject({ declaration: true, form: "CN 22" });
  });
});

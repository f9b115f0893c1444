/**
 * German first: every reason code, note, flag, status and error the app and the admin extension can show
 * is rendered in German here, and the test fails on an untranslated key, a raw code, an unfilled
 * placeholder or English words. Codes are collected from the sources (the engine's and pipeline's
 * literals, the error classes) and from running the engine, so a new code without words fails here.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { translate } from "~/i18n";
import { isMessageKey } from "~/i18n/keys";
import { messages } from "~/i18n/messages";
import { flagText, problemText, reasonText } from "~/i18n/reasons";
import { BATCH_STATUS, ORDER_STATUS, TASK_STATE } from "~/franking/model";
import { batchStatusWord, orderStatusWord, shopifyStateWord } from "~/batches/status-words";
import { chooseProduct } from "~/mapping/choose-product";
import { CATALOG_2025_2026 } from "../support/mapping/catalog-2025-2026";
import { order, settings } from "../support/mapping/orders";
import de from "../../extensions/frankiermeister-admin/locales/de.json";
import en from "../../extensions/frankiermeister-admin/locales/en.default.json";

const ROOT = path.resolve(__dirname, "../..");
/** Literals the scan finds that are outcomes inside the pipeline, never stored or shown (re-pricing). */
const INTERNAL_OUTCOMES = ["unchanged", "cheaper", "dearer"];
/** Place names are the same in both languages ("Büsingen am Hochrhein"). */
const PROPER_NAMES = /^mapping\.territory\./;
const ENGLISH =
  /\b(the|and|order|orders|not|with|from|please|stamp|stamps|balance|missing|failed|error|label|labels|batch|shipping|weight|refund|settings|packaging|rule|fits|incl)\b/i;

function sources(dir: string): string {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => readFileSync(path.join(ROOT, dir, f), "utf8"))
    .join("\n");
}

const matches = (text: string, re: RegExp) => [...text.matchAll(re)].map((m) => m[1] ?? "");

/** Every placeholder of a message filled with a harmless sample. */
function sampleValues(template: string): Record<string, string | number> {
  return Object.fromEntries(
    matches(template, /\{([\w.]+)\}/g).map((name) => [
      name,
      /G$|Cents$|length|max|count/.test(name) ? 2001 : "Probe",
    ]),
  );
}

function expectGerman(text: string, code: string) {
  expect(text, code).not.toBe("");
  expect(text, code).not.toMatch(/\{[\w.]+\}/);
  expect(text, `${code}: raw code`).not.toContain(code);
  expect(text, `${code}: English in "${text}"`).not.toMatch(ENGLISH);
}

// --- codes, from the sources ------------------------------------------------------------------------
const mapping = sources("app/mapping");
const noteKeys = new Set(matches(mapping, /params: \{\s*key: "([a-z-]+)"/g));
const engineReasonKeys = new Set(
  [
    ...matches(mapping, /fail\(\s*"[a-z-]+",[\s\S]*?,\s*"([a-z-]+)",?\s*[{)]/g),
    ...matches(mapping, /key: (?:overrideFor \? )?"([a-z-]+)"/g),
    ...matches(mapping, /key: overrideFor \? "[a-z-]+" : "([a-z-]+)"/g),
  ].filter((key) => !noteKeys.has(key)),
);
const flags = new Set([
  ...matches(mapping, /flags?\.push\("([a-z-]+)"\)/g),
  ...matches(mapping, /flags: \["([a-z-]+)"\]/g),
  ...matches(mapping, /`(missing-weight):/g),
  ...matches(sources("app/preview"), /\["(partially-fulfilled)"\]/g),
]);
const mappingErrors = matches(
  /export type MappingErrorCode =([^;]+);/.exec(
    readFileSync(path.join(ROOT, "app/mapping/types.ts"), "utf8"),
  )?.[1] ?? "",
  /"([a-z-]+)"/g,
);
const previewErrors = matches(
  readFileSync(path.join(ROOT, "app/preview/summary.ts"), "utf8"),
  /"([a-z-]+)"/g,
).filter((c) => /^[a-z]+(-[a-z]+)+$|^cancelled$/.test(c));
const errorCodes = matches(sources("app/internetmarke"), /readonly code = "([a-z_]+)"/g);
const franking = sources("app/franking");
const pipelineCodes = [
  ...matches(franking, /return "([a-z_]+)";/g),
  ...matches(franking, /reason: franked\.has\(c\.orderId\) \? "([a-z_]+)" : "([a-z_]+)"/g),
  ...matches(franking, /"([a-z_]+)" : "in_other_batch"/g),
  "in_other_batch",
  ...matches(franking, /new StopBuying\("([a-z_]+)"/g),
  ...matches(franking, /error: "([a-z_]+)"/g),
].filter((code) => !INTERNAL_OUTCOMES.includes(code));
const confirmProblems = matches(franking, /export type ConfirmProblem =([^;]+);/g)
  .flatMap((union) => matches(union, /"([a-z_]+)"/g))
  .concat("invalid_request");

describe("German completeness of the app", () => {
  it("finds the codes in the sources (the scan itself works)", () => {
    expect(engineReasonKeys).toContain("too-heavy");
    expect(engineReasonKeys).toContain("chosen");
    expect(noteKeys).toContain("service-by-rule");
    expect(flags).toContain("address-printed");
    expect(errorCodes).toContain("insufficient_balance");
    expect(pipelineCodes).toContain("no_voucher_returned");
    expect(confirmProblems).toContain("no_sender");
    expect(mappingErrors).toContain("too-heavy");
    expect(mappingErrors).not.toContain("international");
  });

  it("has every key in both languages, and no German text equal to an English sentence", () => {
    expect(Object.keys(messages.de).sort()).toEqual(Object.keys(messages.en).sort());
    for (const [key, text] of Object.entries(messages.de)) {
      expect(text.replace(/\{[\w.]+\}/g, ""), key).not.toMatch(ENGLISH);
      const words = text.replace(/\{[\w.]+\}/g, "").match(/\p{L}{2,}/gu) ?? [];
      if (words.length > 2 && !PROPER_NAMES.test(key))
        expect(text, key).not.toBe(messages.en[key as keyof typeof messages.en]);
    }
  });

  it.each([...engineReasonKeys])("renders reason %s in German", (key) => {
    // A reason with a count has plural forms (`reason.<key>.one` / `.other`).
    const plural = !isMessageKey(`reason.${key}`) && isMessageKey(`reason.${key}.other`);
    expect(isMessageKey(plural ? `reason.${key}.other` : `reason.${key}`), key).toBe(true);
    const template = translate("de", (plural ? `reason.${key}.other` : `reason.${key}`) as never);
    const line = { reason: "ENGLISH ENGINE SENTENCE", reasonParams: { key, values: sampleValues(template) } };
    expectGerman(reasonText(line, "de"), key);
    expect(reasonText(line, "en")).not.toBe("ENGLISH ENGINE SENTENCE");
  });

  it.each([...noteKeys])("renders note %s in German", (key) => {
    const template = translate("de", `note.${key}` as never);
    const line = {
      reason: "",
      reasonParams: { key: "cancelled", values: {}, notes: [{ key, values: sampleValues(template) }] },
    };
    expectGerman(reasonText(line, "de"), key);
  });

  it.each([...flags])("renders flag %s in German", (flag) => {
    expect(isMessageKey(`preview.flag.${flag}`), flag).toBe(true);
    expectGerman(flagText(`${flag}:Poster`, "de"), flag);
  });

  it.each([...new Set([...mappingErrors, ...previewErrors, ...errorCodes, ...pipelineCodes])])(
    "renders stored problem %s in German",
    (code) => {
      const text = problemText(code, "de");
      expect(text, code).not.toBe(translate("de", "problem.unknown"));
      expectGerman(text, code);
    },
  );

  /** Problems whose message names amounts (the page passes them formatted). */
  const problemParams: Record<string, Record<string, string>> = { prices_changed: { seen: "12,30 €", now: "13,25 €" } };

  it.each(confirmProblems)("renders the confirm problem %s in German", (code) => {
    expect(isMessageKey(`frank.problem.${code}`), code).toBe(true);
    expectGerman(translate("de", `frank.problem.${code}` as never, problemParams[code] ?? {}), code);
  });

  it("renders every status word in German", () => {
    const t = (key: Parameters<typeof translate>[1]) => translate("de", key);
    for (const s of BATCH_STATUS) expectGerman(batchStatusWord(s, t).label, s);
    for (const s of ORDER_STATUS) expectGerman(orderStatusWord(s, t).label, s);
    for (const s of TASK_STATE) expectGerman(shopifyStateWord(s, t).label, s);
  });

  it("renders what the engine says for a spread of real orders in German, notes included", () => {
    const cases = [
      { itemsG: 20, country: "DE" },
      { itemsG: 1996, country: "DE" },
      { itemsG: 2500, country: "DE" },
      { itemsG: 400, country: "AT" },
      { itemsG: 30, country: "US" },
      { itemsG: 30, country: "GB" },
    ];
    const variants = [
      settings({}),
      settings({ voucherLayout: "ADDRESS_ZONE" }),
      settings({ registeredMailRules: [{ service: "EINSCHREIBEN_EINWURF" }] }),
      settings({ registeredMailRules: [{ service: "EINSCHREIBEN_RUECKSCHEIN", shippingMethod: "Express" }] }),
    ];
    for (const spec of cases)
      for (const s of variants) {
        const result = chooseProduct(order(spec), s, CATALOG_2025_2026);
        const line = { reason: result.reason, reasonParams: result.reasonParams ?? null };
        const text = reasonText(line, "de");
        expect(text, result.reason).not.toBe(result.reason);
        expectGerman(text, result.reasonParams?.key ?? "");
        if (result.ok) for (const flag of result.flags) expectGerman(flagText(flag, "de"), flag);
      }
  });
});

// --- the admin extension ----------------------------------------------------------------------------
type Tree = { [key: string]: string | Tree };
function leaves(tree: Tree, prefix = ""): Array<[string, string]> {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string" ? [[`${prefix}${k}`, v]] : leaves(v, `${prefix}${k}.`),
  );
}

describe("German completeness of the admin extension", () => {
  const german = new Map(leaves(de as Tree));
  const english = new Map(leaves(en as Tree));

  it("has every key in German, none English", () => {
    expect([...german.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of german) {
      expect(text.replace(/\{\{\w+\}\}/g, ""), key).not.toMatch(ENGLISH);
      const words = text.replace(/\{\{\w+\}\}/g, "").match(/\p{L}{2,}/gu) ?? [];
      if (words.length > 2) expect(text, key).not.toBe(english.get(key));
    }
  });

  it("knows every preview flag the app sends (else the admin sees the raw code)", () => {
    const ext = readFileSync(path.join(ROOT, "extensions/frankiermeister-admin/src/messages.ts"), "utf8");
    const known = matches(/const isFlag = known\(\[([\s\S]*?)\]\)/.exec(ext)?.[1] ?? "", /"([a-z_]+)"/g);
    expect([...flags].length).toBeGreaterThan(5);
    for (const flag of flags) expect(known, flag).toContain(flag.replace(/-/g, "_"));
  });

  it("has German words for every code the extension knows (reasons, errors, flags, statuses)", () => {
    const ext = readFileSync(path.join(ROOT, "extensions/frankiermeister-admin/src/messages.ts"), "utf8");
    const lists: Array<[string, RegExp]> = [
      ["reason", /const isReason = known\(\[([\s\S]*?)\]\)/],
      ["previewError", /const PREVIEW_ERRORS = \[([\s\S]*?)\]/],
      ["flag", /const isFlag = known\(\[([\s\S]*?)\]\)/],
      ["errors.code", /const isErrorCode = known\(\[([\s\S]*?)\]\)/],
      ["portokasseProblem", /const isPortokasseProblem = known\(\[([\s\S]*?)\]\)/],
      ["refundReason", /const isRefundReason = known\(\[([\s\S]*?)\]\)/],
    ];
    for (const [prefix, re] of lists) {
      const codes = matches(re.exec(ext)?.[1] ?? "", /"([a-z_]+)"/g);
      expect(codes.length, prefix).toBeGreaterThan(0);
      for (const code of codes) {
        const text = german.get(`${prefix}.${code}`) ?? german.get(`${prefix}.${code}.other`);
        expect(text, `${prefix}.${code}`).toBeDefined();
        expectGerman(String(text).replace(/\{\{\w+\}\}/g, "Probe"), code);
      }
    }
  });
});

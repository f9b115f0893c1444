// Product-name classifier: the Products API gives code, name, price, transport and maxWeight, but not the
// letter format or the registered-mail service. Both are read from the name here. A name with any part the
// classifier does not know is reported and ignored, never guessed.
import { LETTER_FORMATS } from "./formats";
import type { CatalogDiagnostic, CatalogProduct, ClassifiedProduct, FormatId, RegisteredMail } from "./types";

export type NameClass =
  | { kind: "letter"; format: FormatId; registeredMail: RegisteredMail | null }
  | { kind: "not-for-shop-orders" }
  | { kind: "unrecognised"; detail: string };

type BaseWord = "standard" | "kompakt" | "gross" | "maxi" | "warensendung";

const BASE_WORDS: Record<string, BaseWord> = {
  standardbrief: "standard",
  kompaktbrief: "kompakt",
  grossbrief: "gross",
  maxibrief: "maxi",
  warensendung: "warensendung",
};

const NOT_FOR_SHOP_ORDERS = /dialogpost|streifband|postkarte/;

/** Lower case, umlauts and ß spelled out, single spaces: "Großbrief" and "GROSSBRIEF" read the same. */
function normalise(name: string): string {
  return name
    .normalize("NFC")
    .toLowerCase()
    .replaceAll("ß", "ss")
    .replaceAll("ä", "ae")
    .replaceAll("ö", "oe")
    .replaceAll("ü", "ue")
    .replace(/\s+/g, " ")
    .trim();
}

interface Parts {
  base: BaseWord;
  international: boolean;
  weightG: number | null;
  einwurf: boolean;
  einschreiben: boolean;
  rueckschein: boolean;
  surcharge: "zusatzentgelt" | "gewichtszuschlag" | null;
}

const unrecognised = (detail: string): NameClass => ({ kind: "unrecognised", detail });

export function classifyProductName(name: string): NameClass {
  const text = normalise(name);
  if (NOT_FOR_SHOP_ORDERS.test(text)) return { kind: "not-for-shop-orders" };
  const [baseSegment = "", ...serviceSegments] = text.split("+").map((s) => s.trim());
  const [first = "", ...rest] = baseSegment.split(" ");
  const base = BASE_WORDS[first];
  if (!base) return unrecognised(`no known letter format in "${name}"`);
  const parts: Parts = {
    base,
    international: false,
    weightG: null,
    einwurf: false,
    einschreiben: false,
    rueckschein: false,
    surcharge: null,
  };
  const baseProblem = readBaseWords(rest, parts);
  if (baseProblem) return unrecognised(baseProblem);
  for (const segment of serviceSegments) {
    const problem = readService(segment, parts);
    if (problem) return unrecognised(problem);
  }
  return combine(parts);
}

/** Words after the format word: "Intern.", "GK", "Integral", "bis 2.000g". */
function readBaseWords(words: string[], parts: Parts): string | null {
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? "";
    if (word === "intern." || word === "intern" || word === "international") parts.international = true;
    else if (word === "gk" || word === "integral" || word === "bis") continue;
    else if (/^\d{1,2}\.\d{3}g?$|^\d+g?$/.test(word)) {
      if (parts.weightG !== null) return `two weights in the name`;
      parts.weightG = Number(word.replace(/[.g]/g, ""));
      if (words[i + 1] === "g") i++;
    } else return `unknown word "${word}"`;
  }
  return null;
}

function readService(segment: string, parts: Parts): string | null {
  switch (segment) {
    case "einschreiben einwurf":
      parts.einwurf = true;
      return null;
    case "einschreiben":
      parts.einschreiben = true;
      return null;
    case "rueckschein":
      parts.rueckschein = true;
      return null;
    case "einschreiben rueckschein":
      parts.einschreiben = true;
      parts.rueckschein = true;
      return null;
    case "zusatzentgelt mbf":
      parts.surcharge = "zusatzentgelt";
      return null;
    case "gewichtszuschlag":
      parts.surcharge = "gewichtszuschlag";
      return null;
    default:
      return `unknown service "${segment}"`;
  }
}

function combine(p: Parts): NameClass {
  if (p.einwurf && (p.einschreiben || p.rueckschein))
    return unrecognised("Einwurf combined with Einschreiben");
  const registeredMail: RegisteredMail | null = p.rueckschein
    ? "EINSCHREIBEN_RUECKSCHEIN"
    : p.einschreiben
      ? "EINSCHREIBEN"
      : p.einwurf
        ? "EINSCHREIBEN_EINWURF"
        : null;
  if (p.international && registeredMail === "EINSCHREIBEN_EINWURF") return unrecognised("Einwurf abroad");
  const heavy = p.weightG !== null && p.weightG > 1000;
  if (p.surcharge === "zusatzentgelt" && (p.base !== "maxi" || p.international)) {
    return unrecognised("Zusatzentgelt on a format other than the national Maxibrief");
  }
  if (p.surcharge === "gewichtszuschlag" && p.base !== "warensendung") {
    return unrecognised("Gewichtszuschlag on a format other than Warensendung");
  }
  if (p.base === "warensendung" && (p.international || registeredMail)) {
    return unrecognised("Warensendung abroad or with Einschreiben");
  }
  const format = formatOf(p.base, p.international, heavy || p.surcharge !== null);
  if (p.weightG !== null && p.weightG !== LETTER_FORMATS[format].maxWeightG) {
    return unrecognised(`weight ${p.weightG} g does not match ${LETTER_FORMATS[format].label}`);
  }
  return { kind: "letter", format, registeredMail };
}

function formatOf(base: BaseWord, international: boolean, upTo2000: boolean): FormatId {
  if (base === "maxi") {
    if (international) return upTo2000 ? "maxi-intl-2000" : "maxi-intl";
    return upTo2000 ? "maxi-2000" : "maxi";
  }
  if (base === "warensendung") return upTo2000 ? "warensendung-2000" : "warensendung";
  return international ? `${base}-intl` : base;
}

/** Classifies a whole price list: the products the engine may use and what it left out, and why. */
export function classifyCatalog(catalog: readonly CatalogProduct[]): {
  products: ClassifiedProduct[];
  diagnostics: CatalogDiagnostic[];
} {
  const products: ClassifiedProduct[] = [];
  const diagnostics: CatalogDiagnostic[] = [];
  const seen = new Set<number>();
  for (const product of catalog) {
    const note = (issue: CatalogDiagnostic["issue"], detail: string) =>
      diagnostics.push({ code: product.code, name: product.name, issue, detail });
    if (seen.has(product.code)) {
      note("duplicate-code", `code ${product.code} appears more than once; the first entry is used`);
      continue;
    }
    seen.add(product.code);
    if (!Number.isInteger(product.priceCents) || product.priceCents <= 0) {
      note("invalid-price", `price ${product.priceCents} is not a positive number of cents`);
      continue;
    }
    const named = classifyProductName(product.name);
    if (named.kind === "not-for-shop-orders") {
      note("not-for-shop-orders", "Dialogpost, Streifbandzeitung and Postkarte are not used for shop orders");
      continue;
    }
    if (named.kind === "unrecognised") {
      note("unrecognised-name", named.detail);
      continue;
    }
    const format = LETTER_FORMATS[named.format];
    if (format.transport !== product.transport) {
      note(
        "transport-mismatch",
        `the name reads ${format.transport}, the price list says ${product.transport}`,
      );
      continue;
    }
    let effectiveMaxWeightG = format.maxWeightG;
    if (product.maxWeightG !== null && product.maxWeightG !== format.maxWeightG) {
      effectiveMaxWeightG = Math.min(product.maxWeightG, format.maxWeightG);
      note(
        "max-weight-mismatch",
        `price list says ${product.maxWeightG} g, ${format.label} takes ${format.maxWeightG} g; using ${effectiveMaxWeightG} g`,
      );
    }
    products.push({
      ...product,
      format: named.format,
      registeredMail: named.registeredMail,
      effectiveMaxWeightG,
    });
  }
  return { products, diagnostics };
}

// Checking products against one shipment, choosing the cheapest, and saying why nothing fits.
import { fitsSize, describeMaxSize, LETTER_FORMATS, type Dimensions } from "./formats";
import { decimalGrams, grams, SERVICE_LABEL, size } from "./text";
import type { ClassifiedProduct, MappingFailure, RegisteredMail } from "./types";

export interface Shipment {
  weightG: number; // items plus tare, rounded up once to whole grams (compared inclusively with limits)
  exactG: number; // items plus tare to 0.1 g, before rounding
  tareG: number;
  dimensions: Dimensions;
  transport: "national" | "international";
}

export interface Requirements {
  registeredMail: RegisteredMail | null; // exact service the product must carry (null: none)
  allowWarensendung: boolean;
}

export type ProductCheck =
  | { ok: true }
  | {
      ok: false;
      problem: "destination" | "warensendung" | "too-heavy" | "too-large" | "too-small" | "service";
      detail: string;
    };

/** "20 g incl. 5 g packaging", or with the exact weight when it was rounded: "20.4 g (charged as 21 g) incl. …". */
export function weightText(s: Shipment): string {
  const weight =
    s.exactG === s.weightG ? grams(s.weightG) : `${decimalGrams(s.exactG)} (charged as ${grams(s.weightG)})`;
  return `${weight} incl. ${decimalGrams(s.tareG)} packaging`;
}

/** Destination and Warensendung first, then weight, size, and (when asked) the registered-mail service. */
export function checkProduct(p: ClassifiedProduct, s: Shipment, req: Requirements | null): ProductCheck {
  const format = LETTER_FORMATS[p.format];
  if (p.transport !== s.transport) {
    return { ok: false, problem: "destination", detail: `it is a ${p.transport} product` };
  }
  if (req && format.warensendung && !req.allowWarensendung) {
    return { ok: false, problem: "warensendung", detail: "Warensendung is not allowed in the settings" };
  }
  if (s.weightG > p.effectiveMaxWeightG) {
    return {
      ok: false,
      problem: "too-heavy",
      detail: `${weightText(s)} is over its ${grams(p.effectiveMaxWeightG)} limit`,
    };
  }
  const fit = fitsSize(s.dimensions, format.size);
  if (!fit.fits) return { ok: false, problem: fit.problem, detail: `${size(s.dimensions)} is ${fit.detail}` };
  if (req && p.registeredMail !== req.registeredMail) {
    return { ok: false, problem: "service", detail: "it has a different registered-mail service" };
  }
  return { ok: true };
}

/** Cheapest first; on a tie the smaller weight class, then the lower code: never the catalog order. */
export function byPrice(a: ClassifiedProduct, b: ClassifiedProduct): number {
  return a.priceCents - b.priceCents || a.effectiveMaxWeightG - b.effectiveMaxWeightG || a.code - b.code;
}

export function cheapestFitting(
  products: readonly ClassifiedProduct[],
  s: Shipment,
  req: Requirements,
): { product: ClassifiedProduct; considered: number } | null {
  const fitting = products.filter((p) => checkProduct(p, s, req).ok).sort(byPrice);
  const product = fitting[0];
  return product ? { product, considered: fitting.length } : null;
}

/** The heaviest weight class first; on a tie letters before Warensendung, then the lower code. */
function heaviestFirst(a: ClassifiedProduct, b: ClassifiedProduct): number {
  const waren = (p: ClassifiedProduct) => (LETTER_FORMATS[p.format].warensendung ? 1 : 0);
  return b.effectiveMaxWeightG - a.effectiveMaxWeightG || waren(a) - waren(b) || a.code - b.code;
}

const fail = (
  error: MappingFailure["error"],
  reason: string,
  key: string,
  values: Record<string, string | number>,
) => ({ ok: false, error, reason, reasonParams: { key, values } }) satisfies MappingFailure;

/** Why no product fits: too heavy for every letter, too large, too small, or no product with the service. */
export function explainNoFit(
  products: readonly ClassifiedProduct[],
  s: Shipment,
  req: Requirements,
): MappingFailure {
  const values = { weightG: s.weightG, exactWeightG: s.exactG, tareG: s.tareG, size: size(s.dimensions) };
  const pool = products.filter((p) => {
    const check = checkProduct(p, s, req);
    return check.ok || (check.problem !== "destination" && check.problem !== "warensendung");
  });
  const heaviest = [...pool].sort(heaviestFirst)[0];
  if (!heaviest) {
    return fail(
      "no-product",
      `The price list has no ${s.transport} letter products`,
      "no-products-for-destination",
      {
        ...values,
        transport: s.transport,
      },
    );
  }
  const light = pool.filter((p) => s.weightG <= p.effectiveMaxWeightG);
  if (light.length === 0) {
    const label = LETTER_FORMATS[heaviest.format].label;
    return fail(
      "too-heavy",
      `Too heavy for letters: ${weightText(s)} (${label} takes up to ${grams(heaviest.effectiveMaxWeightG)})`,
      "too-heavy",
      { ...values, format: label, maxWeightG: heaviest.effectiveMaxWeightG },
    );
  }
  const sized = light.filter((p) => fitsSize(s.dimensions, LETTER_FORMATS[p.format].size).fits);
  if (sized.length === 0) return explainSize(light, s, values);
  const service = req.registeredMail
    ? `with ${SERVICE_LABEL[req.registeredMail]}`
    : "without registered mail";
  const closest = [...sized].sort(byPrice)[0] ?? heaviest;
  return fail(
    "no-product",
    `No product ${service} for ${weightText(s)}, ${size(s.dimensions)} in the current price list ` +
      `(weight and size fit a ${LETTER_FORMATS[closest.format].label})`,
    "no-product-with-service",
    { ...values, service: req.registeredMail ?? "none", format: LETTER_FORMATS[closest.format].label },
  );
}

function explainSize(
  light: readonly ClassifiedProduct[],
  s: Shipment,
  values: Record<string, string | number>,
): MappingFailure {
  const checks = light.map((p) => ({ p, fit: fitsSize(s.dimensions, LETTER_FORMATS[p.format].size) }));
  const large = checks.filter((c) => !c.fit.fits && c.fit.problem === "too-large");
  const biggest = [...large].sort((a, b) => heaviestFirst(a.p, b.p))[0];
  if (biggest && !biggest.fit.fits) {
    const format = LETTER_FORMATS[biggest.p.format];
    return fail(
      "too-large",
      `Too large for letters: ${size(s.dimensions)} is ${biggest.fit.detail} (${format.label} takes up to ${describeMaxSize(format.size)})`,
      "too-large",
      { ...values, format: format.label, maxSize: describeMaxSize(format.size) },
    );
  }
  const minArea = (c: (typeof checks)[number]) => {
    const limit = LETTER_FORMATS[c.p.format].size;
    return limit.minLengthMm * limit.minWidthMm;
  };
  const smallest = [...checks].sort((a, b) => minArea(a) - minArea(b) || a.p.code - b.p.code)[0];
  const detail = smallest && !smallest.fit.fits ? smallest.fit.detail : "too small";
  return fail(
    "no-product",
    `Too small for letters: ${size(s.dimensions)} is ${detail}; choose a larger packaging`,
    "too-small",
    values,
  );
}

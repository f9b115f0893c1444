// Deutsche Post letter formats: size and weight limits per format class.
// These are published postal rules, not price-list data: codes, names, prices and the API's maxWeight
// come from the Products API; this table only says what fits into which format.
import type { FormatId } from "./types";

export interface Dimensions {
  lengthMm: number;
  widthMm: number;
  heightMm: number;
}

/** An envelope-shaped limit (min/max length and width, max thickness) or a sum-of-sides limit. */
export type SizeLimit =
  | {
      kind: "envelope";
      minLengthMm: number;
      maxLengthMm: number;
      minWidthMm: number;
      maxWidthMm: number;
      maxHeightMm: number;
    }
  | { kind: "sum"; minLengthMm: number; minWidthMm: number; maxSumMm: number; maxSideMm: number };

export interface LetterFormat {
  id: FormatId;
  label: string; // the merchant's word for the format
  transport: "national" | "international";
  maxWeightG: number;
  size: SizeLimit;
  warensendung: boolean;
}

const envelope = (
  minLengthMm: number,
  maxLengthMm: number,
  minWidthMm: number,
  maxWidthMm: number,
  maxHeightMm: number,
): SizeLimit => ({ kind: "envelope", minLengthMm, maxLengthMm, minWidthMm, maxWidthMm, maxHeightMm });

const STANDARD = envelope(140, 235, 90, 125, 5);
const KOMPAKT = envelope(100, 235, 70, 125, 10);
const GROSS = envelope(100, 353, 70, 250, 20);
const MAXI = envelope(100, 353, 70, 250, 50);
// International Maxibrief: length + width + height up to 900 mm, no side longer than 600 mm.
// Minimum size assumed as for the national Maxibrief.
const MAXI_INTL: SizeLimit = { kind: "sum", minLengthMm: 100, minWidthMm: 70, maxSumMm: 900, maxSideMm: 600 };

const row = (
  id: FormatId,
  label: string,
  transport: "national" | "international",
  maxWeightG: number,
  size: SizeLimit,
  warensendung = false,
): LetterFormat => ({ id, label, transport, maxWeightG, size, warensendung });

export const LETTER_FORMATS: Readonly<Record<FormatId, LetterFormat>> = {
  standard: row("standard", "Standardbrief", "national", 20, STANDARD),
  kompakt: row("kompakt", "Kompaktbrief", "national", 50, KOMPAKT),
  gross: row("gross", "Großbrief", "national", 500, GROSS),
  maxi: row("maxi", "Maxibrief", "national", 1000, MAXI),
  "maxi-2000": row("maxi-2000", "Maxibrief", "national", 2000, MAXI),
  warensendung: row("warensendung", "Warensendung", "national", 1000, MAXI, true),
  "warensendung-2000": row("warensendung-2000", "Warensendung", "national", 2000, MAXI, true),
  "standard-intl": row("standard-intl", "Standardbrief International", "international", 20, STANDARD),
  "kompakt-intl": row("kompakt-intl", "Kompaktbrief International", "international", 50, KOMPAKT),
  "gross-intl": row("gross-intl", "Großbrief International", "international", 500, GROSS),
  "maxi-intl": row("maxi-intl", "Maxibrief International", "international", 1000, MAXI_INTL),
  "maxi-intl-2000": row("maxi-intl-2000", "Maxibrief International", "international", 2000, MAXI_INTL),
};

/** Sides sorted longest first: a letter can be turned, so only the ordered sides matter. */
export function orderedSides(d: Dimensions): [number, number, number] {
  const [a, b, c] = [d.lengthMm, d.widthMm, d.heightMm].sort((x, y) => y - x);
  return [a ?? 0, b ?? 0, c ?? 0];
}

export type SizeFit = { fits: true } | { fits: false; problem: "too-large" | "too-small"; detail: string };

export function fitsSize(d: Dimensions, size: SizeLimit): SizeFit {
  const [length, width, height] = orderedSides(d);
  if (size.kind === "envelope") {
    if (length > size.maxLengthMm) return tooLarge(`longer than ${size.maxLengthMm} mm`);
    if (width > size.maxWidthMm) return tooLarge(`wider than ${size.maxWidthMm} mm`);
    if (height > size.maxHeightMm) return tooLarge(`thicker than ${size.maxHeightMm} mm`);
  } else {
    if (length > size.maxSideMm) return tooLarge(`a side longer than ${size.maxSideMm} mm`);
    if (length + width + height > size.maxSumMm)
      return tooLarge(`length + width + height over ${size.maxSumMm} mm`);
  }
  if (length < size.minLengthMm || width < size.minWidthMm) {
    return {
      fits: false,
      problem: "too-small",
      detail: `smaller than ${size.minLengthMm} × ${size.minWidthMm} mm`,
    };
  }
  return { fits: true };
}

const tooLarge = (detail: string): SizeFit => ({ fits: false, problem: "too-large", detail });

/** "353 × 250 × 50 mm" or "L+W+H 900 mm, longest side 600 mm": the largest size a format takes. */
export function describeMaxSize(size: SizeLimit): string {
  return size.kind === "envelope"
    ? `${size.maxLengthMm} × ${size.maxWidthMm} × ${size.maxHeightMm} mm`
    : `L+W+H ${size.maxSumMm} mm, longest side ${size.maxSideMm} mm`;
}

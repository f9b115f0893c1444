// Types of the mapping engine: which Deutsche Post product franks one Shopify order.
// Everything here is plain data so that the engine stays a pure, table-tested function.

/** One product of the current price list, as the Products API (`shortSalesProducts`) describes it. */
export interface CatalogProduct {
  code: number; // extProductid
  name: string; // extProductname
  priceCents: number; // grossprice × 100
  transport: "national" | "international";
  maxWeightG: number | null;
}

export interface ShippingAddressForMapping {
  name: string | null;
  company: string | null;
  address1: string | null;
  address2: string | null;
  zip: string | null;
  city: string | null;
  countryCode: string | null; // ISO 3166 alpha-2
}

export interface OrderForMapping {
  id: string; // Shopify gid
  name: string; // "#1001"
  shippingAddress: ShippingAddressForMapping | null;
  lineItems: Array<{ title: string; quantity: number; weightG: number | null; requiresShipping: boolean }>;
  shippingLine: null | { title: string; code: string | null };
  tags: string[];
  /** Null when it was not read from Shopify because no rule compares it (see `orderFieldsRead`). */
  totalPriceCents: number | null;
}

/** Einschreiben variants, weakest first: Einwurf < Einschreiben (Übergabe) < Einschreiben mit Rückschein. */
export type RegisteredMail = "EINSCHREIBEN_EINWURF" | "EINSCHREIBEN" | "EINSCHREIBEN_RUECKSCHEIN";

export interface PackagingPreset {
  id: string;
  name: string;
  tareG: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
}

/** A rule criterion matches when every criterion it sets matches; a rule that sets none matches every order. */
export interface RuleCriteria {
  shippingMethod?: string; // compared with the shipping line's title or code, case-insensitively
  tag?: string; // compared with the order's tags, case-insensitively
}

export interface MappingSettings {
  packagingPresets: PackagingPreset[];
  defaultPackagingId: string;
  packagingRules: Array<RuleCriteria & { packagingId: string }>; // first match wins, else default
  registeredMailRules: Array<RuleCriteria & { orderValueAboveCents?: number; service: RegisteredMail }>; // strongest wins
  productOverrides: Array<RuleCriteria & { productCode: number }>; // first match wins; still checked
  defaultItemWeightG: number | null; // null: a missing weight is an error; else used and flagged
  allowWarensendung: boolean;
  voucherLayout: "ADDRESS_ZONE" | "FRANKING_ZONE";
  unservedCountries: string[]; // alpha-2 codes Deutsche Post currently does not serve
}

export type MappingErrorCode =
  | "missing-address"
  | "unusable-address"
  | "postal-code-rejected"
  | "missing-weight"
  | "too-heavy"
  | "too-large"
  | "destination-not-served"
  | "no-product"
  | "override-invalid";

/**
 * Machine-readable form of `reason`, rendered in the merchant's language by `app/i18n/reasons.ts`: the
 * message `reason.<key>` filled with `values`, followed by `notes` (each `note.<key>` with its values).
 * A new reason is one entry `reason.<key>` in English and German (a test renders every key it finds).
 */
export interface ReasonParams {
  key: string;
  values: Record<string, string | number>;
  notes?: ReasonParams[];
}

export type MappingResult =
  | {
      ok: true;
      productCode: number;
      productName: string;
      priceCents: number;
      reason: string;
      reasonParams?: ReasonParams;
      weightG: number;
      flags: string[];
    }
  | { ok: false; error: MappingErrorCode; reason: string; reasonParams?: ReasonParams };

export type MappingFailure = Extract<MappingResult, { ok: false }>;

/** Letter format classes the engine knows; each has a row in the format table (formats.ts). */
export type FormatId =
  | "standard"
  | "kompakt"
  | "gross"
  | "maxi"
  | "maxi-2000"
  | "warensendung"
  | "warensendung-2000"
  | "standard-intl"
  | "kompakt-intl"
  | "gross-intl"
  | "maxi-intl"
  | "maxi-intl-2000";

/** A catalog product the classifier could place: the API facts plus what its name says. */
export interface ClassifiedProduct extends CatalogProduct {
  format: FormatId;
  registeredMail: RegisteredMail | null;
  /** The lower of the API's maxWeight and the format table's weight limit. */
  effectiveMaxWeightG: number;
}

export type CatalogIssue =
  | "unrecognised-name" // the classifier cannot place the name: ignored, never guessed
  | "not-for-shop-orders" // Dialogpost, Streifbandzeitung, Postkarte
  | "transport-mismatch" // the name says international, the API says national (or the reverse)
  | "max-weight-mismatch" // the API's maxWeight differs from the format table (the lower one is used)
  | "invalid-price"
  | "duplicate-code";

export interface CatalogDiagnostic {
  code: number;
  name: string;
  issue: CatalogIssue;
  detail: string;
}

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
  /**
   * The order's current total in shop money (minor units of `currencyCode`, the shop's currency), never the
   * customer's presentment currency. Null when it was not read (see `orderFieldsRead`).
   */
  totalPriceCents: number | null;
  /** ISO 4217 code of the shop's currency, as Shopify gives it with the amount (`shopMoney.currencyCode`). */
  currencyCode?: string | null;
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
  /**
   * How much goods the packaging holds (grams). Absent: what the largest letter format of its size takes,
   * minus its own weight (a 5 mm DL envelope: 20 g − tare). Used when the packaging is chosen by fit.
   */
  maxContentG?: number | null;
}

/** When a registered-mail service does not exist for the destination: use the next one, or leave the order out. */
export type WhenServiceUnavailable = "substitute" | "leave-out";

/** A rule criterion matches when every criterion it sets matches; a rule that sets none matches every order. */
export interface RuleCriteria {
  shippingMethod?: string; // compared with the shipping line's title or code, case-insensitively
  tag?: string; // compared with the order's tags, case-insensitively
}

export interface MappingSettings {
  packagingPresets: PackagingPreset[];
  defaultPackagingId: string;
  packagingRules: Array<RuleCriteria & { packagingId: string }>; // first match wins, else default
  registeredMailRules: Array<
    RuleCriteria & {
      /** In the shop's currency (minor units), compared with the order total in shop money. */
      orderValueAboveCents?: number;
      service: RegisteredMail;
      /** Default "substitute" (Einwurf → Einschreiben abroad, Rückschein → Einschreiben). */
      whenUnavailable?: WhenServiceUnavailable;
    }
  >; // strongest wins
  /**
   * The built-in rule: a shipping method whose name says Einschreiben / Einwurf / Rückschein (or "registered")
   * asks for that service. Default on; see `serviceNamedBy` in rules.ts.
   */
  registeredMailFromShippingMethod?: boolean;
  /** "smallest-fitting" (default): without a matching packaging rule, the smallest packaging that holds the goods. */
  packagingChoice?: "smallest-fitting" | "default";
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
  | "override-invalid"
  | "service-unavailable"
  | "no-packaging-fits";

/**
 * A note on a chosen product, as data: `code` names the message (app/i18n/mapping-text.ts renders it in German
 * and English), `values` fill it. Numbers stay numbers so that each language formats them its own way.
 */
export interface MappingNotice {
  code:
    | "exact-weight"
    | "packaging-chosen"
    | "customs-form"
    | "customs-not-needed"
    | "service-substituted"
    | "paid-service-missing";
  values: Record<string, string | number>;
}

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
      /** The exact weight (goods plus packaging) to 0.1 g, before rounding up to `weightG`. */
      exactWeightG: number;
      flags: string[];
      notices: MappingNotice[];
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

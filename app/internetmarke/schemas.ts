/**
 * Wire schemas for login, health, profile, wallet and carts. Each accepts both the spec form and the live
 * form (see README "Live deviations") and normalises to one domain shape. Catalog, Retoure and Products
 * schemas live next to their features (`catalog.ts`, `retoure.ts`, `products.ts`).
 */
import { z } from "zod";

/** Ids arrive as strings in the spec and sometimes as numbers live: always a string here. */
export const idString = z
  .union([z.string().min(1), z.number().int().nonnegative()])
  .transform((v) => String(v));

/** Integer cents, as a number or a numeric string. */
export const cents = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);

export const optionalText = z
  .string()
  .nullable()
  .optional()
  .transform((v) => v ?? null);

const optionalCents = cents
  .nullable()
  .optional()
  .transform((v) => v ?? null);

/** `walletBalance` (spec, top-up, login) or `walletBallance` (checkout, sic): whichever is present. */
function balanceOf(b: { walletBalance: number | null; walletBallance: number | null }): number | null {
  return b.walletBalance ?? b.walletBallance;
}

// ---- POST /user ---------------------------------------------------------------------------------------

export interface TokenGrant {
  accessToken: string;
  tokenType: string | null;
  expiresInSeconds: number;
  issuedAt: Date | null;
  walletBalanceCents: number | null;
  infoMessage: string | null;
  showTermsAndConditions: boolean;
  externalCustomerId: string | null;
  authenticatedUser: string | null;
}

/** Used when `expires_in` is missing: the spec example's 3000 s, shorter than the live 86400 s. */
const FALLBACK_EXPIRES_IN = 3000;

export const tokenResponseSchema = z
  .object({
    access_token: z.string().min(1).optional(),
    userToken: z.string().min(1).optional(),
    token_type: optionalText,
    tokenType: optionalText,
    expires_in: z.union([z.number().positive(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
    issued_at: optionalText,
    walletBalance: optionalCents,
    walletBallance: optionalCents,
    infoMessage: optionalText,
    showTermsAndConditions: z.boolean().nullable().optional(),
    external_customer_id: z.union([z.string(), z.number()]).nullable().optional(),
    authenticated_user: optionalText,
  })
  .transform((b, ctx): TokenGrant => {
    const accessToken = b.access_token ?? b.userToken;
    if (accessToken === undefined) {
      ctx.addIssue({ code: "custom", message: "access_token missing", path: ["access_token"] });
      return z.NEVER;
    }
    const issued = b.issued_at === null ? Number.NaN : Date.parse(b.issued_at);
    return {
      accessToken,
      tokenType: b.token_type ?? b.tokenType,
      expiresInSeconds: b.expires_in ?? FALLBACK_EXPIRES_IN,
      issuedAt: Number.isNaN(issued) ? null : new Date(issued),
      walletBalanceCents: balanceOf(b),
      infoMessage: b.infoMessage,
      showTermsAndConditions: b.showTermsAndConditions ?? false,
      externalCustomerId:
        b.external_customer_id === undefined || b.external_customer_id === null
          ? null
          : String(b.external_customer_id),
      authenticatedUser: b.authenticated_user,
    };
  });

// ---- GET / ---------------------------------------------------------------------------------------------

export interface Health {
  name: string | null;
  version: string | null;
  rev: string | null;
  env: string | null;
}

const versionFields = z.object({
  name: optionalText,
  version: optionalText,
  rev: z.union([z.string(), z.number()]).nullable().optional(),
  env: optionalText,
  description: optionalText,
});

/** Live: `{amp: {name, version, rev, env}}`; spec's ApiVersionResponse: `{env, version, description}`. */
export const healthResponseSchema = z
  .object({ amp: versionFields.optional() })
  .and(versionFields)
  .transform((b): Health => {
    const v = b.amp ?? b;
    return {
      name: v.name ?? v.description,
      version: v.version,
      rev: v.rev === null || v.rev === undefined ? null : String(v.rev),
      env: v.env,
    };
  });

// ---- GET /user/profile -----------------------------------------------------------------------------------

const profileText = z
  .union([z.string(), z.number()])
  .nullable()
  .optional()
  .transform((v) => (v === null || v === undefined ? null : String(v)));

/** All fields tolerated as missing (the spec requires country, invoiceType, invoiceFrequency, mail). */
export const profileResponseSchema = z.object({
  ekp: profileText,
  company: profileText,
  salutation: profileText,
  title: profileText,
  invoiceType: profileText,
  invoiceFrequency: profileText,
  mail: profileText,
  firstname: profileText,
  lastname: profileText,
  street: profileText,
  houseNo: profileText,
  zip: profileText,
  city: profileText,
  /** ISO 3166 alpha-3, e.g. DEU. */
  country: profileText,
  phone: profileText,
  pobox: profileText,
  poboxZip: profileText,
  poboxCity: profileText,
});

export type Profile = z.output<typeof profileResponseSchema>;

// ---- PUT /app/wallet -------------------------------------------------------------------------------------

export interface TopUpResult {
  shopOrderId: string;
  walletBalanceCents: number | null;
}

export const topUpResponseSchema = z
  .object({ shopOrderId: idString, walletBalance: optionalCents, walletBallance: optionalCents })
  .transform((b): TopUpResult => ({ shopOrderId: b.shopOrderId, walletBalanceCents: balanceOf(b) }));

// ---- carts -----------------------------------------------------------------------------------------------

export const initCartResponseSchema = z.object({ shopOrderId: idString }).transform((b) => b.shopOrderId);

export interface Voucher {
  /** 20 chars: the wallet's 10-char serial number plus a counter. */
  voucherId: string;
  /** Only for registered mail (Einschreiben); null otherwise. */
  trackId: string | null;
}

export const voucherSchema = z
  .object({ voucherId: idString, trackId: z.union([z.string(), z.number()]).nullable().optional() })
  .transform((v): Voucher => ({
    voucherId: v.voucherId,
    trackId: v.trackId === null || v.trackId === undefined || v.trackId === "" ? null : String(v.trackId),
  }));

export const voucherListSchema = z
  .array(voucherSchema)
  .nullable()
  .optional()
  .transform((v) => v ?? []);

export interface CartResult {
  type: string | null;
  /** Stamps as one PDF, or a ZIP of PNGs. Time-limited: download and store the bytes. */
  link: string;
  manifestLink: string | null;
  shopOrderId: string | null;
  vouchers: Voucher[];
  /** Balance after the purchase; null when not reported (e.g. on retrieval). */
  walletBalanceCents: number | null;
}

export const cartResponseSchema = z
  .object({
    type: optionalText,
    link: z.string().min(1),
    manifestLink: optionalText,
    shoppingCart: z
      .object({ shopOrderId: idString.nullable().optional(), voucherList: voucherListSchema })
      .nullable()
      .optional(),
    walletBallance: optionalCents,
    walletBalance: optionalCents,
  })
  .transform((b): CartResult => ({
    type: b.type,
    link: b.link,
    manifestLink: b.manifestLink === null || b.manifestLink === "" ? null : b.manifestLink,
    shopOrderId: b.shoppingCart?.shopOrderId ?? null,
    vouchers: b.shoppingCart?.voucherList ?? [],
    walletBalanceCents: balanceOf(b),
  }));

export interface PreviewResult {
  /** Link to a "MUSTER" sample (PDF or PNG). */
  link: string;
}

export const previewResponseSchema = z
  .object({ link: z.string().min(1) })
  .transform((b): PreviewResult => ({ link: b.link }));

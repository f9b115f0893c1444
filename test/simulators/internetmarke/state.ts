// In-memory state of one simulator instance, and the id generators that mint the live formats.
import { createHash, randomBytes } from "node:crypto";

export interface LedgerEntry {
  kind: "purchase" | "refund" | "topup";
  /** Signed change to the balance: purchases are negative, refunds and top-ups positive. */
  cents: number;
  /** shopOrderId of the purchase or top-up, shopRetoureId of the refund. */
  ref: string;
  at: Date;
}

export interface VoucherRecord {
  voucherId: string;
  trackId: string | null;
  productCode: number;
  priceCents: number;
  shopOrderId: string;
  boughtAt: Date;
  refunded: boolean;
  /** Set while a retoure holds the voucher, so it is refunded at most once. */
  retoureId: string | null;
}

export interface Account {
  username: string;
  password: string;
  serialNumber: string;
  ekp: string;
  developer: boolean;
  approvedApps: Set<string>;
  contractProducts: number[];
  locked: boolean;
  failedLogins: number;
  openingBalanceCents: number;
  balanceCents: number;
  topUpQuotaCents: number;
  sepaMandate: boolean;
  /** Whether the login answer carries `walletBalance` (assumption A12: the spec does not require it). */
  balanceInLogin: boolean;
  ledger: LedgerEntry[];
  vouchers: VoucherRecord[];
  voucherCounter: number;
}

export interface StoredDocument {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
}

export interface Order {
  shopOrderId: string;
  username: string;
  vouchers: VoucherRecord[];
  /** Rendered after the money moved; awaited by whoever needs the bytes. */
  document: Promise<StoredDocument>;
  manifest: Promise<StoredDocument> | null;
}

export interface Cart {
  shopOrderId: string;
  username: string;
  order: Order | null;
}

export interface Retoure {
  shopRetoureId: string;
  retoureTransactionId: number;
  username: string;
  createdAt: Date;
  settleAt: Date;
  settled: boolean;
  /** Fault processRetouresInParts: when the first half of `accepted` is refunded (null: all at settleAt). */
  partAt: Date | null;
  /** How many of `accepted` (from the start) are refunded so far. */
  processed: number;
  /** Vouchers accepted for refund, decided at request time, credited at settlement. */
  accepted: VoucherRecord[];
  rejected: Array<{ voucherId: string; trackId: string | null }>;
}

export interface Download {
  document: StoredDocument;
  expiresAt: Date;
}

export interface Token {
  username: string;
  clientId: string;
  expiresAt: Date;
}

export interface SimState {
  /** New price lists and the moment each takes effect (see prices.ts). */
  priceLists: Array<{ validFrom: Date; prices: ReadonlyMap<number, number> }>;
  apps: Map<string, string>;
  accounts: Map<string, Account>;
  tokens: Map<string, Token>;
  carts: Map<string, Cart>;
  downloads: Map<string, Download>;
  retoures: Retoure[];
  nextShopOrderId: number;
  nextRetoureId: number;
  nextRetoureTransactionId: number;
  nextTrackSerial: number;
}

export function createState(): SimState {
  return {
    priceLists: [],
    apps: new Map(),
    accounts: new Map(),
    tokens: new Map(),
    carts: new Map(),
    downloads: new Map(),
    retoures: [],
    nextShopOrderId: 81_420_001,
    nextRetoureId: 17_288_001,
    nextRetoureTransactionId: 15_242_001,
    nextTrackSerial: 10_000_001,
  };
}

export function mintShopOrderId(state: SimState): string {
  return String(state.nextShopOrderId++);
}

export function mintToken(): string {
  return randomBytes(32).toString("base64");
}

export function mintDownloadKey(): string {
  return randomBytes(24).toString("base64url");
}

/** A 10-character wallet serial like the live "A005904E65", stable per username. */
export function serialFor(username: string): string {
  const hex = createHash("sha256").update(username).digest("hex").slice(0, 8).toUpperCase();
  return `A0${hex}`;
}

/** voucherId: the 10-character wallet serial plus a 10-character hexadecimal counter. */
export function mintVoucherId(account: Account): string {
  account.voucherCounter += 1;
  return account.serialNumber + account.voucherCounter.toString(16).toUpperCase().padStart(10, "0");
}

/** UPU S10 tracking number for registered mail: "RR" + 8 digits + check digit + "DE". */
export function mintTrackId(state: SimState): string {
  const serial = String(state.nextTrackSerial++).padStart(8, "0");
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const sum = [...serial].reduce((acc, digit, i) => acc + Number(digit) * (weights[i] ?? 0), 0);
  const check = 11 - (sum % 11);
  const checkDigit = check === 10 ? 0 : check === 11 ? 5 : check;
  return `RR${serial}${checkDigit}DE`;
}

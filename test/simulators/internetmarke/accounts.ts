// Portokasse accounts: creation, app approval, the money ledger and the snapshot tests read.
import type { Account, LedgerEntry, SimState, VoucherRecord } from "./state";
import { serialFor } from "./state";

export interface AccountInput {
  username: string;
  password: string;
  balanceCents: number;
  /** 10-character wallet serial; derived from the username when absent. */
  serialNumber?: string;
  /** Developer accounts get stamps overprinted "MUSTER". */
  developer?: boolean;
  /** clientIds the merchant approved in the Portokasse; none means every login answers 401. */
  approvedApps?: string[];
  contractProducts?: number[];
  locked?: boolean;
  /** Top-ups allowed per rolling 24 hours before quotaExceeded (default 500 000 = 5 000 EUR). */
  topUpQuotaCents?: number;
  /** Whether a SEPA mandate is on file; without one top-ups answer forbiddenPaymentMethod (default true). */
  sepaMandate?: boolean;
  /**
   * Whether the login answer carries `walletBalance` (default true, as observed live). The spec's
   * `Authentication200Response` does not require it; false answers a login without it (assumption A12).
   */
  balanceInLogin?: boolean;
}

export interface AccountSnapshot {
  balanceCents: number;
  openingBalanceCents: number;
  ledger: LedgerEntry[];
  vouchers: Array<Omit<VoucherRecord, "retoureId">>;
  failedLogins: number;
  locked: boolean;
}

export const MAX_PASSWORD_LENGTH = 22;

export function addAccount(state: SimState, input: AccountInput): void {
  const serialNumber = input.serialNumber ?? serialFor(input.username);
  if (!/^\S{10}$/.test(serialNumber))
    throw new RangeError(`serialNumber must be 10 characters: ${serialNumber}`);
  if (!Number.isInteger(input.balanceCents) || input.balanceCents < 0) {
    throw new RangeError(`balanceCents must be a whole, non-negative number: ${input.balanceCents}`);
  }
  const ekpDigits = parseInt(serialNumber.slice(2), 16) % 1_000_000_000;
  state.accounts.set(input.username, {
    username: input.username,
    password: input.password,
    serialNumber,
    ekp: `6${String(ekpDigits).padStart(9, "0")}`,
    developer: input.developer ?? false,
    approvedApps: new Set(input.approvedApps ?? []),
    contractProducts: [...(input.contractProducts ?? [])],
    locked: input.locked ?? false,
    failedLogins: 0,
    openingBalanceCents: input.balanceCents,
    balanceCents: input.balanceCents,
    topUpQuotaCents: input.topUpQuotaCents ?? 500_000,
    sepaMandate: input.sepaMandate ?? true,
    balanceInLogin: input.balanceInLogin ?? true,
    ledger: [],
    vouchers: [],
    voucherCounter: 0,
  });
}

export function requireAccount(state: SimState, username: string): Account {
  const account = state.accounts.get(username);
  if (!account) throw new Error(`no simulated Portokasse account ${JSON.stringify(username)}`);
  return account;
}

export function book(
  account: Account,
  kind: LedgerEntry["kind"],
  cents: number,
  ref: string,
  at: Date,
): void {
  account.balanceCents += cents;
  account.ledger.push({ kind, cents, ref, at });
}

export function snapshot(account: Account): AccountSnapshot {
  return {
    balanceCents: account.balanceCents,
    openingBalanceCents: account.openingBalanceCents,
    ledger: account.ledger.map((e) => ({ ...e, at: new Date(e.at) })),
    vouchers: account.vouchers.map(({ retoureId: _retoureId, ...v }) => ({
      ...v,
      boughtAt: new Date(v.boughtAt),
    })),
    failedLogins: account.failedLogins,
    locked: account.locked,
  };
}

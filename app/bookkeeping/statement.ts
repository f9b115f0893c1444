/**
 * The monthly statement of one Portokasse, pure: opening balance, the month's entries with a running
 * balance, totals by kind, closing balance. The balances are derived from one known balance (the anchor:
 * Deutsche Post's answer at a known time) and the ledger: balance(t) = anchor + movements in (anchor, t]
 * − movements in (t, anchor]. So opening + the month's movements = closing, to the cent, by construction,
 * and it agrees with Deutsche Post's ledger as long as every movement went through the app.
 */
import { balanceEffect, sortEntries, type LedgerEntry, type LedgerKind } from "./ledger";
import type { Month } from "./month";

export interface BalanceAnchor {
  balanceCents: number;
  at: Date;
}

export interface StatementLine extends LedgerEntry {
  effectCents: number;
  balanceAfterCents: number;
}

export interface Statement {
  month: Month;
  from: Date;
  to: Date;
  openingCents: number;
  closingCents: number;
  lines: StatementLine[];
  totals: Record<LedgerKind, { cents: number; stamps: number; count: number }>;
  anchor: BalanceAnchor;
}

/** The balance right before `t` (entries at `t` not yet counted). */
export function balanceBefore(t: Date, anchor: BalanceAnchor, entries: readonly LedgerEntry[]): number {
  let balance = anchor.balanceCents;
  for (const e of entries) {
    const time = e.at.getTime();
    if (time > anchor.at.getTime() && time < t.getTime()) balance += balanceEffect(e);
    if (time >= t.getTime() && time <= anchor.at.getTime()) balance -= balanceEffect(e);
  }
  return balance;
}

/**
 * `entries` must hold every entry between the month's start and the anchor (either way round), so the
 * balances can be carried from the anchor to the month.
 */
export function buildStatement(input: {
  month: Month;
  from: Date;
  to: Date;
  anchor: BalanceAnchor;
  entries: readonly LedgerEntry[];
}): Statement {
  const { from, to, anchor } = input;
  const openingCents = balanceBefore(from, anchor, input.entries);
  const inMonth = sortEntries(input.entries.filter((e) => e.at >= from && e.at < to));
  const zero = () => ({ cents: 0, stamps: 0, count: 0 });
  const totals: Statement["totals"] = {
    purchase: zero(),
    refund_requested: zero(),
    refund_confirmed: zero(),
    refund_refused: zero(),
    top_up: zero(),
  };
  let running = openingCents;
  const lines = inMonth.map((entry) => {
    const effectCents = balanceEffect(entry);
    running += effectCents;
    const total = totals[entry.kind];
    total.cents += entry.cents;
    total.stamps += entry.stamps;
    total.count += 1;
    return { ...entry, effectCents, balanceAfterCents: running };
  });
  return { month: input.month, from, to, openingCents, closingCents: running, lines, totals, anchor };
}

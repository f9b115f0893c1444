/**
 * The Portokasse ledger as the app knows it: every money movement (and every refund request and refusal,
 * which move no money) as one entry. Entries come from ledger sources; a feature that moves money adds its
 * source (top-ups do, see ledger.server.ts), and the statement and the DATEV export need nothing else.
 */

export const LEDGER_KINDS = [
  "purchase",
  "refund_requested",
  "refund_confirmed",
  "refund_refused",
  "top_up",
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export interface LedgerEntry {
  /** When it happened as far as the app knows (purchase recorded, Retoure confirmed, top-up booked). */
  at: Date;
  kind: LedgerKind;
  /** The amount, always positive; whether it moves the balance says `balanceEffect`. */
  cents: number;
  /** Deutsche Post's reference: the cart (shopOrderId), the Retoure (shopRetoureId) or the top-up. */
  reference: string;
  /** Stamps concerned (0 for a top-up). */
  stamps: number;
}

/** How an entry moves the Portokasse balance: purchases take, confirmed refunds and top-ups give. */
export function balanceEffect(entry: Pick<LedgerEntry, "kind" | "cents">): number {
  switch (entry.kind) {
    case "purchase":
      return -entry.cents;
    case "refund_confirmed":
    case "top_up":
      return entry.cents;
    case "refund_requested":
    case "refund_refused":
      return 0;
  }
}

/** Oldest first; at the same time purchases before refunds before top-ups (a stable, readable order). */
export function sortEntries(entries: readonly LedgerEntry[]): LedgerEntry[] {
  const rank = (kind: LedgerKind) => LEDGER_KINDS.indexOf(kind);
  return [...entries].sort(
    (a, b) =>
      a.at.getTime() - b.at.getTime() ||
      rank(a.kind) - rank(b.kind) ||
      a.reference.localeCompare(b.reference),
  );
}

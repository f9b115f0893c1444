/**
 * Where the ledger entries come from. Purchases: the bought vouchers of each cart (what Deutsche Post
 * debited). Refunds: each Retoure request when it was recorded (requested), and its outcome when the app
 * saw Deutsche Post settle it (confirmed amount, refused amount); stamps too old to be sent are refused
 * at once. Top-ups: each one the app booked (app/topup), when it was settled.
 */
import type { Db } from "~/db.server";
import type { LedgerEntry } from "./ledger";

export interface LedgerSource {
  name: string;
  /** The shop's entries with `from <= at < to`. */
  entries(db: Db, shopId: string, from: Date, to: Date): Promise<LedgerEntry[]>;
}

export const purchases: LedgerSource = {
  name: "purchases",
  async entries(db, shopId, from, to) {
    const vouchers = await db.voucher.findMany({
      where: { shopId, cart: { boughtAt: { gte: from, lt: to } } },
      select: { priceCents: true, cart: { select: { id: true, shopOrderId: true, boughtAt: true } } },
    });
    const carts = new Map<string, LedgerEntry>();
    for (const v of vouchers) {
      const at = v.cart.boughtAt;
      if (!at) continue;
      const entry = carts.get(v.cart.id) ?? {
        at,
        kind: "purchase",
        cents: 0,
        reference: v.cart.shopOrderId ?? v.cart.id,
        stamps: 0,
      };
      entry.cents += v.priceCents;
      entry.stamps += 1;
      carts.set(v.cart.id, entry);
    }
    return [...carts.values()];
  },
};

export const refunds: LedgerSource = {
  name: "refunds",
  async entries(db, shopId, from, to) {
    const inRange = { gte: from, lt: to };
    const [requested, settled, expired] = await Promise.all([
      db.retoureRequest.findMany({
        where: { shopId, createdAt: inRange },
        include: { _count: { select: { refunds: true } } },
      }),
      db.retoureRequest.findMany({
        where: { shopId, state: "CLOSED", closedAt: inRange },
        include: { refunds: { select: { state: true, priceCents: true } } },
      }),
      db.refund.findMany({
        where: { shopId, retoureId: null, state: "NOT_REFUNDED", decidedAt: inRange },
        select: { id: true, priceCents: true, decidedAt: true, voucherId: true },
      }),
    ]);
    const entries: LedgerEntry[] = requested.map((r) => ({
      at: r.createdAt,
      kind: "refund_requested",
      cents: r.requestedCents,
      reference: r.shopRetoureId ?? r.id,
      stamps: r._count.refunds,
    }));
    for (const r of settled) {
      const at = r.closedAt ?? r.updatedAt;
      const refused = r.refunds.filter((f) => f.state === "NOT_REFUNDED");
      const confirmed = r.refunds.filter((f) => f.state === "REFUNDED");
      if ((r.refundedCents ?? 0) > 0)
        entries.push({
          at,
          kind: "refund_confirmed",
          cents: r.refundedCents ?? 0,
          reference: r.shopRetoureId ?? r.id,
          stamps: confirmed.length,
        });
      if (refused.length > 0)
        entries.push({
          at,
          kind: "refund_refused",
          cents: refused.reduce((s, f) => s + f.priceCents, 0),
          reference: r.shopRetoureId ?? r.id,
          stamps: refused.length,
        });
    }
    for (const f of expired) {
      if (f.decidedAt)
        entries.push({
          at: f.decidedAt,
          kind: "refund_refused",
          cents: f.priceCents,
          reference: f.voucherId,
          stamps: 1,
        });
    }
    return entries;
  },
};

/**
 * Top-ups the app made (app/topup): each booked one when it was settled. A top-up refused, or found not
 * booked when its unclear answer was reconciled, moved no money; one still unclear (SENT) is not in the
 * ledger until it is settled.
 */
export const topUps: LedgerSource = {
  name: "top-ups",
  async entries(db, shopId, from, to) {
    const booked = await db.portokasseTopUp.findMany({
      where: { shopId, state: "DONE", settledAt: { gte: from, lt: to } },
      select: { id: true, amountCents: true, shopOrderId: true, settledAt: true },
    });
    return booked.flatMap((t) =>
      t.settledAt
        ? [
            {
              at: t.settledAt,
              kind: "top_up" as const,
              cents: t.amountCents,
              reference: t.shopOrderId ?? t.id,
              stamps: 0,
            },
          ]
        : [],
    );
  },
};

/** Every source of the ledger. */
export const LEDGER_SOURCES: LedgerSource[] = [purchases, refunds, topUps];

export async function ledgerEntries(
  db: Db,
  shopId: string,
  from: Date,
  to: Date,
  sources: readonly LedgerSource[] = LEDGER_SOURCES,
): Promise<LedgerEntry[]> {
  const all = await Promise.all(sources.map((s) => s.entries(db, shopId, from, to)));
  return all.flat();
}

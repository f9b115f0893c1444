/** Loading a month's statement: the ledger entries between the month and the balance anchor. */
import type { Db } from "~/db.server";
import { ledgerEntries, LEDGER_SOURCES, type LedgerSource } from "./ledger.server";
import { monthRange, type Month } from "./month";
import { buildStatement, type BalanceAnchor, type Statement } from "./statement";

export async function loadStatement(
  db: Db,
  input: { shopId: string; month: Month; anchor: BalanceAnchor; sources?: readonly LedgerSource[] },
): Promise<Statement> {
  const { from, to } = monthRange(input.month);
  const start = new Date(Math.min(from.getTime(), input.anchor.at.getTime()));
  const end = new Date(Math.max(to.getTime(), input.anchor.at.getTime() + 1));
  const entries = await ledgerEntries(db, input.shopId, start, end, input.sources ?? LEDGER_SOURCES);
  return buildStatement({ month: input.month, from, to, anchor: input.anchor, entries });
}

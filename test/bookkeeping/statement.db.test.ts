import { expect, it } from "vitest";
import { MERCHANT } from "../support/internetmarke-sim";
import { describeEachDatabase } from "../support/databases";
import { EINSCHREIBEN, useRefunds } from "../refunds/harness";
import { requestRefunds } from "~/refunds/request-refunds.server";
import { loadStatement } from "~/bookkeeping/statement.server";
import { monthOf, monthRange, nextMonth } from "~/bookkeeping/month";
import { datevFile, DATEV_COLUMNS, windows1252, type DatevSettings } from "~/bookkeeping/datev";
import { statementCsv } from "~/bookkeeping/csv";

const DAY = 24 * 60 * 60 * 1000;
const SETTINGS: DatevSettings = {
  chart: "SKR03",
  postageAccount: "4910",
  portokasseAccount: "1360",
  topUpAccount: "1200",
  consultantNumber: 1234567,
  clientNumber: 42,
  fiscalYearStartMonth: 1,
};

describeEachDatabase("the monthly Portokasse statement", (database) => {
  const env = useRefunds(database);

  it("reconciles with Deutsche Post's ledger to the cent, month by month, and the DATEV file carries the same totals", async () => {
    // October: two carts, one stamp refunded; the window reaches into November for a second refund.
    const first = await env.buy(env.openOrders(3));
    env.clock.advance(20 * DAY);
    const second = await env.buy(env.openOrders(2), EINSCHREIBEN);
    await requestRefunds(env.db(), env.shop.id, [first.vouchers[0]?.voucherId ?? ""], env.clock.now());
    await env.settle();
    const october = monthOf(env.clock.now());
    // November: one more cart, one of the Einschreiben stamps refunded, one refused (too old: first cart).
    const { from: novemberStart } = monthRange(nextMonth(october));
    env.clock.advance(novemberStart.getTime() - env.clock.now().getTime() + 3 * DAY);
    const third = await env.buy(env.openOrders(1));
    await requestRefunds(
      env.db(),
      env.shop.id,
      [second.vouchers[0]?.voucherId ?? "", first.vouchers[1]?.voucherId ?? ""],
      env.clock.now(),
    );
    await env.settle();
    await env.expectMoneyReconciles();

    const account = env.sim.account(MERCHANT.username);
    const anchor = { balanceCents: account.balanceCents, at: env.clock.now() };
    const ledgerBefore = (t: Date) =>
      account.openingBalanceCents + account.ledger.filter((e) => e.at < t).reduce((s, e) => s + e.cents, 0);
    const ledgerIn = (kind: string, from: Date, to: Date) =>
      account.ledger
        .filter((e) => e.kind === kind && e.at >= from && e.at < to)
        .reduce((s, e) => s + e.cents, 0);

    for (const month of [october, nextMonth(october)]) {
      const statement = await loadStatement(env.db(), { shopId: env.shop.id, month, anchor });
      const { from, to } = monthRange(month);
      expect(statement.openingCents).toBe(ledgerBefore(from));
      expect(statement.closingCents).toBe(ledgerBefore(to));
      expect(statement.totals.purchase.cents).toBe(-ledgerIn("purchase", from, to));
      expect(statement.totals.refund_confirmed.cents).toBe(ledgerIn("refund", from, to));
      expect(
        statement.openingCents - statement.totals.purchase.cents + statement.totals.refund_confirmed.cents,
      ).toBe(statement.closingCents);

      const file = datevFile(statement, SETTINGS, env.clock.now());
      const lines = new TextDecoder("windows-1252").decode(windows1252(file)).split("\r\n").filter(Boolean);
      const rows = lines.slice(2).map((l) => l.split(";"));
      const sum = (sh: string) =>
        rows
          .filter((r) => r[1] === `"${sh}"`)
          .reduce((s, r) => s + Math.round(Number((r[0] ?? "").replace(",", ".")) * 100), 0);
      expect(sum("S")).toBe(statement.totals.purchase.cents);
      expect(sum("H")).toBe(statement.totals.refund_confirmed.cents);
      expect(rows.every((r) => r.length === DATEV_COLUMNS.length && r[6] === "4910" && r[7] === "1360")).toBe(
        true,
      );
    }
    const november = await loadStatement(env.db(), {
      shopId: env.shop.id,
      month: nextMonth(october),
      anchor,
    });
    expect(november.closingCents).toBe(account.balanceCents);
    expect(november.totals.purchase).toMatchObject({ cents: 95, stamps: 1, count: 1 });
    expect(november.totals.refund_requested).toMatchObject({ cents: 330, stamps: 1 });
    expect(november.totals.refund_confirmed).toMatchObject({ cents: 330, stamps: 1 });
    expect(november.totals.refund_refused).toMatchObject({ cents: 95, stamps: 1 });
    expect(november.lines.find((l) => l.kind === "purchase")?.reference).toBe(third.shopOrderId);
    const csv = statementCsv(november, MERCHANT.username, "de");
    expect(csv.split("\r\n")[2]).toMatch(/;Anfangssaldo;;;;;\d{1,3}(\.\d{3})*,\d{2}$/);
  });
});

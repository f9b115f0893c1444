/**
 * Top-up on the app's pages (Portokasse settings and a batch stopped for money): the recent top-ups and
 * the two actions, "top up" (after the merchant confirmed amount and SEPA debit) and "check again".
 */
import { portokasseFor, loadPortokasse } from "~/portokasse/connection.server";
import { portokasseJson, type PageDeps } from "~/settings/pages.server";
import { shopFor } from "~/shops.server";
import { parseEuroAmount, type TopUpProblem } from "./model";
import { settleOpenTopUp, topUpPortokasse } from "./topup.server";

export interface TopUpRowJson {
  id: string;
  amountCents: number;
  state: string;
  createdAt: string;
  settledAt: string | null;
  balanceAfterCents: number | null;
}

export type TopUpResultJson =
  | { ok: true; amountCents: number; balanceCents: number; reconciled: boolean }
  | { ok: false; problem: TopUpProblem; amountCents: number; since: string | null; code: string | null };

/** The shop's ten newest top-ups, newest first (amount, time, state), for the page. */
export async function recentTopUps(deps: PageDeps, shopId: string): Promise<TopUpRowJson[]> {
  const rows = await deps.db.portokasseTopUp.findMany({
    where: { shopId },
    orderBy: { createdAt: "desc" },
    take: 10,
  });
  return rows.map((r) => ({
    id: r.id,
    amountCents: r.amountCents,
    state: r.state,
    createdAt: r.createdAt.toISOString(),
    settledAt: r.settledAt?.toISOString() ?? null,
    balanceAfterCents: r.balanceAfterCents,
  }));
}

export async function topUpAction(deps: PageDeps, shopDomain: string, form: FormData, requestedBy: string) {
  const shop = await shopFor(deps.db, shopDomain);
  let result: TopUpResultJson;
  if (form.get("_action") === "top-up-check") {
    result = await checkAgain(deps, shop.id);
  } else {
    const amountCents = parseEuroAmount(String(form.get("amount") ?? ""));
    if (amountCents === null) {
      result = { ok: false, problem: "invalid-amount", amountCents: 0, since: null, code: null };
    } else {
      const outcome = await topUpPortokasse(deps.db, deps.im, {
        shopId: shop.id,
        amountCents,
        encryptionKey: deps.encryptionKey,
        now: deps.now,
        requestedBy,
      });
      result = outcome.ok ? outcome : { ...outcome, since: outcome.since?.toISOString() ?? null };
    }
  }
  return {
    action: "top-up" as const,
    topUp: result,
    topUps: await recentTopUps(deps, shop.id),
    portokasse: portokasseJson(await loadPortokasse(deps.db, shop.id)),
  };
}

async function checkAgain(deps: PageDeps, shopId: string): Promise<TopUpResultJson> {
  const linked = await portokasseFor(deps.db, deps.im, shopId, deps.encryptionKey);
  if (!linked) return { ok: false, problem: "not-linked", amountCents: 0, since: null, code: null };
  try {
    const settled = await settleOpenTopUp(deps.db, linked.kasse, shopId, deps.now);
    if (!settled || settled.state === "DONE")
      return {
        ok: true,
        amountCents: settled?.amountCents ?? 0,
        balanceCents: settled?.balanceCents ?? linked.view.balanceCents ?? 0,
        reconciled: settled !== null,
      };
    const problem: TopUpProblem = settled.state === "SENT" ? "unclear" : "not-booked";
    return {
      ok: false,
      problem,
      amountCents: settled.amountCents,
      since: settled.createdAt.toISOString(),
      code: null,
    };
  } catch {
    return { ok: false, problem: "unavailable", amountCents: 0, since: null, code: null };
  }
}

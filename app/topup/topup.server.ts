/**
 * Topping up a shop's Portokasse by SEPA direct debit, exactly once (ADR 013, the discipline of ADR 004):
 * the balance is read, the top-up is recorded (state SENT) and only then sent. A clear answer settles it
 * (DONE, REFUSED, NOT_BOOKED); an unclear one (connection dropped, timeout, 5xx) is settled by reading the
 * balance again (`reconcileTopUp`), never by sending again. While one is unclear no other is sent.
 */
import { z } from "zod";
import type { Db } from "~/db.server";
import type { InternetmarkeClient, Portokasse } from "~/internetmarke";
import { diagnose } from "~/portokasse/diagnostics";
import { portokasseFor } from "~/portokasse/connection.server";
import { MAX_TOP_UP_CENTS, MIN_TOP_UP_CENTS, type TopUpProblem } from "./model";
import { reconcileTopUp, type Settled } from "./reconcile.server";

export interface TopUpInput {
  shopId: string;
  amountCents: number;
  encryptionKey: string;
  now: Date;
  /** Who asked (the admin user or the shop), kept with the record. */
  requestedBy: string | null;
}

export type TopUpOutcome =
  | { ok: true; topUpId: string; amountCents: number; balanceCents: number; reconciled: boolean }
  | {
      ok: false;
      problem: TopUpProblem;
      topUpId: string | null;
      amountCents: number;
      since: Date | null;
      code: string | null;
    };

const clientErrorSchema = z.object({
  code: z.string(),
  title: z.string().nullable().optional(),
  outcomeUnknown: z.boolean().optional(),
});

/** Deutsche Post's refusal, by its machine code (spec: quotaExceeded, forbiddenPaymentMethod; 404 wallet). */
export function refusalOf(error: unknown): { problem: TopUpProblem; unclear: boolean; code: string | null } {
  const parsed = clientErrorSchema.safeParse(error);
  if (!parsed.success) return { problem: "unexpected", unclear: true, code: null };
  const { code, title, outcomeUnknown } = parsed.data;
  if (outcomeUnknown === true) return { problem: "unclear", unclear: true, code };
  const t = (title ?? "").toLowerCase();
  if (t === "forbiddenpaymentmethod") return { problem: "no-mandate", unclear: false, code: title ?? code };
  if (t === "quotaexceeded") return { problem: "quota-exceeded", unclear: false, code: title ?? code };
  if (code === "validation_failed") return { problem: "amount-invalid", unclear: false, code: title ?? code };
  if (code === "not_found") return { problem: "wallet-not-found", unclear: false, code };
  if (["network_error", "timeout", "rate_limited", "server_error"].includes(code))
    return { problem: "unavailable", unclear: false, code };
  if (
    [
      "invalid_credentials",
      "login_refused",
      "app_not_approved",
      "account_locked",
      "authentication_failed",
      "permission_denied",
    ].includes(code)
  )
    return { problem: "login", unclear: false, code };
  return { problem: "unexpected", unclear: false, code: title ?? code };
}

function failed(
  problem: TopUpProblem,
  amountCents: number,
  extra: Partial<{ topUpId: string; since: Date; code: string | null }> = {},
): TopUpOutcome {
  return {
    ok: false,
    problem,
    amountCents,
    topUpId: extra.topUpId ?? null,
    since: extra.since ?? null,
    code: extra.code ?? null,
  };
}

function fromSettled(settled: Settled, amountCents: number, reconciled: boolean): TopUpOutcome {
  if (settled.state === "DONE")
    return { ok: true, topUpId: settled.id, amountCents, balanceCents: settled.balanceCents, reconciled };
  return failed(settled.state === "SENT" ? "unclear" : (settled.problem ?? "unexpected"), amountCents, {
    topUpId: settled.id,
    since: settled.createdAt,
  });
}

/** Settles a shop's unclear top-up, if any, by reading the balance. Null when none is open. */
export async function settleOpenTopUp(
  db: Db,
  kasse: Portokasse,
  shopId: string,
  now: Date,
): Promise<Settled | null> {
  const open = await db.portokasseTopUp.findFirst({
    where: { shopId, state: "SENT" },
    orderBy: { createdAt: "asc" },
  });
  return open ? reconcileTopUp(db, kasse, open, now) : null;
}

export async function topUpPortokasse(
  db: Db,
  im: InternetmarkeClient,
  input: TopUpInput,
): Promise<TopUpOutcome> {
  const { shopId, amountCents, now } = input;
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) return failed("invalid-amount", amountCents);
  if (amountCents < MIN_TOP_UP_CENTS) return failed("below-minimum", amountCents);
  if (amountCents > MAX_TOP_UP_CENTS) return failed("amount-invalid", amountCents);
  const linked = await portokasseFor(db, im, shopId, input.encryptionKey);
  if (!linked)
    return failed(
      (await db.portokasseAccount.count({ where: { shopId } })) > 0 ? "login" : "not-linked",
      amountCents,
    );
  const { kasse } = linked;

  try {
    const open = await settleOpenTopUp(db, kasse, shopId, now);
    if (open?.state === "SENT")
      return failed("pending", open.amountCents, { topUpId: open.id, since: open.createdAt });
  } catch (error) {
    return failed(refusalOf(error).problem === "login" ? "login" : "unavailable", amountCents);
  }

  let balanceBeforeCents: number | null;
  try {
    balanceBeforeCents = (await kasse.login()).walletBalanceCents;
  } catch (error) {
    const problem = diagnose(error);
    return failed(problem === "unavailable" ? "unavailable" : "login", amountCents);
  }
  if (balanceBeforeCents === null) return failed("unavailable", amountCents);

  // Recorded before it is sent: a crash from here on leaves a SENT row that is reconciled, never re-sent.
  const row = await db.portokasseTopUp.create({
    data: { shopId, amountCents, balanceBeforeCents, requestedBy: input.requestedBy, createdAt: now },
  });
  try {
    const result = await kasse.topUp(amountCents);
    // The spec's answer carries the new balance; without it, the one before plus the amount.
    const balanceCents = result.walletBalanceCents ?? balanceBeforeCents + amountCents;
    await db.$transaction([
      db.portokasseTopUp.update({
        where: { id: row.id },
        data: {
          state: "DONE",
          balanceAfterCents: balanceCents,
          shopOrderId: result.shopOrderId,
          settledAt: now,
        },
      }),
      db.portokasseAccount.update({
        where: { shopId },
        data: { balanceCents, balanceCheckedAt: now },
      }),
    ]);
    return { ok: true, topUpId: row.id, amountCents, balanceCents, reconciled: false };
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal.unclear) {
      const state = refusal.problem === "unavailable" ? "NOT_BOOKED" : "REFUSED";
      await db.portokasseTopUp.update({
        where: { id: row.id },
        data: { state, problem: refusal.problem, settledAt: now },
      });
      return failed(refusal.problem, amountCents, { topUpId: row.id, code: refusal.code });
    }
    await db.portokasseTopUp.update({ where: { id: row.id }, data: { problem: "unclear" } });
    try {
      return fromSettled(await reconcileTopUp(db, kasse, row, now), amountCents, true);
    } catch {
      return failed("unclear", amountCents, { topUpId: row.id, since: row.createdAt });
    }
  }
}

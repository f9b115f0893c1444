// Refunds (Retoure): POST /app/retoure files a request, GET /app/retoure reports its state.
// Eligibility is decided when the request is filed; the money arrives asynchronously, once
// retoureDelayMs has passed by now() (settled lazily on every request, on account() and by processRetoures()).
import { z } from "zod";
import { book } from "./accounts";
import { describeIssues } from "./checkout-schemas";
import type { SimContext } from "./context";
import { badRequest, fail, json } from "./errors";
import type { Account, Retoure, SimState, VoucherRecord } from "./state";

export const REFUND_WINDOW_MS = 14 * 24 * 60 * 60 * 1000;

const retoureRequestSchema = z.object({
  shoppingCart: z.object({
    shopOrderId: z.string().min(1).max(18).nullish(),
    voucherList: z
      .array(z.object({ voucherId: z.string().min(1), trackId: z.string().nullish() }))
      .min(1)
      .nullish(),
  }),
});

function eligible(voucher: VoucherRecord, now: Date, shopOrderId: string | null): boolean {
  if (voucher.refunded || voucher.retoureId !== null) return false;
  if (shopOrderId !== null && voucher.shopOrderId !== shopOrderId) return false;
  return now.getTime() - voucher.boughtAt.getTime() <= REFUND_WINDOW_MS;
}

export async function handleRetoureRequest(ctx: SimContext, account: Account): Promise<Response> {
  let body: unknown;
  try {
    body = JSON.parse(await ctx.request.text());
  } catch {
    badRequest("JSON parse error: the request body is not valid JSON");
  }
  const parsed = retoureRequestSchema.safeParse(body);
  if (!parsed.success) badRequest(describeIssues(parsed.error));
  const { shopOrderId, voucherList } = parsed.data.shoppingCart;
  if (!shopOrderId && !voucherList) badRequest("shoppingCart: shopOrderId or voucherList is required");

  let candidates: Array<{ voucherId: string; trackId?: string | null }> = voucherList ?? [];
  if (shopOrderId) {
    const cart = ctx.state.carts.get(shopOrderId);
    if (!cart || cart.username !== account.username || !cart.order) {
      fail(400, "unknownShopOrderId", `Unknown shopOrderId '${shopOrderId}'`);
    }
    if (!voucherList) candidates = cart.order.vouchers;
  }

  const now = ctx.config.now();
  const shopRetoureId = String(ctx.state.nextRetoureId++);
  const inParts = ctx.retoureInParts?.() ?? false;
  const delay = ctx.config.retoureDelayMs;
  const retoure: Retoure = {
    shopRetoureId,
    retoureTransactionId: ctx.state.nextRetoureTransactionId++,
    username: account.username,
    createdAt: now,
    settleAt: new Date(now.getTime() + (inParts ? 2 * delay : delay)),
    settled: false,
    partAt: inParts ? new Date(now.getTime() + delay) : null,
    processed: 0,
    accepted: [],
    rejected: [],
  };
  for (const candidate of candidates) {
    const voucher = account.vouchers.find((v) => v.voucherId === candidate.voucherId);
    if (voucher && eligible(voucher, now, shopOrderId ?? null)) {
      voucher.retoureId = shopRetoureId;
      retoure.accepted.push(voucher);
    } else {
      retoure.rejected.push({
        voucherId: candidate.voucherId,
        trackId: voucher?.trackId ?? candidate.trackId ?? null,
      });
    }
  }
  ctx.state.retoures.push(retoure);
  settleRetoures(ctx.state, now);
  return json({ shopRetoureId, retoureTransactionId: String(retoure.retoureTransactionId) });
}

/** Refunds the accepted vouchers up to `upTo` (exclusive) not refunded yet, in one booking. */
function refundUpTo(state: SimState, retoure: Retoure, upTo: number, at: Date): void {
  const part = retoure.accepted.slice(retoure.processed, upTo);
  retoure.processed = Math.max(retoure.processed, upTo);
  const account = state.accounts.get(retoure.username);
  if (!account || part.length === 0) return;
  for (const voucher of part) voucher.refunded = true;
  const cents = part.reduce((sum, v) => sum + v.priceCents, 0);
  book(account, "refund", cents, retoure.shopRetoureId, at);
}

/** Credits every retoure whose delay has passed (a Retoure in parts: its first half at `partAt`). */
export function settleRetoures(state: SimState, now: Date): void {
  for (const retoure of state.retoures) {
    if (retoure.settled) continue;
    if (retoure.partAt !== null && retoure.partAt <= now && retoure.processed === 0) {
      refundUpTo(state, retoure, Math.ceil(retoure.accepted.length / 2), retoure.partAt);
    }
    if (retoure.settleAt > now) continue;
    retoure.settled = true;
    refundUpTo(state, retoure, retoure.accepted.length, retoure.settleAt);
  }
}

const berlinParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Berlin",
  day: "numeric",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** Live format "6102025-190339": day (not zero-padded), month, year, "-", HHmmss, German time. */
export function formatCreationDate(date: Date): string {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    berlinParts.formatToParts(date).find((p) => p.type === type)?.value ?? "";
  return `${part("day")}${part("month")}${part("year")}-${part("hour")}${part("minute")}${part("second")}`;
}

function optionalDate(ctx: SimContext, name: string): Date | null {
  const raw = ctx.url.searchParams.get(name);
  if (raw === null || raw === "") return null;
  const date = new Date(raw);
  if (Number.isNaN(date.getTime()))
    badRequest(`${name}: expected format yyyy-MM-dd'T'HH:mm:ss.SSSXXX, got '${raw}'`);
  return date;
}

export function handleRetoureState(ctx: SimContext, account: Account): Response {
  const params = ctx.url.searchParams;
  const shopRetoureId = params.get("shopRetoureId");
  const rawTransactionId = params.get("retoureTransactionId");
  if (rawTransactionId !== null && !/^\d{1,10}$/.test(rawTransactionId)) {
    badRequest(`retoureTransactionId: '${rawTransactionId}' is not an integer`);
  }
  const startDate = optionalDate(ctx, "startDate");
  const endDate = optionalDate(ctx, "endDate");

  const states = ctx.state.retoures
    .filter((r) => r.username === account.username)
    .filter((r) => shopRetoureId === null || r.shopRetoureId === shopRetoureId)
    .filter((r) => rawTransactionId === null || r.retoureTransactionId === Number(rawTransactionId))
    .filter((r) => (!startDate || r.createdAt >= startDate) && (!endDate || r.createdAt <= endDate))
    .map((r) => ({
      shopRetoureId: r.shopRetoureId,
      retoureTransactionId: r.retoureTransactionId,
      totalCount: r.accepted.length + r.rejected.length,
      countStillOpen: r.accepted.length - r.processed,
      // Spec (RetoureState.retourePrice): "the total value of confirmed refunds", so far.
      retourePrice: r.accepted.slice(0, r.processed).reduce((sum, v) => sum + v.priceCents, 0),
      creationDate: formatCreationDate(r.createdAt),
      serialnumber: account.serialNumber,
      refundedVouchers: r.accepted
        .slice(0, r.processed)
        .map((v) => ({ voucherId: v.voucherId, trackId: v.trackId ?? "" })),
      notRefundedVouchers: r.rejected.map((v) => ({ voucherId: v.voucherId, trackId: v.trackId ?? "" })),
    }));
  return json({ RetrieveRetoureStateResponse: states });
}

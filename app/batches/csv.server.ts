/** The rows of the bookkeeping export: the shop's stamps of one batch or of a date range (Berlin days). */
import type { Db } from "~/db.server";
import type { BookkeepingRow } from "./csv";

export type ExportScope = { batchId: string } | { from: Date; to: Date };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The instant Europe/Berlin's day `YYYY-MM-DD` starts (null for anything else). */
export function berlinMidnight(day: string): Date | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const utc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const check = new Date(utc);
  if (check.toISOString().slice(0, 10) !== day) return null;
  const offset = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Berlin", timeZoneName: "longOffset" })
    .formatToParts(check)
    .find((p) => p.type === "timeZoneName")?.value;
  const [, sign, hours, minutes] = /GMT([+-])(\d{2}):(\d{2})/.exec(offset ?? "") ?? [];
  const offsetMs = sign ? (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * 60_000 : 0;
  return new Date(utc - offsetMs);
}

/** `from`..`to` inclusive as Berlin days; null when a date is malformed, reversed or spans over 366 days. */
export function dayRange(from: string, to: string): { from: Date; to: Date } | null {
  const start = berlinMidnight(from);
  const last = berlinMidnight(to);
  if (!start || !last || last < start) return null;
  const end = berlinMidnight(new Date(last.getTime() + 36 * 3_600_000).toISOString().slice(0, 10));
  if (!end || end.getTime() - start.getTime() > 367 * 86_400_000) return null;
  return { from: start, to: end };
}

export async function bookkeepingRows(
  db: Db,
  shopDomain: string,
  scope: ExportScope,
): Promise<BookkeepingRow[] | null> {
  const shop = await db.shop.findUnique({ where: { domain: shopDomain } });
  if (!shop) return null;
  if ("batchId" in scope) {
    const batch = await db.frankingBatch.findFirst({ where: { id: scope.batchId, shopId: shop.id } });
    if (!batch) return null;
  }
  const vouchers = await db.voucher.findMany({
    where: {
      shopId: shop.id,
      ...("batchId" in scope ? { batchId: scope.batchId } : { boughtAt: { gte: scope.from, lt: scope.to } }),
    },
    include: { batchOrder: { select: { orderName: true } }, refund: { select: { state: true } } },
    orderBy: [{ boughtAt: "asc" }, { batchId: "asc" }, { batchOrder: { position: "asc" } }],
  });
  return vouchers.map((v) => ({
    boughtAt: v.boughtAt,
    batchId: v.batchId,
    orderName: v.batchOrder.orderName,
    productCode: v.productCode,
    productName: v.productName,
    priceCents: v.priceCents,
    voucherId: v.voucherId,
    trackingNumber: v.trackId,
    refundState: v.refund?.state ?? null,
  }));
}

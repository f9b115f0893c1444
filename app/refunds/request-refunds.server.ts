/**
 * Manual refunds: the merchant picked vouchers (batch page, order-details block) and confirmed. Every
 * voucher must belong to the shop, or nothing is filed. Filing twice returns the same refunds.
 */
import type { Db } from "~/db.server";
import { fileRefunds } from "./file-refunds.server";

/** Some of the vouchers are not this shop's (or do not exist): the caller answers 404. */
export class UnknownVoucherError extends Error {
  override name = "UnknownVoucherError";
  constructor(readonly voucherIds: readonly string[]) {
    super(`Unknown vouchers: ${voucherIds.join(", ")}`);
  }
}

export interface RequestedRefunds {
  /** One refund id per distinct voucher, in the order asked for. */
  refundIds: string[];
  /** How many of them were filed by this call (the others had been filed before). */
  created: number;
}

/**
 * Files refunds for the shop's vouchers (Deutsche Post voucher ids). Vouchers within 14 days go into one
 * Retoure per cart, sent by the refund worker; older ones are recorded as not refundable.
 */
export async function requestRefunds(
  db: Db,
  shopId: string,
  voucherIds: readonly string[],
  now: Date = new Date(),
): Promise<RequestedRefunds> {
  const wanted = [...new Set(voucherIds)];
  const found = await db.voucher.findMany({ where: { shopId, voucherId: { in: wanted } }, select: { voucherId: true } });
  const known = new Set(found.map((v) => v.voucherId));
  const unknown = wanted.filter((id) => !known.has(id));
  if (unknown.length > 0 || wanted.length === 0) throw new UnknownVoucherError(unknown);
  const filed = await fileRefunds(db, { shopId, voucherIds: wanted, source: "MANUAL", now });
  return { refundIds: filed.refunds.map((r) => r.refundId), created: filed.refunds.filter((r) => r.created).length };
}

/**
 * Retoure: refund of unused stamps (within 14 days of purchase). Requests are asynchronous: `requestRetoure`
 * books the refund request, `retoureState` reports what has been refunded so far.
 */
import { z } from "zod";
import { ValidationError } from "./errors";
import { cents, idString, optionalText, voucherListSchema, type Voucher } from "./schemas";
import type { Session } from "./session";

export interface RetoureRequest {
  /** Refund every voucher of this cart ... */
  shopOrderId?: string;
  /** ... or just these vouchers. */
  vouchers?: readonly { voucherId: string; trackId?: string | null }[];
}

export interface RetoureReceipt {
  shopRetoureId: string;
  /** A string in the POST answer, an integer in the GET: always a string here. */
  retoureTransactionId: string;
}

export interface RetoureState {
  shopRetoureId: string;
  retoureTransactionId: string | null;
  totalCount: number | null;
  countStillOpen: number | null;
  /** Value of the refunds confirmed so far. */
  retourePriceCents: number | null;
  /** Parsed from the server's `DMMYYYY-HHmmss` (day not zero-padded); null if unreadable. */
  creationDate: Date | null;
  creationDateRaw: string | null;
  serialNumber: string | null;
  refundedVouchers: Voucher[];
  notRefundedVouchers: Voucher[];
}

export interface RetoureStateQuery {
  shopRetoureId?: string;
  retoureTransactionId?: string | number;
  startDate?: Date;
  endDate?: Date;
}

/** The wall-clock zone of `creationDate` (the service runs in Germany). */
export const CREATION_DATE_TIME_ZONE = "Europe/Berlin";

function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * "6102025-190339" -> 6 Oct 2025 19:03:39 in `timeZone`. The day (and, to be safe, the hour) may lack its
 * leading zero; month and year are fixed width. ISO 8601 strings are accepted too. Null when unreadable.
 */
export function parseCreationDate(raw: string, timeZone: string = CREATION_DATE_TIME_ZONE): Date | null {
  const text = raw.trim();
  const m = /^(\d{1,2})(\d{2})(\d{4})-(\d{1,2})(\d{2})(\d{2})$/.exec(text);
  if (m === null) {
    const iso = /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : Number.NaN;
    return Number.isNaN(iso) ? null : new Date(iso);
  }
  const [day = 0, month = 0, year = 0, hour = 0, minute = 0, second = 0] = m.slice(1).map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (
    check.getUTCDate() !== day ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCFullYear() !== year ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return null;
  }
  // Wall time -> instant: subtract the zone's offset (re-checked once across DST changes).
  const firstGuess = wall - zoneOffsetMs(wall, timeZone);
  return new Date(wall - zoneOffsetMs(firstGuess, timeZone));
}

const optionalCount = z
  .union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)])
  .nullable()
  .optional()
  .transform((v) => v ?? null);

const retoureStateItemSchema = z
  .object({
    shopRetoureId: idString,
    retoureTransactionId: z.union([z.string(), z.number()]).nullable().optional(),
    totalCount: optionalCount,
    countStillOpen: optionalCount,
    retourePrice: cents.nullable().optional(),
    creationDate: optionalText,
    serialnumber: optionalText,
    serialNumber: optionalText,
    refundedVouchers: voucherListSchema,
    notRefundedVouchers: voucherListSchema,
  })
  .transform((b): RetoureState => ({
    shopRetoureId: b.shopRetoureId,
    retoureTransactionId:
      b.retoureTransactionId === null || b.retoureTransactionId === undefined
        ? null
        : String(b.retoureTransactionId),
    totalCount: b.totalCount,
    countStillOpen: b.countStillOpen,
    retourePriceCents: b.retourePrice ?? null,
    creationDate: b.creationDate === null ? null : parseCreationDate(b.creationDate),
    creationDateRaw: b.creationDate,
    serialNumber: b.serialnumber ?? b.serialNumber,
    refundedVouchers: b.refundedVouchers,
    notRefundedVouchers: b.notRefundedVouchers,
  }));

const stateList = z.array(retoureStateItemSchema).nullable().optional();

/** Live and spec: `{"RetrieveRetoureStateResponse": [...]}`; a lower-case key or a bare array are tolerated. */
export const retoureStateResponseSchema = z.union([
  z.array(retoureStateItemSchema),
  z
    .object({ RetrieveRetoureStateResponse: stateList, retrieveRetoureStateResponse: stateList })
    .transform((b) => b.RetrieveRetoureStateResponse ?? b.retrieveRetoureStateResponse ?? []),
]);

export const retoureReceiptSchema = z
  .object({ shopRetoureId: idString, retoureTransactionId: idString })
  .transform((b): RetoureReceipt => ({
    shopRetoureId: b.shopRetoureId,
    retoureTransactionId: b.retoureTransactionId,
  }));

/** `POST /app/retoure`. Moves money: sent exactly once; on `outcomeUnknown` look for it with `retoureState`. */
export async function requestRetoure(session: Session, req: RetoureRequest): Promise<RetoureReceipt> {
  const vouchers = req.vouchers ?? [];
  if ((req.shopOrderId === undefined || req.shopOrderId === "") && vouchers.length === 0) {
    throw new ValidationError("A Retoure needs a shopOrderId or at least one voucher", {
      operation: "requestRetoure",
      fields: [{ path: "shoppingCart", message: "shopOrderId or voucherList required" }],
    });
  }
  const shoppingCart = {
    ...(req.shopOrderId === undefined ? {} : { shopOrderId: req.shopOrderId }),
    ...(vouchers.length === 0
      ? {}
      : {
          voucherList: vouchers.map((v) => ({
            voucherId: v.voucherId,
            ...(v.trackId === undefined || v.trackId === null ? {} : { trackId: v.trackId }),
          })),
        }),
  };
  const res = await session.send({
    operation: "requestRetoure",
    method: "POST",
    path: "/app/retoure",
    json: { shoppingCart },
    retry: "never",
    movesMoney: true,
  });
  return session.http.parse(res, retoureReceiptSchema);
}

/** `GET /app/retoure`: the state of one Retoure (by shopRetoureId) or of several (by transaction or dates). */
export async function retoureState(
  session: Session,
  query: string | RetoureStateQuery,
): Promise<RetoureState[]> {
  const q: RetoureStateQuery = typeof query === "string" ? { shopRetoureId: query } : query;
  const res = await session.send({
    operation: "retoureState",
    method: "GET",
    path: "/app/retoure",
    query: {
      shopRetoureId: q.shopRetoureId,
      retoureTransactionId: q.retoureTransactionId,
      startDate: q.startDate?.toISOString(),
      endDate: q.endDate?.toISOString(),
    },
    retry: "safe",
    movesMoney: false,
  });
  return session.http.parse(res, retoureStateResponseSchema);
}

import { describe, expect, it } from "vitest";
import { parseCreationDate, retoureReceiptSchema, retoureStateResponseSchema } from "./retoure";

describe("parseCreationDate", () => {
  it.each([
    // raw, ISO instant (Europe/Berlin wall time)
    ["6102025-190339", "2025-10-06T17:03:39.000Z"], // CEST, day not zero-padded
    ["16102025-190339", "2025-10-16T17:03:39.000Z"], // two-digit day
    ["1012025-000000", "2024-12-31T23:00:00.000Z"], // CET: midnight on 1 Jan is 23:00 UTC the day before
    ["31122025-235959", "2025-12-31T22:59:59.000Z"],
    ["30032025-90000", "2025-03-30T07:00:00.000Z"], // hour not padded, after the spring DST switch
    ["2025-10-06T17:03:39Z", "2025-10-06T17:03:39.000Z"],
  ])("%s -> %s", (raw, iso) => {
    expect(parseCreationDate(raw)?.toISOString()).toBe(iso);
  });

  it("can read the wall time in another zone", () => {
    expect(parseCreationDate("6102025-190339", "UTC")?.toISOString()).toBe("2025-10-06T19:03:39.000Z");
  });

  it.each([
    "",
    "garbage",
    "32102025-190339",
    "6132025-190339",
    "30022025-120000",
    "6102025-246000",
    "6102025",
  ])("returns null for %s", (raw) => {
    expect(parseCreationDate(raw)).toBeNull();
  });
});

describe("retoure schemas", () => {
  it("reads retoureTransactionId as string or integer", () => {
    expect(
      retoureReceiptSchema.parse({ shopRetoureId: "17288644", retoureTransactionId: "15242129" }),
    ).toEqual({
      shopRetoureId: "17288644",
      retoureTransactionId: "15242129",
    });
    expect(retoureReceiptSchema.parse({ shopRetoureId: 17288644, retoureTransactionId: 15242129 })).toEqual({
      shopRetoureId: "17288644",
      retoureTransactionId: "15242129",
    });
  });

  const state = {
    retoureTransactionId: 15242129,
    shopRetoureId: "17288644",
    totalCount: 1,
    countStillOpen: 0,
    retourePrice: 95,
    creationDate: "6102025-190339",
    serialnumber: "AF188FFFFF",
    refundedVouchers: [{ voucherId: "AF188FFFFF0000004F0B", trackId: "" }],
    notRefundedVouchers: [],
  };

  it("unwraps RetrieveRetoureStateResponse (capital R) with empty voucher lists", () => {
    const [s] = retoureStateResponseSchema.parse({ RetrieveRetoureStateResponse: [state] });
    expect(s).toMatchObject({
      shopRetoureId: "17288644",
      retoureTransactionId: "15242129",
      retourePriceCents: 95,
      serialNumber: "AF188FFFFF",
      creationDateRaw: "6102025-190339",
      refundedVouchers: [{ voucherId: "AF188FFFFF0000004F0B", trackId: null }],
      notRefundedVouchers: [],
    });
    expect(s?.creationDate?.toISOString()).toBe("2025-10-06T17:03:39.000Z");
  });

  it("tolerates a lower-case wrapper, a bare array, null voucher lists and an empty answer", () => {
    expect(retoureStateResponseSchema.parse({ retrieveRetoureStateResponse: [state] })).toHaveLength(1);
    expect(
      retoureStateResponseSchema.parse([
        { ...state, refundedVouchers: null, notRefundedVouchers: undefined },
      ])[0],
    ).toMatchObject({
      refundedVouchers: [],
      notRefundedVouchers: [],
    });
    expect(retoureStateResponseSchema.parse({})).toEqual([]);
  });
});

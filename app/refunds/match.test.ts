import { describe, expect, it } from "vitest";
import type { RetoureState } from "~/internetmarke";
import { matchRetoure } from "./match";

const state = (over: Partial<RetoureState>): RetoureState => ({
  shopRetoureId: "1",
  retoureTransactionId: "10",
  totalCount: 2,
  countStillOpen: 0,
  retourePriceCents: 0,
  creationDate: null,
  creationDateRaw: null,
  serialNumber: null,
  refundedVouchers: [],
  notRefundedVouchers: [],
  ...over,
});
const v = (voucherId: string) => ({ voucherId, trackId: null });
const OURS = ["A", "B"];

describe("finding a lost Retoure among those of the time window", () => {
  it.each<[string, RetoureState[], string]>([
    ["none filed", [], "absent"],
    ["only other, settled Retoures", [state({ refundedVouchers: [v("X"), v("Y")] })], "absent"],
    ["settled and listing ours as refunded", [state({ shopRetoureId: "7", refundedVouchers: [v("A"), v("B")] })], "found:7"],
    ["open, but listing one of ours as refused", [state({ shopRetoureId: "8", countStillOpen: 1, notRefundedVouchers: [v("B")] })], "found:8"],
    ["open with as many vouchers as ours: could be ours", [state({ countStillOpen: 2 })], "wait"],
    ["open with another count: not ours", [state({ totalCount: 5, countStillOpen: 5 })], "absent"],
    ["open with an unknown count", [state({ totalCount: null, countStillOpen: null })], "wait"],
    [
      "the one listing most of ours wins",
      [state({ shopRetoureId: "3", refundedVouchers: [v("A")] }), state({ shopRetoureId: "4", refundedVouchers: [v("A"), v("B")] })],
      "found:4",
    ],
  ])("%s: %s", (_name, candidates, expected) => {
    const match = matchRetoure(candidates, OURS);
    expect(match.kind === "found" ? `found:${match.state.shopRetoureId}` : match.kind).toBe(expected);
  });
});

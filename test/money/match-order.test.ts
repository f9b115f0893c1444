// Issue 17, found by mutation testing: the Retoure listing most of our vouchers wins wherever it stands in
// Deutsche Post's list (match.test.ts only had it last).
import { expect, it } from "vitest";
import type { RetoureState } from "~/internetmarke";
import { matchRetoure } from "~/refunds/match";

const state = (shopRetoureId: string, ids: string[]): RetoureState => ({
  shopRetoureId,
  retoureTransactionId: "10",
  totalCount: 2,
  countStillOpen: 0,
  retourePriceCents: 0,
  creationDate: null,
  creationDateRaw: null,
  serialNumber: null,
  refundedVouchers: ids.map((voucherId) => ({ voucherId, trackId: null })),
  notRefundedVouchers: [],
});

it("the Retoure listing most of ours wins when it comes first in the list", () => {
  const match = matchRetoure([state("4", ["A", "B"]), state("3", ["A"]), state("5", ["X"])], ["A", "B"]);
  expect(match).toMatchObject({ kind: "found", state: { shopRetoureId: "4" } });
});

import { iso } from "~/components/format";
import type { BatchPreview } from "./preview.server";

/** The preview as JSON for the API and the page: dates as ISO strings. */
export function previewJson(preview: BatchPreview) {
  return {
    lines: preview.lines,
    totals: preview.totals,
    okCount: preview.okCount,
    errorCount: preview.errorCount,
    balance: { ...preview.balance, balanceCheckedAt: iso(preview.balance.balanceCheckedAt) },
    portokasse: preview.portokasse,
    pageFormat: preview.pageFormat,
    priceList: {
      fetchedAt: iso(preview.priceList.fetchedAt),
      sourceDate: preview.priceList.sourceDate,
      lastFailureAt: iso(preview.priceList.lastFailureAt),
    },
  };
}

export type PreviewJson = ReturnType<typeof previewJson>;

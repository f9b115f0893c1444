/**
 * Label files of a franking batch: merged PDFs and PNG ZIPs, the pages of chosen orders, page-format
 * choice, the Einlieferungsliste. Pure: no database, no Remix, no network. Signed download links live in
 * `signed-url.server.ts` (node:crypto) and are imported from there.
 */
export { LabelFileError, NotAPdfError, NotAPngError, NotAZipError, type LabelFileErrorCode } from "./errors";
export { mergeLabelPdfs, mergeManifests, type MergeOptions } from "./merge-pdf";
export { isPng, mergePngZips, readStampZip, safeFileName } from "./merge-png";
export {
  extractOrderPages,
  selectOrderPages,
  type CartLabels,
  type OrderPages,
  type PageSelection,
  type PlacedStamp,
  type SelectedPage,
} from "./order-pages";
export {
  describePageFormat,
  dpiFor,
  findPageFormat,
  groupPageFormats,
  isLabelPrinterFormat,
  pageKind,
  stampsPerPage,
  voucherLayoutFor,
  type GroupedPageFormats,
  type PageFormatChoice,
  type PageKind,
} from "./page-formats";
export { renderPostingList, type PostingListItem, type PostingListMeta } from "./posting-list";
export { einlieferungsliste, type CartPosting, type Einlieferungsliste } from "./einlieferungsliste";
export { looksLikePdf } from "./pdf";
export { annotateDocument, annotateLabels, type LabelNote } from "./annotate";
export { cellBox, evenGeometry, POINTS_PER_MM, type PageGeometry } from "./cells";
export { isolateOrderStamps, type IsolatedStamps } from "./isolate";
export { addressLines, type PrintableAddress } from "./address-lines";
export { DEFAULT_PNG_DPI, PNG_STAMP_DPI, pngLabelPages, pngPrintSize, type StampLabel } from "./png-labels";

/* eslint-disable @typescript-eslint/ban-ts-comment -- the Shopify CLI writes this file (see README) */
import "@shopify/ui-extensions";

//@ts-ignore
declare module "./src/SelectionFrankAction.tsx" {
  const shopify: import("@shopify/ui-extensions/admin.order-index.selection-action.render").Api;
  const globalThis: { shopify: typeof shopify };
}

//@ts-ignore
declare module "./src/frank/FrankFlow.tsx" {
  const shopify:
    | import("@shopify/ui-extensions/admin.order-index.selection-action.render").Api
    | import("@shopify/ui-extensions/admin.order-details.action.render").Api;
  const globalThis: { shopify: typeof shopify };
}

//@ts-ignore
declare module "./src/api.ts" {
  const shopify:
    | import("@shopify/ui-extensions/admin.order-index.selection-action.render").Api
    | import("@shopify/ui-extensions/admin.order-details.action.render").Api
    | import("@shopify/ui-extensions/admin.order-details.block.render").Api
    | import("@shopify/ui-extensions/admin.order-details.print-action.render").Api
    | import("@shopify/ui-extensions/admin.order-index.selection-print-action.render").Api;
  const globalThis: { shopify: typeof shopify };
}

//@ts-ignore
declare module "./src/app-fetch.ts" {
  const shopify:
    | import("@shopify/ui-extensions/admin.order-index.selection-action.render").Api
    | import("@shopify/ui-extensions/admin.order-details.action.render").Api
    | import("@shopify/ui-extensions/admin.order-details.block.render").Api
    | import("@shopify/ui-extensions/admin.order-details.print-action.render").Api
    | import("@shopify/ui-extensions/admin.order-index.selection-print-action.render").Api;
  const globalThis: { shopify: typeof shopify };
}

//@ts-ignore
declare module "./src/parse.ts" {
  const shopify:
    | import("@shopify/ui-extensions/admin.order-index.selection-action.render").Api
    | import("@shopify/ui-extensions/admin.order-details.action.render").Api
    | import("@shopify/ui-extensions/admin.order-details.block.render").Api
    | import("@shopify/ui-extensions/admin.order-details.print-action.render").Api
    | import("@shopify/ui-extensions/admin.order-index.selection-print-action.render").Api;
  const globalThis: { shopify: typeof shopify };
}

//@ts-ignore
declare module "./src/i18n.ts" {
  const shopify:
    | import("@shopify/ui-extensions/admin.order-index.selection-action.render").Api
    | import("@shopify/ui-extensions/admin.order-details.action.render").Api
    | import("@shopify/ui-extensions/admin.order-details.block.render").Api
    | import("@shopify/ui-extensions/admin.order-details.print-action.render").Api
    | import("@shopify/ui-extensions/admin.order-index.selection-print-action.render").Api;
  const globalThis: { shopify: typeof shopify };
}

//@ts-ignore
declare module "./src/messages.ts" {
  const shopify:
    | import("@shopify/ui-extensions/admin.order-index.selection-action.render").Api
    | import("@shopify/ui-extensions/admin.order-details.action.render").Api
    | import("@shopify/ui-extensions/admin.order-details.block.render").Api
    | import("@shopify/ui-extensions/admin.order-details.print-action.render").Api
    | import("@shopify/ui-extensions/admin.order-index.selection-print-action.render").Api;
  const globalThis: { shopify: typeof shopify };
}

//@ts-ignore
declare module "./src/frank/PreviewStep.tsx" {
  const shopify:
    | import("@shopify/ui-extensions/admin.order-index.selection-action.render").Api
    | import("@shopify/ui-extensions/admin.order-details.action.render").Api;
  const globalThis: { shopify: typeof shopify };
}

//@ts-ignore
declare module "./src/components/AppErrorBanner.tsx" {
  const shopify:
    | import("@shopify/ui-extensions/admin.order-index.selection-action.render").Api
    | import("@shopify/ui-extensions/admin.order-details.action.render").Api
    | import("@shopify/ui-extensions/admin.order-details.block.render").Api
    | import("@shopify/ui-extensions/admin.order-details.print-action.render").Api
    | import("@shopify/ui-extensions/admin.order-index.selection-print-action.render").Api;
  const globalThis: { shopify: typeof shopify };
}

//@ts-ignore
declare module "./src/use-request.ts" {
  const shopify:
    | import("@shopify/ui-extensions/admin.order-index.selection-action.render").Api
    | import("@shopify/ui-extensions/admin.order-details.action.render").Api
    | import("@shopify/ui-extensions/admin.order-details.block.render").Api
    | import("@shopify/ui-extensions/admin.order-details.print-action.render").Api
    | import("@shopify/ui-extensions/admin.order-index.selection-print-action.render").Api;
  const globalThis: { shopify: typeof shopify };
}

//@ts-ignore
declare module "./src/frank/BalanceSummary.tsx" {
  const shopify:
    | import("@shopify/ui-extensions/admin.order-index.selection-action.render").Api
    | import("@shopify/ui-extensions/admin.order-details.action.render").Api;
  const globalThis: { shopify: typeof shopify };
}

//@ts-ignore
declare module "./src/frank/ConfirmSummary.tsx" {
  const shopify:
    | import("@shopify/ui-extensions/admin.order-index.selection-action.render").Api
    | import("@shopify/ui-extensions/admin.order-details.action.render").Api;
  const globalThis: { shopify: typeof shopify };
}

//@ts-ignore
declare module "./src/frank/PreviewOrdersTable.tsx" {
  const shopify:
    | import("@shopify/ui-extensions/admin.order-index.selection-action.render").Api
    | import("@shopify/ui-extensions/admin.order-details.action.render").Api;
  const globalThis: { shopify: typeof shopify };
}

//@ts-ignore
declare module "./src/frank/ProductTotalsTable.tsx" {
  const shopify:
    | import("@shopify/ui-extensions/admin.order-index.selection-action.render").Api
    | import("@shopify/ui-extensions/admin.order-details.action.render").Api;
  const globalThis: { shopify: typeof shopify };
}

//@ts-ignore
declare module "./src/frank/StartPositionField.tsx" {
  const shopify:
    | import("@shopify/ui-extensions/admin.order-index.selection-action.render").Api
    | import("@shopify/ui-extensions/admin.order-details.action.render").Api;
  const globalThis: { shopify: typeof shopify };
}

//@ts-ignore
declare module "./src/frank/ProgressStep.tsx" {
  const shopify:
    | import("@shopify/ui-extensions/admin.order-index.selection-action.render").Api
    | import("@shopify/ui-extensions/admin.order-details.action.render").Api;
  const globalThis: { shopify: typeof shopify };
}

//@ts-ignore
declare module "./src/frank/BatchOrdersTable.tsx" {
  const shopify:
    | import("@shopify/ui-extensions/admin.order-index.selection-action.render").Api
    | import("@shopify/ui-extensions/admin.order-details.action.render").Api;
  const globalThis: { shopify: typeof shopify };
}

//@ts-ignore
declare module "./src/frank/BatchSummary.tsx" {
  const shopify:
    | import("@shopify/ui-extensions/admin.order-index.selection-action.render").Api
    | import("@shopify/ui-extensions/admin.order-details.action.render").Api;
  const globalThis: { shopify: typeof shopify };
}

//@ts-ignore
declare module "./src/frank/useBatchProgress.ts" {
  const shopify:
    | import("@shopify/ui-extensions/admin.order-index.selection-action.render").Api
    | import("@shopify/ui-extensions/admin.order-details.action.render").Api;
  const globalThis: { shopify: typeof shopify };
}

//@ts-ignore
declare module "./src/OrderFrankAction.tsx" {
  const shopify: import("@shopify/ui-extensions/admin.order-details.action.render").Api;
  const globalThis: { shopify: typeof shopify };
}

//@ts-ignore
declare module "./src/FrankingStatusBlock.tsx" {
  const shopify: import("@shopify/ui-extensions/admin.order-details.block.render").Api;
  const globalThis: { shopify: typeof shopify };
}

//@ts-ignore
declare module "./src/block/FrankingBlock.tsx" {
  const shopify: import("@shopify/ui-extensions/admin.order-details.block.render").Api;
  const globalThis: { shopify: typeof shopify };
}

//@ts-ignore
declare module "./src/block/FrankingDetails.tsx" {
  const shopify: import("@shopify/ui-extensions/admin.order-details.block.render").Api;
  const globalThis: { shopify: typeof shopify };
}

//@ts-ignore
declare module "./src/OrderPrintAction.tsx" {
  const shopify: import("@shopify/ui-extensions/admin.order-details.print-action.render").Api;
  const globalThis: { shopify: typeof shopify };
}

//@ts-ignore
declare module "./src/print/LabelsPrint.tsx" {
  const shopify:
    | import("@shopify/ui-extensions/admin.order-details.print-action.render").Api
    | import("@shopify/ui-extensions/admin.order-index.selection-print-action.render").Api;
  const globalThis: { shopify: typeof shopify };
}

//@ts-ignore
declare module "./src/SelectionPrintAction.tsx" {
  const shopify: import("@shopify/ui-extensions/admin.order-index.selection-print-action.render").Api;
  const globalThis: { shopify: typeof shopify };
}

//@ts-ignore
declare module "./src/block/RetoureState.tsx" {
  const shopify: import("@shopify/ui-extensions/admin.order-details.block.render").Api;
  const globalThis: { shopify: typeof shopify };
}

//@ts-ignore
declare module "./src/block/UndoFranking.tsx" {
  const shopify: import("@shopify/ui-extensions/admin.order-details.block.render").Api;
  const globalThis: { shopify: typeof shopify };
}

/**
 * The batch preview (dry run): which product each order gets and why, the totals by product and the cost
 * against the Portokasse balance. Nothing is bought and no money moves. One bad order never blocks the rest.
 */
import { z } from "zod";
import { portokasseCatalogForUse, type StoredPageFormat } from "~/catalog/portokasse-catalog.server";
import { toMappingCatalog } from "~/catalog/price-list";
import { productCatalogForUse } from "~/catalog/products.server";
import type { Db } from "~/db.server";
import type { InternetmarkeClient } from "~/internetmarke";
import { orderFieldsRead } from "~/mapping";
import { currentBalance, portokasseFor } from "~/portokasse/connection.server";
import type { PortokasseProblem } from "~/portokasse/diagnostics";
import { loadSettings } from "~/settings/settings.server";
import { toMappingSettings } from "~/settings/to-mapping";
import type { AdminGraphql } from "~/shopify/graphql.server";
import { shopFor } from "~/shops.server";
import { normaliseOrderId, previewLine } from "./lines";
import { fetchPreviewOrders, type FetchOptions } from "./orders.server";
import { rememberPreviewReads } from "./read-cache.server";
import {
  balanceCheck,
  totalsByProduct,
  type BalanceCheck,
  type PreviewLine,
  type ProductTotal,
} from "./summary";

export const MAX_PREVIEW_ORDERS = 250;
/** A stored balance younger than this is used as it is; an older one is refreshed by a login. */
export const BALANCE_MAX_AGE_MS = 5 * 60 * 1000;

export const previewRequestSchema = z.object({
  orderIds: z.array(z.string().min(1).max(100)).min(1).max(MAX_PREVIEW_ORDERS),
  /** The language of each order's `reason` (the admin extension sends the admin's); English by default. */
  locale: z.enum(["en", "de"]).optional(),
});

export interface BatchPreview {
  lines: PreviewLine[];
  totals: ProductTotal[];
  okCount: number;
  errorCount: number;
  balance: BalanceCheck;
  portokasse: { connected: boolean; problem: PortokasseProblem | null };
  priceList: { fetchedAt: Date | null; sourceDate: string | null; lastFailureAt: Date | null };
  /** The shop's page format, for the confirmation (label format and first position); null when none is set. */
  pageFormat: { id: number; name: string; columns: number; rows: number } | null;
}

export interface PreviewDeps {
  admin: AdminGraphql;
  db: Db;
  im: InternetmarkeClient;
  encryptionKey: string;
  now: Date;
  fetchOptions?: FetchOptions;
}

function pageFormatOf(formats: readonly StoredPageFormat[], id: number | null): BatchPreview["pageFormat"] {
  const format = formats.find((f) => f.id === id);
  return format ? { id: format.id, name: format.name, columns: format.labelsX, rows: format.labelsY } : null;
}

export async function previewBatch(
  deps: PreviewDeps,
  input: { shopDomain: string; orderIds: readonly string[] },
): Promise<BatchPreview> {
  const { admin, db, im, encryptionKey, now } = deps;
  const shop = await shopFor(db, input.shopDomain);
  const requested = [...new Set(input.orderIds.map((id) => id.trim()))];
  const ids = requested.flatMap((id) => {
    const gid = normaliseOrderId(id);
    return gid ? [gid] : [];
  });

  const settings = await loadSettings(db, shop.id);
  const priceList = await productCatalogForUse(db, im, now);
  const linked = await portokasseFor(db, im, shop.id, encryptionKey);
  const kasseCatalog = await portokasseCatalogForUse(db, shop.id, linked?.kasse ?? null, now);
  const catalog = toMappingCatalog(priceList.products, kasseCatalog.contractProducts).products;
  const mappingSettings = toMappingSettings(settings);

  const fields = orderFieldsRead(mappingSettings);
  const orders = await fetchPreviewOrders(admin, [...new Set(ids)], { ...deps.fetchOptions, fields });
  // The confirm right after reuses these reads while Shopify reports the order unchanged (ADR 021).
  rememberPreviewReads(shop.id, orders.values(), fields);
  const lines = requested.map((id): PreviewLine => {
    const gid = normaliseOrderId(id);
    if (!gid) {
      return {
        orderId: id,
        orderName: null,
        ok: false,
        error: "invalid-id",
        reason: "Not a Shopify order id",
        reasonParams: { key: "invalid-id", values: {} },
      };
    }
    return previewLine(gid, orders.get(gid), mappingSettings, catalog);
  });

  const balance = await currentBalance(db, im, {
    shopId: shop.id,
    encryptionKey,
    now,
    maxAgeMs: BALANCE_MAX_AGE_MS,
  });
  const okCount = lines.filter((l) => l.ok).length;
  return {
    lines,
    totals: totalsByProduct(lines),
    okCount,
    errorCount: lines.length - okCount,
    balance: balanceCheck(
      lines,
      balance ? { cents: balance.balanceCents, checkedAt: balance.balanceCheckedAt } : null,
    ),
    portokasse: { connected: balance !== null, problem: balance?.problem ?? null },
    pageFormat: pageFormatOf(kasseCatalog.pageFormats, settings.pageFormatId),
    priceList: {
      fetchedAt: priceList.fetchedAt,
      sourceDate: priceList.sourceDate,
      lastFailureAt: priceList.lastFailure?.at ?? null,
    },
  };
}

/**
 * From order ids to a batch: the same checks and product choice as the batch preview (app/preview), the
 * layout per order (the address on the stamp where it fits, else the franking zone with the address the
 * app prints beside it, ADR 014), the merchant's label order, and the options from the shop's settings.
 * Products and prices are fixed here; orders the preview refuses are left out with its reason.
 */
import { portokasseCatalogForUse } from "~/catalog/portokasse-catalog.server";
import { toMappingCatalog } from "~/catalog/price-list";
import { productCatalogForUse } from "~/catalog/products.server";
import type { Db } from "~/db.server";
import { orderFieldsRead } from "~/mapping";
import { bindAddresses, type AddressBinding, type InternetmarkeClient, type ShippingAddress } from "~/internetmarke";
import { portokasseFor } from "~/portokasse/connection.server";
import { normaliseOrderId, previewLine } from "~/preview/lines";
import { readOrdersForConfirm } from "~/preview/confirm-reads.server";
import { fulfillmentGroups } from "~/preview/fulfillability";
import type { FetchedOrder } from "~/preview/orders.server";
import type { ShopSettings } from "~/settings/schema";
import { termsAccepted } from "~/terms/terms.server";
import { loadSettings } from "~/settings/settings.server";
import { toMappingSettings } from "~/settings/to-mapping";
import type { AdminGraphql } from "~/shopify/graphql.server";
import type { BatchOptions } from "./create-batch.server";
import { duringInteractiveReads } from "~/shopify/cost-budget.server";
import { addressLines } from "~/labels/address-lines";
import type { LabelFormat, LeftOutOrder, PricedOrder } from "./model";

/**
 * Cart size until Deutsche Post says otherwise. The live limit is undocumented; a refused size is halved
 * and the batch continues (see README). 250 is the most an API batch holds, so a batch is bought with one
 * checkout, one label PDF and one posting list; larger service-level batches are cut at page ends.
 */
export const DEFAULT_MAX_POSITIONS_PER_CART = 250;
/**
 * The tag new batches write to each franked order: none. A `tagsAdd` costs 10 of Shopify's cost points per
 * order, as much as the fulfillment itself, and the app metafield `$app:franking.vouchers` already marks the
 * order as franked (ADR 021). Batches created with a tag (earlier ones) still write and undo theirs.
 */
export const FRANKED_TAG = "";

export interface ConfirmDeps {
  admin: AdminGraphql;
  db: Db;
  im: InternetmarkeClient;
  encryptionKey: string;
  now: Date;
}

export interface ConfirmRequest {
  shopId: string;
  orderIds: readonly string[];
  labelFormat: LabelFormat;
  startPosition: number;
  /** Overrides the shop's "notify customers" setting for this batch. */
  notifyCustomer?: boolean;
  /** Stamps per cart for this batch (default DEFAULT_MAX_POSITIONS_PER_CART; 1 buys one cart per order). */
  maxPositionsPerCart?: number;
  /**
   * The total the merchant saw in the preview (cents). Given, a confirm whose prices add up to another
   * total buys nothing and says so (`prices_changed`). Automatic franking, which has no merchant looking,
   * leaves it out.
   */
  expectedTotalCents?: number;
}

/** Why no batch can be made at all (the route answers 409 with it). */
export type ConfirmProblem =
  | "terms_not_accepted"
  | "portokasse_not_linked"
  | "no_page_format"
  | "start_position_out_of_range"
  | "no_sender"
  | "prices_changed";

/** The total the merchant saw against the total the confirm found now (orders changed, new prices). */
export interface PriceDifference {
  expectedTotalCents: number;
  totalCents: number;
  /** Orders the confirm prices now (the preview may have shown more or fewer as frankable). */
  orderCount: number;
}

export type Confirmed =
  | { ok: true; orders: PricedOrder[]; leftOut: LeftOutOrder[]; options: BatchOptions }
  | { ok: false; problem: ConfirmProblem; priceDifference?: PriceDifference };

function senderAddress(settings: ShopSettings): ShippingAddress | null {
  const s = settings.sender;
  return s ? { name: s.name, company: s.company, address1: s.street, zip: s.postalCode, city: s.city, countryCode: s.country } : null;
}

function binding(order: FetchedOrder, sender: ShippingAddress): AddressBinding | "unusable-address" {
  const a = order.shippingAddress;
  if (!a) return "unusable-address";
  const bound = bindAddresses({
    sender,
    receiver: { name: a.name, company: a.company, address1: a.address1, address2: a.address2, zip: a.zip, city: a.city, countryCode: a.countryCodeV2 },
  });
  return bound.ok ? bound.binding : "unusable-address";
}

const orderNumber = (name: string) => Number(/\d+/.exec(name)?.[0] ?? Number.MAX_SAFE_INTEGER);

/** The merchant's label order: by SKU (as packing tables work), then by order number. */
function labelOrder(a: { sortKey: string; orderName: string }, b: { sortKey: string; orderName: string }) {
  return (
    a.sortKey.localeCompare(b.sortKey, "de", { numeric: true }) ||
    orderNumber(a.orderName) - orderNumber(b.orderName) ||
    a.orderName.localeCompare(b.orderName)
  );
}

export async function confirmOrders(deps: ConfirmDeps, request: ConfirmRequest): Promise<Confirmed> {
  const { db, im, now } = deps;
  // The INTERNETMARKE terms guard (ADR 012): every purchase path starts a batch through here.
  if (!(await termsAccepted(db, request.shopId))) return { ok: false, problem: "terms_not_accepted" };
  const settings = await loadSettings(db, request.shopId);
  const linked = await portokasseFor(db, im, request.shopId, deps.encryptionKey);
  if (!linked) return { ok: false, problem: "portokasse_not_linked" };
  const kasseCatalog = await portokasseCatalogForUse(db, request.shopId, linked.kasse, now);
  const format = kasseCatalog.pageFormats.find((f) => f.id === settings.pageFormatId);
  if (request.labelFormat === "PDF" && !format) return { ok: false, problem: "no_page_format" };
  if (format && request.startPosition > format.labelsX * format.labelsY) return { ok: false, problem: "start_position_out_of_range" };
  const sender = senderAddress(settings);
  // The address on the stamp where the shop wants it and the page format can carry it (ADR 014).
  const addressOnStamp = settings.voucherLayout === "ADDRESS_ZONE" && (!format || format.isAddressPossible);
  if (addressOnStamp && !sender) return { ok: false, problem: "no_sender" };

  const priceList = await productCatalogForUse(db, im, now);
  const catalog = toMappingCatalog(priceList.products, kasseCatalog.contractProducts).products;
  const mapping = toMappingSettings(settings);
  const gids = [...new Set(request.orderIds.flatMap((id) => normaliseOrderId(id) ?? []))];
  const fields = orderFieldsRead(mapping);
  // The preview's reads of orders unchanged since, the rest read now (ADR 021).
  const { orders: fetched } = await duringInteractiveReads(request.shopId, () =>
    readOrdersForConfirm(deps.admin, request.shopId, gids, { fields }),
  );
  const orders: Array<PricedOrder & { sortKey: string }> = [];
  const leftOut: LeftOutOrder[] = [];
  for (const id of request.orderIds) {
    const gid = normaliseOrderId(id);
    const order = gid ? fetched.get(gid) : undefined;
    const line = gid ? previewLine(gid, order, mapping, catalog) : null;
    if (!gid || !line || !line.ok || !order) {
      leftOut.push({ orderId: gid ?? id, orderName: line?.orderName ?? "", reason: line && !line.ok ? line.error : "invalid-id" });
      continue;
    }
    const bound = sender && addressOnStamp && !line.flags.includes("address-printed") ? binding(order, sender) : null;
    const address = typeof bound === "string" ? null : bound;
    const a = order.shippingAddress;
    orders.push({
      orderId: gid,
      orderName: order.name,
      productCode: line.productCode,
      productName: line.productName,
      priceCents: line.priceCents,
      address,
      layout: address ? "ADDRESS_ZONE" : "FRANKING_ZONE",
      labelAddress: address || !a ? null : addressLines({ ...a, countryCode: a.countryCodeV2 }),
      sortKey: settings.labelOrder === "SKU" ? (order.lineItems.find((i) => i.sku)?.sku ?? "\uffff") : "",
      // The write-back fulfils these without reading them again (ADR 021); a refusal makes it read.
      fulfillmentOrderIds: order.fulfillment.ok
        ? fulfillmentGroups(order.fulfillment.open).map((group) => group.map((fo) => fo.id))
        : undefined,
    });
  }
  const totalCents = orders.reduce((sum, o) => sum + o.priceCents, 0);
  if (request.expectedTotalCents !== undefined && request.expectedTotalCents !== totalCents) {
    return {
      ok: false,
      problem: "prices_changed",
      priceDifference: { expectedTotalCents: request.expectedTotalCents, totalCents, orderCount: orders.length },
    };
  }
  orders.sort(labelOrder);
  return {
    ok: true,
    orders: orders.map(({ sortKey: _sortKey, ...order }) => order),
    leftOut,
    options: {
      labelFormat: request.labelFormat,
      pageFormat: format ? { id: format.id, grid: { labelX: format.labelsX, labelY: format.labelsY } } : null,
      layout: addressOnStamp ? "ADDRESS_ZONE" : "FRANKING_ZONE",
      startPosition: format ? request.startPosition : 1,
      imageId: settings.motifImageId,
      maxPositionsPerCart: request.maxPositionsPerCart ?? DEFAULT_MAX_POSITIONS_PER_CART,
      notifyCustomer: request.notifyCustomer ?? settings.notifyCustomer,
      tag: FRANKED_TAG,
    },
  };
}

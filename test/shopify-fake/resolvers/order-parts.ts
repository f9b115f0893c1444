import { dateTime, gramsOf, restMoney, uint64 } from "../format";
import { gid } from "../gid";
import type {
  FakeCustomer,
  FakeLineItem,
  FakeMailingAddress,
  FakeShippingLine,
  FakeVariant,
  FakeWeight,
} from "../model";
import { guardProtected } from "../graphql/protected-data";
import { defineType, type TypeDefinition } from "../graphql/registry";
import { moneyBag } from "./money";

const fullName = (first: string | null, last: string | null): string | null =>
  [first, last].filter((part) => part && part.length > 0).join(" ") || null;

const mailingAddressType = defineType<FakeMailingAddress>("MailingAddress", {
  id: (a) => gid("MailingAddress", `${a.id}?model_name=Address`),
  name: (a, _x, ctx) => guardProtected(ctx, "name", "name", fullName(a.firstName, a.lastName)),
  firstName: (a, _x, ctx) => guardProtected(ctx, "name", "firstName", a.firstName),
  lastName: (a, _x, ctx) => guardProtected(ctx, "name", "lastName", a.lastName),
  company: (a) => a.company,
  address1: (a, _x, ctx) => guardProtected(ctx, "address", "address1", a.address1),
  address2: (a, _x, ctx) => guardProtected(ctx, "address", "address2", a.address2),
  city: (a, _x, ctx) => guardProtected(ctx, "address", "city", a.city),
  zip: (a, _x, ctx) => guardProtected(ctx, "address", "zip", a.zip),
  province: (a) => a.province,
  provinceCode: (a) => a.provinceCode,
  country: (a) => a.country,
  countryCode: (a) => a.countryCode,
  countryCodeV2: (a) => a.countryCode,
  phone: (a, _x, ctx) => guardProtected(ctx, "phone", "phone", a.phone),
  latitude: () => null,
  longitude: () => null,
  timeZone: () => null,
  coordinatesValidated: () => false,
  validationResultSummary: () => null,
  formattedArea: (a, _x, ctx) =>
    [guardProtected(ctx, "address", "formattedArea", a.city), a.province, a.country]
      .filter(Boolean)
      .join(", ") || null,
  formatted: (a, args, ctx) => {
    guardProtected(ctx, "address", "formatted", null);
    const lines = [
      args.withName === true ? fullName(a.firstName, a.lastName) : null,
      args.withCompany === false ? null : a.company,
      a.address1,
      a.address2,
      [a.zip, a.city].filter(Boolean).join(" "),
      a.country,
    ];
    return lines.filter((line): line is string => typeof line === "string" && line.length > 0);
  },
});

const customerType = defineType<FakeCustomer>("Customer", {
  id: (c) => gid("Customer", c.id),
  legacyResourceId: (c) => uint64(c.id),
  email: (c, _x, ctx) => guardProtected(ctx, "email", "email", c.email),
  firstName: (c, _x, ctx) => guardProtected(ctx, "name", "firstName", c.firstName),
  lastName: (c, _x, ctx) => guardProtected(ctx, "name", "lastName", c.lastName),
  displayName: (c, _x, ctx) =>
    guardProtected(ctx, "name", "displayName", fullName(c.firstName, c.lastName) ?? c.email ?? ""),
  phone: (c, _x, ctx) => guardProtected(ctx, "phone", "phone", c.phone),
  locale: () => "de",
  createdAt: (c) => dateTime(c.createdAt),
  updatedAt: (c) => dateTime(c.createdAt),
  note: () => null,
  tags: () => [],
  verifiedEmail: () => true,
  taxExempt: () => false,
});

const lineItemType = defineType<FakeLineItem>("LineItem", {
  id: (l) => gid("LineItem", l.id),
  title: (l) => l.title,
  name: (l) => (l.variantTitle ? `${l.title} - ${l.variantTitle}` : l.title),
  variantTitle: (l) => l.variantTitle,
  quantity: (l) => l.quantity,
  currentQuantity: (l) => l.currentQuantity,
  sku: (l) => l.sku,
  vendor: (l) => l.vendor,
  requiresShipping: (l) => l.requiresShipping,
  isGiftCard: () => false,
  taxable: () => true,
  variant: (l) => l.variant,
  product: (l) => (l.variant ? { variant: l.variant } : null),
  weight: (l) => l.variant?.inventoryItem.weight ?? null,
  originalUnitPriceSet: (l, _a, ctx) => moneyBag(l.unitPriceCents, ctx.shop.info.currencyCode),
  discountedUnitPriceSet: (l, _a, ctx) => moneyBag(l.unitPriceCents, ctx.shop.info.currencyCode),
  originalTotalSet: (l, _a, ctx) => moneyBag(l.unitPriceCents * l.quantity, ctx.shop.info.currencyCode),
  discountedTotalSet: (l, _a, ctx) => moneyBag(l.unitPriceCents * l.quantity, ctx.shop.info.currencyCode),
  totalDiscountSet: (_l, _a, ctx) => moneyBag(0, ctx.shop.info.currencyCode),
});

const variantType = defineType<FakeVariant>("ProductVariant", {
  id: (v) => gid("ProductVariant", v.id),
  legacyResourceId: (v) => uint64(v.id),
  title: (v) => v.title,
  displayName: (v) => `${v.productTitle} - ${v.title}`,
  sku: (v) => v.sku,
  price: (v) => restMoney(v.priceCents),
  inventoryItem: (v) => ({ variant: v }),
  product: (v) => ({ variant: v }),
});

type VariantRef = { variant: FakeVariant };

const inventoryItemType = defineType<VariantRef>("InventoryItem", {
  id: ({ variant }) => gid("InventoryItem", variant.inventoryItem.id),
  legacyResourceId: ({ variant }) => uint64(variant.inventoryItem.id),
  sku: ({ variant }) => variant.sku,
  requiresShipping: ({ variant }) => variant.inventoryItem.requiresShipping,
  tracked: () => true,
  harmonizedSystemCode: ({ variant }) => variant.inventoryItem.harmonizedSystemCode,
  countryCodeOfOrigin: ({ variant }) => variant.inventoryItem.countryCodeOfOrigin,
  provinceCodeOfOrigin: () => null,
  measurement: ({ variant }) => ({ variant }),
});

const measurementType = defineType<VariantRef>("InventoryItemMeasurement", {
  id: ({ variant }) => gid("InventoryItemMeasurement", variant.inventoryItem.measurementId),
  weight: ({ variant }) => variant.inventoryItem.weight,
});

const productType = defineType<VariantRef>("Product", {
  id: ({ variant }) => gid("Product", variant.productId),
  legacyResourceId: ({ variant }) => uint64(variant.productId),
  title: ({ variant }) => variant.productTitle,
  vendor: ({ variant }) => variant.vendor,
  handle: ({ variant }) =>
    variant.productTitle
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, ""),
});

const weightType = defineType<FakeWeight>("Weight", {
  unit: (w) => w.unit,
  value: (w) => w.value,
});

const shippingLineType = defineType<FakeShippingLine>("ShippingLine", {
  id: (s) => gid("ShippingLine", s.id),
  title: (s) => s.title,
  code: (s) => s.code,
  source: (s) => s.source,
  carrierIdentifier: (s) => s.carrierIdentifier,
  custom: () => false,
  isRemoved: () => false,
  deliveryCategory: () => null,
  phone: () => null,
  shippingRateHandle: (s) => `${s.source ?? "shopify"}-${s.code ?? s.title}`,
  originalPriceSet: (s, _a, ctx) => moneyBag(s.priceCents, ctx.shop.info.currencyCode),
  discountedPriceSet: (s, _a, ctx) => moneyBag(s.priceCents, ctx.shop.info.currencyCode),
  currentDiscountedPriceSet: (s, _a, ctx) => moneyBag(s.priceCents, ctx.shop.info.currencyCode),
});

export const orderPartTypes: TypeDefinition[] = [
  mailingAddressType,
  customerType,
  lineItemType,
  variantType,
  inventoryItemType,
  measurementType,
  productType,
  weightType,
  shippingLineType,
];

/** Grams of one unit, for callers that need it (webhook payloads). */
export function lineItemGrams(line: FakeLineItem): number {
  return gramsOf(line.variant?.inventoryItem.weight ?? null);
}

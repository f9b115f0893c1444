// chooseProduct: the cheapest Deutsche Post product that carries one order, or the reason none can.
// Decision order: address → destination → weight → packaging → registered mail → customs → override or
// cheapest fit → did the customer pay for a service the product lacks.
import { checkAddress } from "./address";
import {
  checkProduct,
  cheapestFitting,
  explainNoFit,
  weightText,
  type Requirements,
  type Shipment,
} from "./candidates";
import { classifyCatalog } from "./classify";
import { LETTER_FORMATS } from "./formats";
import { describeZone, HOME_COUNTRY, zoneOf } from "./countries";
import { CN22_MAX_VALUE_EUR_CENTS, customsDecision } from "./customs";
import { capacityOf, choosePackaging, findOverride, serviceNamedBy, SERVICE_STRENGTH } from "./rules";
import { resolveService, type Note } from "./services";
import {
  criteriaValues,
  decimalGrams,
  describeCriteria,
  grams,
  listTitles,
  SERVICE_LABEL,
  size,
} from "./text";
import type {
  CatalogProduct,
  ClassifiedProduct,
  MappingFailure,
  MappingNotice,
  MappingResult,
  MappingSettings,
  OrderForMapping,
  RegisteredMail,
} from "./types";
import { itemsWeight, shippingWeight } from "./weight";

const fail = (
  error: MappingFailure["error"],
  reason: string,
  key: string,
  values: Record<string, string | number> = {},
): MappingFailure => ({ ok: false, error, reason, reasonParams: { key, values } });

/**
 * A price list is classified once, not once per order: a confirm maps hundreds of orders against the same
 * list (the same array), and classifying it was a tenth of the app's CPU under load. Keyed by identity, so
 * a new list (new prices) is classified afresh and an old one is let go with its last user.
 */
const classified = new WeakMap<readonly CatalogProduct[], readonly ClassifiedProduct[]>();
function classifiedProducts(catalog: readonly CatalogProduct[]): readonly ClassifiedProduct[] {
  let products = classified.get(catalog);
  if (!products) classified.set(catalog, (products = classifyCatalog(catalog).products));
  return products;
}

export function chooseProduct(
  order: OrderForMapping,
  settings: MappingSettings,
  catalog: readonly CatalogProduct[],
): MappingResult {
  const address = checkAddress(order, settings);
  if (!address.ok) return address;
  const { countryCode } = address;
  const addressPrinted = settings.voucherLayout === "ADDRESS_ZONE" && !address.addressOnStamp;

  const items = itemsWeight(order, settings.defaultItemWeightG);
  if (!items.ok) {
    return fail(
      "missing-weight",
      `No weight for ${listTitles(items.missing)}: set it in Shopify or a default item weight in the settings`,
      "missing-weight",
      { items: items.missing.join(", "), count: items.missing.length },
    );
  }

  // Goods heavier than any letter are "too heavy", whatever the packaging: the default one then explains it.
  const tooHeavyForAnyLetter =
    items.itemsG > Math.max(...Object.values(LETTER_FORMATS).map((f) => f.maxWeightG));
  const packaging =
    choosePackaging(order, settings, items.itemsG) ??
    (tooHeavyForAnyLetter
      ? choosePackaging(order, { ...settings, packagingChoice: "default" }, items.itemsG)
      : null);
  if (!packaging) return noPackagingFits(items.itemsG, settings);
  if (!packaging.ok) {
    return fail(
      "no-product",
      `Packaging "${packaging.packagingId}" is not set up in the settings`,
      "packaging-missing",
      {
        packagingId: packaging.packagingId,
      },
    );
  }
  const preset = packaging.preset;
  const measures = [preset.tareG, preset.lengthMm, preset.widthMm, preset.heightMm];
  if (!measures.every((n) => Number.isFinite(n) && n >= 0) || preset.lengthMm <= 0 || preset.widthMm <= 0) {
    return fail("no-product", `Packaging "${preset.name}" has no valid size or weight`, "packaging-invalid", {
      packaging: preset.name,
    });
  }

  const weight = shippingWeight(items.itemsG, preset.tareG);
  const shipment: Shipment = {
    weightG: weight.chargedG,
    exactG: weight.exactG,
    tareG: preset.tareG,
    dimensions: preset,
    transport: countryCode === HOME_COUNTRY ? "national" : "international",
  };
  const products = classifiedProducts(catalog);
  const service = resolveService(order, settings, shipment, products, countryCode);
  if (!service.ok) return service.failure;

  const flags = [...items.defaulted.map((title) => `missing-weight:${title}`), ...service.flags];
  if (addressPrinted) flags.push("address-printed");
  if (items.shippable === 0) flags.push("no-items-require-shipping");
  const notices: MappingNotice[] = [
    {
      code: "exact-weight",
      values: {
        exactWeightG: weight.exactG,
        itemsG: tenths(items.itemsG),
        tareG: preset.tareG,
        weightG: weight.chargedG,
      },
    },
  ];
  if (packaging.byFit) {
    notices.push({
      code: "packaging-chosen",
      values: { packaging: preset.name, capacityG: capacityOf(preset), goodsG: tenths(items.itemsG) },
    });
  }
  notices.push(...service.notices);
  const customs = customsDecision(
    countryCode,
    order.shippingAddress?.zip ?? null,
    order.totalPriceCents,
    order.currencyCode ?? null,
  );
  if (customs.declaration) {
    flags.push("customs-declaration");
    notices.push({
      code: "customs-form",
      values: {
        form: customs.form,
        basis: customs.basis,
        territory: customs.territory ?? "",
        country: countryCode,
        valueCents: order.totalPriceCents ?? -1,
        currency: order.currencyCode ?? "",
        limitCents: CN22_MAX_VALUE_EUR_CENTS,
      },
    });
  } else if (customs.territory) {
    notices.push({
      code: "customs-not-needed",
      values: { territory: customs.territory, country: countryCode },
    });
  }
  const notes = [...service.notes];
  if (items.defaulted.length > 0 && settings.defaultItemWeightG !== null) {
    notes.push({
      text: `default weight ${grams(settings.defaultItemWeightG)} used for ${listTitles(items.defaulted)}`,
      params: {
        key: "default-weight",
        values: { weightG: settings.defaultItemWeightG, items: items.defaulted.join(", ") },
      },
    });
  }
  if (customs.declaration)
    notes.push({
      text: `customs declaration ${customs.form}`,
      params: { key: "customs-declaration", values: { form: customs.form } },
    });
  const context: Context = { shipment, countryCode, flags, notes, notices, order };

  const override = findOverride(order, settings);
  if (override) return applyOverride(override, catalog, products, context, service.required);

  const requirements: Requirements = {
    registeredMail: service.required,
    allowWarensendung: settings.allowWarensendung,
  };
  const best = cheapestFitting(products, shipment, requirements);
  if (!best) return explainNoFit(products, shipment, requirements);
  return success(best.product, context, null);
}

const tenths = (grams: number) => Math.round(grams * 10) / 10;

/** Smallest-fitting packaging chosen, but none holds the goods. */
function noPackagingFits(goodsG: number, settings: MappingSettings): MappingFailure {
  const largest = Math.max(0, ...settings.packagingPresets.map(capacityOf));
  const count = settings.packagingPresets.length;
  return fail(
    "no-packaging-fits",
    `None of your ${count} packaging${count === 1 ? "" : "s"} holds ${decimalGrams(tenths(goodsG))} of goods ` +
      `(the largest takes ${grams(largest)}): add a larger packaging or a packaging rule`,
    "no-packaging-fits",
    { goodsG: tenths(goodsG), capacityG: largest, count },
  );
}

interface Context {
  shipment: Shipment;
  countryCode: string;
  flags: string[];
  notes: Note[];
  notices: MappingNotice[];
  order: OrderForMapping;
}

function success(
  product: ClassifiedProduct,
  c: Context,
  overrideFor: string | null,
  override?: MappingSettings["productOverrides"][number],
): MappingResult {
  paidServiceCheck(product, c);
  const head = overrideFor ? `${product.name} (override for ${overrideFor})` : product.name;
  const line = `${head}: ${weightText(c.shipment)}, ${describeZone(c.countryCode)}, ${size(c.shipment.dimensions)} fits`;
  return {
    ok: true,
    productCode: product.code,
    productName: product.name,
    priceCents: product.priceCents,
    weightG: c.shipment.weightG,
    exactWeightG: c.shipment.exactG,
    flags: c.flags,
    notices: c.notices,
    reason: [line, ...c.notes.map((n) => n.text)].join("; "),
    reasonParams: {
      key: overrideFor ? "override-chosen" : "chosen",
      notes: c.notes.map((n) => n.params),
      values: {
        product: product.name,
        weightG: c.shipment.weightG,
        tareG: c.shipment.tareG,
        country: c.countryCode,
        zone: zoneOf(c.countryCode),
        size: size(c.shipment.dimensions),
        ...(overrideFor && override ? { override: overrideFor, ...criteriaValues(override) } : {}),
      },
    },
  };
}

/** A matching override still has to exist, be a letter product, go to this destination and fit weight and size. */
function applyOverride(
  override: MappingSettings["productOverrides"][number],
  catalog: readonly CatalogProduct[],
  products: readonly ClassifiedProduct[],
  c: Context,
  required: RegisteredMail | null,
): MappingResult {
  const criteria = describeCriteria(override);
  const values = { productCode: override.productCode, override: criteria, ...criteriaValues(override) };
  const listed = catalog.find((p) => p.code === override.productCode);
  if (!listed) {
    return fail(
      "override-invalid",
      `Override product ${override.productCode} (for ${criteria}) is not in the current price list`,
      "override-not-in-price-list",
      values,
    );
  }
  const product = products.find((p) => p.code === override.productCode);
  if (!product) {
    return fail(
      "override-invalid",
      `Override ${listed.name} (${listed.code}, for ${criteria}) is not a letter product this app can check`,
      "override-not-usable",
      { ...values, product: listed.name },
    );
  }
  const check = checkProduct(product, c.shipment, null);
  if (!check.ok) {
    return fail(
      "override-invalid",
      `Override ${product.name} (${product.code}, for ${criteria}) does not fit: ${check.detail}`,
      "override-does-not-fit",
      { ...values, product: product.name, problem: check.problem },
    );
  }
  if (required && product.registeredMail !== required) c.flags.push("override-ignores-registered-mail");
  return success(product, c, criteria, override);
}

/** The customer paid for a service (the shipping method's name says so) that the chosen product lacks. */
function paidServiceCheck(product: ClassifiedProduct, c: Context): void {
  const paid = serviceNamedBy(c.order.shippingLine);
  if (!paid) return;
  const has = product.registeredMail ? SERVICE_STRENGTH[product.registeredMail] : 0;
  if (has >= SERVICE_STRENGTH[paid]) return;
  c.flags.push("paid-service-missing");
  c.notices.push({
    code: "paid-service-missing",
    values: { service: paid, shippingMethod: c.order.shippingLine?.title ?? "", product: product.name },
  });
  c.notes.push({
    text: `the customer paid for ${SERVICE_LABEL[paid]} ("${c.order.shippingLine?.title ?? ""}"), ${product.name} has none`,
    params: {
      key: "paid-service-missing",
      values: { service: paid, shippingMethod: c.order.shippingLine?.title ?? "", product: product.name },
    },
  });
}

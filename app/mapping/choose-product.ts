// chooseProduct: the cheapest Deutsche Post product that carries one order, or the reason none can.
// Decision order: address → destination → weight → packaging → registered mail → override or cheapest fit.
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
import { describeZone, HOME_COUNTRY, zoneOf } from "./countries";
import { choosePackaging, findOverride, requiredRegisteredMail } from "./rules";
import { criteriaValues, describeCriteria, grams, listTitles, SERVICE_LABEL, size } from "./text";
import type {
  CatalogProduct,
  ClassifiedProduct,
  MappingFailure,
  MappingResult,
  MappingSettings,
  OrderForMapping,
  ReasonParams,
  RegisteredMail,
} from "./types";
import { itemsWeight, roundUpGrams } from "./weight";

const fail = (
  error: MappingFailure["error"],
  reason: string,
  key: string,
  values: Record<string, string | number> = {},
): MappingFailure => ({ ok: false, error, reason, reasonParams: { key, values } });

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
      { items: items.missing.join(", ") },
    );
  }

  const packaging = choosePackaging(order, settings);
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

  const tareG = roundUpGrams(preset.tareG);
  const shipment: Shipment = {
    weightG: items.itemsG + tareG,
    tareG,
    dimensions: preset,
    transport: countryCode === HOME_COUNTRY ? "national" : "international",
  };
  const { products } = classifyCatalog(catalog);
  const service = resolveService(order, settings, shipment, products);

  const flags = [...items.defaulted.map((title) => `missing-weight:${title}`), ...service.flags];
  if (addressPrinted) flags.push("address-printed");
  if (items.shippable === 0) flags.push("no-items-require-shipping");
  if (zoneOf(countryCode) === "world") flags.push("customs-declaration");
  const notes = [...service.notes];
  if (items.defaulted.length > 0 && settings.defaultItemWeightG !== null) {
    notes.push({
      text: `default weight ${grams(settings.defaultItemWeightG)} used for ${listTitles(items.defaulted)}`,
      params: { key: "default-weight", values: { weightG: settings.defaultItemWeightG, items: items.defaulted.join(", ") } },
    });
  }
  const context: Context = { shipment, countryCode, flags, notes };

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

/** A note added to the reason: the English sentence and its structured form (`note.<key>`). */
interface Note {
  text: string;
  params: ReasonParams;
}

interface Context {
  shipment: Shipment;
  countryCode: string;
  flags: string[];
  notes: Note[];
}

function success(
  product: ClassifiedProduct,
  c: Context,
  overrideFor: string | null,
  override?: MappingSettings["productOverrides"][number],
): MappingResult {
  const head = overrideFor ? `${product.name} (override for ${overrideFor})` : product.name;
  const line = `${head}: ${weightText(c.shipment)}, ${describeZone(c.countryCode)}, ${size(c.shipment.dimensions)} fits`;
  return {
    ok: true,
    productCode: product.code,
    productName: product.name,
    priceCents: product.priceCents,
    weightG: c.shipment.weightG,
    flags: c.flags,
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

interface ServiceChoice {
  required: RegisteredMail | null;
  notes: Note[];
  flags: string[];
}

/** Abroad there is no Einwurf (upgraded to Einschreiben) and, unless the price list has one, no Rückschein. */
function resolveService(
  order: OrderForMapping,
  settings: MappingSettings,
  shipment: Shipment,
  products: readonly ClassifiedProduct[],
): ServiceChoice {
  const rule = requiredRegisteredMail(order, settings);
  if (!rule) return { required: null, notes: [], flags: [] };
  const notes: Note[] = [
    {
      text: `${SERVICE_LABEL[rule.service]} by rule (${describeCriteria(rule)})`,
      params: { key: "service-by-rule", values: { service: rule.service, ...criteriaValues(rule) } },
    },
  ];
  if (shipment.transport === "national") return { required: rule.service, notes, flags: [] };
  if (rule.service === "EINSCHREIBEN_EINWURF") {
    notes.push({
      text: "Einschreiben Einwurf is not available abroad, upgraded to Einschreiben",
      params: { key: "einwurf-upgraded-abroad", values: {} },
    });
    return { required: "EINSCHREIBEN", notes, flags: [] };
  }
  const rueckscheinAbroad = products.some(
    (p) => p.transport === "international" && p.registeredMail === "EINSCHREIBEN_RUECKSCHEIN",
  );
  if (rule.service === "EINSCHREIBEN_RUECKSCHEIN" && !rueckscheinAbroad) {
    notes.push({
      text: "Rückschein is not available abroad, sent as Einschreiben",
      params: { key: "rueckschein-unavailable-abroad", values: {} },
    });
    return { required: "EINSCHREIBEN", notes, flags: ["rueckschein-unavailable-abroad"] };
  }
  return { required: rule.service, notes, flags: [] };
}

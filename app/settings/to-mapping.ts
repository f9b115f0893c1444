import type { MappingSettings } from "~/mapping";
import type { ShopSettings } from "./schema";

/** The part of the shop's settings the mapping engine reads. */
export function toMappingSettings(settings: ShopSettings): MappingSettings {
  return {
    packagingPresets: settings.packagingPresets,
    defaultPackagingId: settings.defaultPackagingId,
    packagingChoice: settings.packagingChoice,
    registeredMailFromShippingMethod: settings.registeredMailFromShippingMethod,
    packagingRules: settings.packagingRules,
    registeredMailRules: settings.registeredMailRules,
    productOverrides: settings.productOverrides,
    defaultItemWeightG: settings.defaultItemWeightG,
    allowWarensendung: settings.allowWarensendung,
    voucherLayout: settings.voucherLayout,
    unservedCountries: settings.unservedCountries,
  };
}

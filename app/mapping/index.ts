// Public API of the mapping engine. Pure functions: no I/O, no clock, no environment.
export { chooseProduct } from "./choose-product";
export { capacityOf, orderFieldsRead, serviceNamedBy } from "./rules";
export { customsDecision, CN22_MAX_VALUE_EUR_CENTS, TERRITORIES, type CustomsDecision } from "./customs";
export { checkServed } from "./countries";
export { classifyCatalog, classifyProductName, type NameClass } from "./classify";
export { EU_MEMBER_STATES, zoneOf, type Zone } from "./countries";
export { LETTER_FORMATS, type LetterFormat } from "./formats";
export { ADDRESS_LIMITS } from "./address";
export type {
  CatalogDiagnostic,
  CatalogIssue,
  CatalogProduct,
  ClassifiedProduct,
  FormatId,
  MappingErrorCode,
  MappingNotice,
  MappingResult,
  MappingSettings,
  OrderForMapping,
  PackagingPreset,
  ReasonParams,
  RegisteredMail,
  RuleCriteria,
  ShippingAddressForMapping,
} from "./types";

// Public API of the mapping engine. Pure functions: no I/O, no clock, no environment.
export { chooseProduct } from "./choose-product";
export { orderFieldsRead } from "./rules";
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
  MappingResult,
  MappingSettings,
  OrderForMapping,
  PackagingPreset,
  ReasonParams,
  RegisteredMail,
  RuleCriteria,
  ShippingAddressForMapping,
} from "./types";

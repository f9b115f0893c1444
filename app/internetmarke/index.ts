export { createInternetmarkeClient, type InternetmarkeClient } from "./client";
export {
  PRODUCTION_BASE_URL,
  PRODUCTION_PRODUCTS_BASE_URL,
  type FetchLike,
  type InternetmarkeClientOptions,
  type Logger,
} from "./config";
export type { Portokasse, LoginResult } from "./portokasse";
export { MAX_PASSWORD_LENGTH, type PortokasseCredentials } from "./auth";
export type { Balance } from "./session";
export * from "./errors";
export { shouldRetry, retryDelayMs, parseRetryAfter, type RetryInput, type AttemptOutcome } from "./retry";
export type {
  CheckoutPdfRequest,
  CheckoutPngRequest,
  PdfPosition,
  PngPosition,
  PreviewPdfRequest,
  PreviewPngRequest,
  RetrievedCart,
  VoucherLayout,
  Dpi,
} from "./cart";
export type { CartResult, PreviewResult, Voucher, Profile, TopUpResult, Health, TokenGrant } from "./schemas";
export { buildPositions, gridOf, pagesNeeded, type LabelGrid, type LabelPosition } from "./positions";
export {
  ADDRESS_LIMITS,
  bindAddresses,
  checkAddress,
  toInternetmarkeAddress,
  type Address,
  type AddressBinding,
  type AddressBindingResult,
  type AddressProblem,
  type AddressResult,
  type ShippingAddress,
} from "./address";
export { toAlpha3 } from "./countries";
export {
  parseCreationDate,
  CREATION_DATE_TIME_ZONE,
  type RetoureReceipt,
  type RetoureRequest,
  type RetoureState,
  type RetoureStateQuery,
} from "./retoure";
export type { Catalog, CatalogType, ContractProduct, Motif, MotifCategory, PageFormat } from "./catalog";
export type { Destination, Product, ProductList } from "./products";
export { eurosToCents, centsToEuroString } from "./money";

/**
 * A local fake of the Shopify Admin API (2026-10) for tests and the demo mode. See README.md.
 */
export { ADMIN_API_VERSION, loadAdminSchema } from "./schema";
export { createShopifyFake } from "./fake";
export type { CreateShopifyFakeOptions, FakeCall, ShopifyFake } from "./fake";
export type { AddShopInit } from "./shop-store";
export { FakeShopState } from "./shop-state";
export type { AccessTokenRecord, WebhookSubscription } from "./shop-state";
export type { AddressSpec, LineItemSpec, OrderSpec } from "./order-factory";
export type * from "./model";
export { DEMO_SHOP_DOMAIN } from "./seed";
export { SHOP_DOMAIN_HEADER } from "./http/router";
export { webhookHmac } from "./webhooks/deliver";
export type { WebhookRetry } from "./webhooks/deliver";
export { STANDARD_THROTTLE, SINGLE_QUERY_MAX_COST } from "./graphql/throttle";
export type { ThrottleSettings } from "./graphql/throttle";
export { FULL_APPROVAL, LEVEL_1_ONLY, NO_APPROVAL } from "./graphql/protected-data";
export type { ProtectedDataApproval, ProtectedField } from "./graphql/protected-data";

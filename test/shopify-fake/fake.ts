import { createHash } from "node:crypto";
import { handleAccessTokenRequest } from "./auth/token-exchange";
import type { AppIdentity, FakeContext } from "./graphql/context";
import { runGraphQL } from "./graphql/execute";
import { createFieldResolver } from "./graphql/registry";
import { DEFAULT_SCOPES, parseScopes } from "./graphql/scopes";
import { CostBucket, STANDARD_THROTTLE, type ThrottleSettings } from "./graphql/throttle";
import { handleAdmin } from "./http/admin-page";
import { serve, type RunningServer } from "./http/node-server";
import { INVALID_TOKEN_BODY, jsonResponse, notFound, readJsonBody, shopDomainOf } from "./http/router";
import { IdSequence, randomHex } from "./ids";
import { FAKE_TYPES } from "./resolvers/index";
import { ADMIN_API_VERSION, loadAdminSchema } from "./schema";
import { createShopStore, type AddShopInit, type ShopStore } from "./shop-store";
import type { FakeShopState } from "./shop-state";
import {
  DEFAULT_WEBHOOK_RETRY,
  normalizeTopic,
  WebhookDispatcher,
  type WebhookRetry,
} from "./webhooks/deliver";
import { fulfillmentWebhookBody, orderWebhookBody, shopWebhookBody } from "./webhooks/payloads";
import { cancelInShop, cancelProblem } from "./resolvers/mutations/order-cancel";
import { gid, parseGid } from "./gid";
import { FULL_APPROVAL, type ProtectedDataApproval } from "./graphql/protected-data";
import { applyFulfillmentCancellation, fulfillmentCancelProblem } from "./order-logic";
import type { OrderSpec } from "./order-factory";
import { PRODUCTS } from "./seed-data";
import type { FakeOrder } from "./model";

export interface CreateShopifyFakeOptions {
  apiKey: string;
  apiSecret: string;
  now?: () => Date;
  /** Granted access scopes, comma-separated; defaults to what the franking app requests. */
  scopes?: string;
  /**
   * What the app is approved for of protected customer data; default: level 2 with every field (the
   * demo shop's app is approved). Change `fake.protectedCustomerData` to test a shop without approval.
   */
  protectedCustomerData?: ProtectedDataApproval;
  /** Retry schedule for webhook deliveries (defaults: 4 attempts, 200 ms doubling, 5 s timeout). */
  webhookRetry?: Partial<WebhookRetry>;
  /** How webhooks are sent; defaults to the global fetch (real HTTP). Pass the app's handler to stay in-process. */
  webhookFetch?: (request: Request) => Promise<Response>;
}

export interface FakeCall {
  shopDomain: string;
  operationName: string | null;
  requestedCost: number;
  actualCost: number;
  throttled: boolean;
  at: Date;
}

export interface ShopifyFake {
  handle(request: Request): Promise<Response>;
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
  listen(opts?: { port?: number; host?: string }): Promise<RunningServer>;
  seedDemoShop(): { shopDomain: string; accessToken: string };
  addShop(init: AddShopInit): { shopDomain: string; accessToken: string };
  shop(domain: string): FakeShopState;
  subscribeWebhooks(shopDomain: string, address: string, topics: string[]): void;
  cancelOrder(shopDomain: string, orderId: string, opts?: { reason?: string }): Promise<void>;
  /**
   * The merchant cancelling a fulfillment in the admin (Shopify requires it before a fulfilled order can
   * be cancelled). Throws if Shopify would refuse; resolves once orders/updated has been delivered.
   */
  cancelFulfillment(shopDomain: string, fulfillmentId: string): Promise<void>;
  /**
   * A customer placing an order at checkout: the order is added and orders/create is delivered, then
   * orders/paid when it is paid (the default). shopify.dev webhook topics: orders/create "occurs whenever an
   * order is created", orders/paid "occurs each time an order's financial status is changed to paid".
   * `deliver: false` adds the order without webhooks (a delivery Shopify never made, or gave up on).
   */
  placeOrder(shopDomain: string, spec: OrderSpec, opts?: { deliver?: boolean }): Promise<FakeOrder>;
  /**
   * Carrier tracking reporting the shipment (Shopify fills `inTransitAt`/`deliveredAt` and `displayStatus`
   * from the carrier's events): the letter was handed over, or delivered. Sends no webhook.
   */
  trackShipment(shopDomain: string, fulfillmentId: string, status: "in_transit" | "delivered"): void;
  /** Delivers app/uninstalled and revokes the shop's tokens (GraphQL answers 401 until a new token exchange). */
  uninstall(shopDomain: string): Promise<void>;
  /** Resolves when webhooks queued by mutations (fire-and-forget, as on Shopify) have been delivered. */
  whenIdle(): Promise<void>;
  /** The numeric app id `$app` metafield namespaces resolve to: `app--<appId>--...`. */
  readonly appId: number;
  throttle: ThrottleSettings;
  /** Protected customer data the app is approved for (Partner Dashboard); see graphql/protected-data.ts. */
  protectedCustomerData: ProtectedDataApproval;
  latencyMs: number;
  calls: FakeCall[];
  reset(): void;
}

/** The admin page's "place a test order": a paid greeting card to Berlin, sent as a letter. */
function testOrderSpec(n: number): OrderSpec {
  const name = { firstName: "Kim", lastName: `Testkundin ${n + 1}` };
  return {
    customer: { email: `test${n + 1}@example.com`, ...name },
    shippingAddress: { ...name, address1: "Ringstraße 1", zip: "10115", city: "Berlin", countryCode: "DE" },
    shippingLine: { title: "Brief", priceCents: 160 },
    lineItems: [{ ...PRODUCTS.grusskarte, quantity: 1 }],
  };
}

/** A stable numeric app id derived from the API key, shaped like Shopify's. */
function appIdFor(apiKey: string): number {
  return (
    300_000_000_000 +
    (parseInt(createHash("sha256").update(apiKey).digest("hex").slice(0, 10), 16) % 99_999_999_999)
  );
}

export function createShopifyFake(opts: CreateShopifyFakeOptions): ShopifyFake {
  const now = opts.now ?? (() => new Date());
  const schema = loadAdminSchema();
  const fieldResolver = createFieldResolver(FAKE_TYPES);
  const scopes = opts.scopes ?? DEFAULT_SCOPES;
  const grantedScopes = parseScopes(scopes);
  const app: AppIdentity = {
    apiKey: opts.apiKey,
    apiSecret: opts.apiSecret,
    appId: appIdFor(opts.apiKey),
    title: "Frankiermeister",
    handle: "frankiermeister",
  };
  const ids = new IdSequence();
  const store: ShopStore = createShopStore(ids, now);
  const buckets = new Map<string, CostBucket>();
  const webhooks = new WebhookDispatcher({
    apiSecret: opts.apiSecret,
    now,
    retry: { ...DEFAULT_WEBHOOK_RETRY, ...opts.webhookRetry },
    send: opts.webhookFetch ?? ((request) => fetch(request)),
  });

  const bucketFor = (domain: string) => {
    let bucket = buckets.get(domain);
    if (!bucket) buckets.set(domain, (bucket = new CostBucket(() => fake.throttle, now())));
    return bucket;
  };

  async function graphql(request: Request, version: string): Promise<Response> {
    if (version !== ADMIN_API_VERSION) return notFound();
    if (request.method !== "POST") return jsonResponse(405, { errors: "Method Not Allowed" });
    const token = request.headers.get("X-Shopify-Access-Token") ?? "";
    const domain = shopDomainOf(request) ?? store.domainForToken(token);
    const shop = domain ? store.find(domain) : undefined;
    const record = shop?.accessTokens.get(token);
    if (!shop || !record || !shop.installed || (record.expiresAt !== null && record.expiresAt <= now())) {
      return jsonResponse(401, INVALID_TOKEN_BODY);
    }
    const parsed = await readJsonBody(request);
    if (!parsed.ok) return jsonResponse(400, { errors: "Invalid JSON in request body." });
    const queued: Array<{ topic: string; body: () => unknown }> = [];
    const ctx: FakeContext = {
      shop,
      app,
      now: now(),
      scopes: grantedScopes,
      protectedData: fake.protectedCustomerData,
      ids,
      searchReports: [],
      emit: (topic, body) => queued.push({ topic, body }),
    };
    const outcome = await runGraphQL(parsed.body, {
      schema,
      fieldResolver,
      ctx,
      bucket: bucketFor(shop.domain),
    });
    fake.calls.push({
      shopDomain: shop.domain,
      operationName: outcome.operationName,
      requestedCost: outcome.requestedCost,
      actualCost: outcome.actualCost,
      throttled: outcome.throttled,
      at: ctx.now,
    });
    for (const { topic, body } of queued) void webhooks.emit(shop, topic, body);
    return jsonResponse(outcome.status, outcome.body, {
      "X-Request-Id": randomHex(16),
      "X-Shopify-API-Version": ADMIN_API_VERSION,
    });
  }

  const fake: ShopifyFake = {
    appId: app.appId,
    throttle: { ...STANDARD_THROTTLE },
    protectedCustomerData: opts.protectedCustomerData ?? FULL_APPROVAL,
    latencyMs: 0,
    calls: [],

    async handle(request) {
      if (fake.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, fake.latencyMs));
      const url = new URL(request.url);
      const graphqlPath = /^\/admin\/api\/([^/]+)\/graphql\.json$/.exec(url.pathname);
      if (graphqlPath?.[1]) return graphql(request, graphqlPath[1]);
      if (url.pathname === "/admin/oauth/access_token" && request.method === "POST") {
        return handleAccessTokenRequest(request, shopDomainOf(request), {
          apiKey: opts.apiKey,
          apiSecret: opts.apiSecret,
          scopes,
          now,
          shop: (domain) => store.find(domain),
        });
      }
      return (
        (await handleAdmin(request, {
          shopDomains: () => store.domains(),
          shop: (d) => store.get(d),
          cancelOrder: fake.cancelOrder,
          cancelFulfillment: fake.cancelFulfillment,
          placeTestOrder: (domain) => fake.placeOrder(domain, testOrderSpec(store.get(domain).orders.length)),
        })) ?? notFound()
      );
    },

    fetch(input, init) {
      return fake.handle(input instanceof Request && init === undefined ? input : new Request(input, init));
    },

    listen(listenOpts) {
      return serve((request) => fake.handle(request), listenOpts);
    },

    seedDemoShop: () => store.seedDemoShop(scopes),
    addShop: (init) => store.addShop(init, scopes),
    shop: (domain) => store.get(domain),

    subscribeWebhooks(shopDomain, address, topics) {
      if (!URL.canParse(address)) throw new Error(`Webhook address must be an absolute URL: ${address}`);
      store.get(shopDomain).webhookSubscriptions.push({ address, topics: topics.map(normalizeTopic) });
    },

    async cancelOrder(shopDomain, orderId, cancelOpts) {
      const shop = store.get(shopDomain);
      const order = shop.order(orderId);
      const problem = cancelProblem(order);
      if (problem || !order) throw new Error(problem?.message ?? "Order does not exist");
      cancelInShop(shop, order, now(), {
        reason: (cancelOpts?.reason ?? "CUSTOMER").toUpperCase(),
        restock: true,
        refund: false,
        staffNote: null,
      });
      await Promise.all([
        webhooks.emit(shop, "orders/cancelled", () => orderWebhookBody(order, shop, app)),
        webhooks.emit(shop, "orders/updated", () => orderWebhookBody(order, shop, app)),
      ]);
    },

    async cancelFulfillment(shopDomain, fulfillmentId) {
      const shop = store.get(shopDomain);
      const parsed = parseGid(fulfillmentId);
      const id = parsed ? (parsed.type === "Fulfillment" ? parsed.id : NaN) : Number(fulfillmentId);
      const fulfillment = shop.fulfillment(id);
      const order = fulfillment ? shop.order(fulfillment.orderId) : undefined;
      if (!fulfillment || !order) throw new Error("Fulfillment does not exist");
      const problem = fulfillmentCancelProblem(order, fulfillment);
      if (problem) throw new Error(problem);
      applyFulfillmentCancellation(order, fulfillment, { ids, at: now() });
      shop.record(
        "fulfillment_cancelled",
        gid("Order", order.id),
        `Fulfillment ${fulfillment.name} of order ${order.name} was cancelled`,
      );
      await Promise.all([
        webhooks.emit(shop, "fulfillments/update", () => fulfillmentWebhookBody(fulfillment, order, shop)),
        webhooks.emit(shop, "orders/updated", () => orderWebhookBody(order, shop, app)),
      ]);
    },

    trackShipment(shopDomain, fulfillmentId, status) {
      const parsed = parseGid(fulfillmentId);
      const fulfillment = store
        .get(shopDomain)
        .fulfillment(parsed?.type === "Fulfillment" ? parsed.id : Number(fulfillmentId));
      if (!fulfillment) throw new Error("Fulfillment does not exist");
      const at = now();
      fulfillment.inTransitAt ??= at;
      if (status === "delivered") fulfillment.deliveredAt = at;
      fulfillment.updatedAt = at;
    },

    async placeOrder(shopDomain, spec, placeOpts) {
      const shop = store.get(shopDomain);
      const order = shop.addOrder(spec);
      if (placeOpts?.deliver === false) return order;
      await webhooks.emit(shop, "orders/create", () => orderWebhookBody(order, shop, app));
      if (order.financialStatus === "PAID")
        await webhooks.emit(shop, "orders/paid", () => orderWebhookBody(order, shop, app));
      return order;
    },

    async uninstall(shopDomain) {
      const shop = store.get(shopDomain);
      shop.installed = false;
      shop.accessTokens.clear();
      shop.refreshTokens.clear();
      shop.record("app_uninstalled", shop.shopGid, `${app.title} was uninstalled`);
      await webhooks.emit(shop, "app/uninstalled", () => shopWebhookBody(shop));
    },

    whenIdle: () => webhooks.idle(),

    reset() {
      store.clear();
      buckets.clear();
      ids.reset();
      fake.calls.length = 0;
      fake.throttle = { ...STANDARD_THROTTLE };
      fake.protectedCustomerData = opts.protectedCustomerData ?? FULL_APPROVAL;
      fake.latencyMs = 0;
    },
  };
  return fake;
}

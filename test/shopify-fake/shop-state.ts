import { gid, parseGid } from "./gid";
import type { IdSequence } from "./ids";
import type {
  FakeEvent,
  FakeFulfillment,
  FakeFulfillmentOrder,
  FakeLineItem,
  FakeLocation,
  FakeMetafield,
  FakeOrder,
  FakeShopInfo,
  FakeWebhookDelivery,
} from "./model";
import { buildOrder, type OrderSpec } from "./order-factory";

export interface AccessTokenRecord {
  token: string;
  kind: "offline" | "online";
  scope: string;
  expiresAt: Date | null;
  userId: number | null;
}

export interface WebhookSubscription {
  address: string;
  topics: string[];
}

/**
 * Everything one fake shop holds. Tests read it directly (`fake.shop(domain).orders`) instead of
 * querying GraphQL for assertions; mutations and `cancelOrder` change it in place.
 */
export class FakeShopState {
  readonly orders: FakeOrder[] = [];
  readonly metafields: FakeMetafield[] = [];
  readonly events: FakeEvent[] = [];
  readonly accessTokens = new Map<string, AccessTokenRecord>();
  readonly refreshTokens = new Map<string, AccessTokenRecord>();
  readonly webhookSubscriptions: WebhookSubscription[] = [];
  readonly webhookDeliveries: FakeWebhookDelivery[] = [];
  /** orderCancel jobs: Shopify answers `done: false` first; a later `job(id:)` read says done. */
  readonly jobs = new Set<string>();
  installed = true;
  /** The shop's locations; the first is the primary one from `info`. */
  readonly locations: FakeLocation[];
  private nextOrderNumber = 1001;

  constructor(
    readonly domain: string,
    readonly info: FakeShopInfo,
    readonly appInstallationId: number,
    private readonly ids: IdSequence,
    private readonly now: () => Date,
  ) {
    this.locations = [
      {
        __typename: "Location",
        id: info.locationId,
        name: info.locationName,
        isPrimary: true,
        fulfillmentService: null,
        address: info.address,
      },
    ];
  }

  get primaryLocation(): FakeLocation {
    return this.locations[0] as FakeLocation;
  }

  /**
   * Adds a location (returns the existing one of that name). `fulfillmentService` names the 3PL app that
   * manages it; its fulfillment orders are then third-party ones.
   */
  addLocation(name: string, opts: { fulfillmentService?: string | null } = {}): FakeLocation {
    const existing = this.locations.find((l) => l.name === name);
    if (existing) return existing;
    const location: FakeLocation = {
      __typename: "Location",
      id: this.ids.take("Location"),
      name,
      isPrimary: false,
      fulfillmentService: opts.fulfillmentService ?? null,
      address: this.info.address,
    };
    this.locations.push(location);
    return location;
  }

  location(id: number): FakeLocation | undefined {
    return this.locations.find((l) => l.id === id);
  }

  get shopGid(): string {
    return gid("Shop", this.info.id);
  }

  get appInstallationGid(): string {
    return gid("AppInstallation", this.appInstallationId);
  }

  get fulfillmentOrders(): FakeFulfillmentOrder[] {
    return this.orders.flatMap((order) => order.fulfillmentOrders);
  }

  get fulfillments(): FakeFulfillment[] {
    return this.orders.flatMap((order) => order.fulfillments);
  }

  /** Adds an order built from a compact spec (line items with weights, address, shipping line ...). */
  addOrder(spec: OrderSpec): FakeOrder {
    const number = spec.number ?? this.nextOrderNumber;
    this.nextOrderNumber = Math.max(this.nextOrderNumber, number + 1);
    const order = buildOrder(
      { ...spec, number },
      {
        ids: this.ids,
        now: this.now(),
        shop: this.info,
        locationId: (name) => (name === null ? this.primaryLocation.id : this.addLocation(name).id),
      },
    );
    this.orders.push(order);
    return order;
  }

  /** Finds an order by numeric id, gid or name ("#1001"). */
  order(ref: number | string): FakeOrder | undefined {
    if (typeof ref === "number") return this.orders.find((o) => o.id === ref);
    const parsed = parseGid(ref);
    if (parsed) return parsed.type === "Order" ? this.orders.find((o) => o.id === parsed.id) : undefined;
    if (/^\d+$/.test(ref)) return this.orders.find((o) => o.id === Number(ref));
    return this.orders.find((o) => o.name === ref);
  }

  requireOrder(ref: number | string): FakeOrder {
    const order = this.order(ref);
    if (!order) throw new Error(`The fake shop ${this.domain} has no order ${String(ref)}`);
    return order;
  }

  fulfillmentOrder(id: number): { order: FakeOrder; fulfillmentOrder: FakeFulfillmentOrder } | undefined {
    for (const order of this.orders) {
      const fulfillmentOrder = order.fulfillmentOrders.find((fo) => fo.id === id);
      if (fulfillmentOrder) return { order, fulfillmentOrder };
    }
    return undefined;
  }

  lineItem(id: number): FakeLineItem {
    for (const order of this.orders) {
      const line = order.lineItems.find((l) => l.id === id);
      if (line) return line;
    }
    throw new Error(`The fake shop ${this.domain} has no line item ${id}`);
  }

  fulfillment(id: number): FakeFulfillment | undefined {
    return this.fulfillments.find((f) => f.id === id);
  }

  tags(ref: number | string): string[] {
    return [...this.requireOrder(ref).tags];
  }

  metafieldsOf(ownerId: string): FakeMetafield[] {
    return this.metafields.filter((m) => m.ownerId === ownerId);
  }

  metafield(ownerId: string, namespace: string, key: string): FakeMetafield | undefined {
    return this.metafields.find((m) => m.ownerId === ownerId && m.namespace === namespace && m.key === key);
  }

  record(action: string, subjectId: string, message: string): void {
    this.events.push({ at: this.now(), action, subjectId, message });
  }

  takeId(kind: Parameters<IdSequence["take"]>[0]): number {
    return this.ids.take(kind);
  }

  currentTime(): Date {
    return this.now();
  }
}

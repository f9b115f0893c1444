import type { WeightUnit } from "./format";
import { randomHex, type IdSequence } from "./ids";
import type { FakeShopAddress } from "./model";
import { countryName, type OrderSpec } from "./order-factory";
import { DEMO_SHOP, DEMO_SHOP_DOMAIN, demoOrders } from "./seed";
import { FakeShopState } from "./shop-state";

export interface AddShopInit {
  /** `<name>.myshopify.com` */
  shopDomain: string;
  name?: string;
  email?: string;
  currencyCode?: string;
  ianaTimezone?: string;
  weightUnit?: WeightUnit;
  shopOwnerName?: string;
  locationName?: string;
  address?: Partial<Omit<FakeShopAddress, "country">>;
  plan?: { publicDisplayName: string; partnerDevelopment: boolean; shopifyPlus: boolean };
  /** A fixed offline token (`shpat_...`); one is generated otherwise. */
  accessToken?: string;
  /** More locations than the primary one; `fulfillmentService` makes it a 3PL's location. */
  locations?: Array<{ name: string; fulfillmentService?: string | null }>;
  orders?: OrderSpec[];
}

export interface ShopStore {
  addShop(init: AddShopInit, scopes: string): { shopDomain: string; accessToken: string };
  seedDemoShop(scopes: string): { shopDomain: string; accessToken: string };
  find(domain: string): FakeShopState | undefined;
  get(domain: string): FakeShopState;
  domains(): string[];
  domainForToken(token: string): string | null;
  clear(): void;
}

export function createShopStore(ids: IdSequence, now: () => Date): ShopStore {
  const shops = new Map<string, FakeShopState>();

  const store: ShopStore = {
    addShop(init, scopes) {
      const domain = init.shopDomain.toLowerCase();
      if (!/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/.test(domain)) {
        throw new Error(`Shop domains look like <name>.myshopify.com, not ${init.shopDomain}`);
      }
      if (shops.has(domain)) throw new Error(`The fake already has a shop ${domain}`);
      const name = init.name ?? domain.replace(/\.myshopify\.com$/, "");
      const countryCode = init.address?.countryCode ?? "DE";
      const shop = new FakeShopState(
        domain,
        {
          id: ids.take("Shop"),
          name,
          email: init.email ?? `shop@${name}.example`,
          currencyCode: init.currencyCode ?? "EUR",
          ianaTimezone: init.ianaTimezone ?? "Europe/Berlin",
          weightUnit: init.weightUnit ?? "KILOGRAMS",
          shopOwnerName: init.shopOwnerName ?? "Shop Owner",
          plan: init.plan ?? { publicDisplayName: "Basic", partnerDevelopment: false, shopifyPlus: false },
          createdAt: new Date(now().getTime() - 400 * 86_400_000),
          locationId: ids.take("Location"),
          locationName: init.locationName ?? "Shop location",
          address: {
            company: init.address?.company ?? null,
            address1: init.address?.address1 ?? "Hauptstraße 1",
            address2: init.address?.address2 ?? null,
            city: init.address?.city ?? "Berlin",
            zip: init.address?.zip ?? "10115",
            province: init.address?.province ?? null,
            provinceCode: init.address?.provinceCode ?? null,
            country: countryName(countryCode),
            countryCode,
            phone: init.address?.phone ?? null,
          },
        },
        ids.take("AppInstallation"),
        ids,
        now,
      );
      const accessToken = init.accessToken ?? `shpat_${randomHex(16)}`;
      shop.accessTokens.set(accessToken, {
        token: accessToken,
        kind: "offline",
        scope: scopes,
        expiresAt: null,
        userId: null,
      });
      for (const location of init.locations ?? []) shop.addLocation(location.name, location);
      for (const order of init.orders ?? []) shop.addOrder(order);
      shops.set(domain, shop);
      return { shopDomain: domain, accessToken };
    },

    seedDemoShop(scopes) {
      const existing = shops.get(DEMO_SHOP_DOMAIN);
      if (existing) {
        const token = [...existing.accessTokens.values()].find(
          (t) => t.kind === "offline" && t.expiresAt === null,
        );
        if (token) return { shopDomain: DEMO_SHOP_DOMAIN, accessToken: token.token };
      }
      return store.addShop({ ...DEMO_SHOP, orders: demoOrders(now()) }, scopes);
    },

    find: (domain) => shops.get(domain.toLowerCase()),

    get(domain) {
      const shop = shops.get(domain.toLowerCase());
      if (!shop) throw new Error(`The fake has no shop ${domain}; call addShop() or seedDemoShop() first`);
      return shop;
    },

    domains: () => [...shops.keys()],

    domainForToken(token) {
      for (const [domain, shop] of shops) if (shop.accessTokens.has(token)) return domain;
      return null;
    },

    clear: () => shops.clear(),
  };
  return store;
}

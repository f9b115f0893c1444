import { dateTime } from "../format";
import { gid } from "../gid";
import type { FakeShopInfo } from "../model";
import type { FakeContext } from "../graphql/context";
import { defineType, type TypeDefinition } from "../graphql/registry";
import { ADMIN_API_VERSION } from "../schema";
import { metafieldFields } from "./metafield";

/** Singletons resolve through `__typename`; their data lives on the context's shop and app. */
export type Marker = { __typename: string };
export const SHOP_RECORD: Marker = { __typename: "Shop" };
export const APP_RECORD: Marker = { __typename: "App" };
export const APP_INSTALLATION_RECORD: Marker = { __typename: "AppInstallation" };

function offsetMinutes(timeZone: string, at: Date): number {
  const local = new Date(at.toLocaleString("en-US", { timeZone }));
  const utc = new Date(at.toLocaleString("en-US", { timeZone: "UTC" }));
  return Math.round((local.getTime() - utc.getTime()) / 60000);
}

function offsetString(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}

function abbreviation(timeZone: string, minutes: number): string {
  if (["Europe/Berlin", "Europe/Vienna", "Europe/Zurich", "Europe/Paris"].includes(timeZone)) {
    return minutes === 120 ? "CEST" : "CET";
  }
  return `GMT${offsetString(minutes)}`;
}

const info = (ctx: FakeContext) => ctx.shop.info;
const offset = (ctx: FakeContext) => offsetMinutes(info(ctx).ianaTimezone, ctx.now);

const shopType = defineType<Marker>("Shop", {
  id: (_s, _a, ctx) => ctx.shop.shopGid,
  name: (_s, _a, ctx) => info(ctx).name,
  email: (_s, _a, ctx) => info(ctx).email,
  contactEmail: (_s, _a, ctx) => info(ctx).email,
  myshopifyDomain: (_s, _a, ctx) => ctx.shop.domain,
  url: (_s, _a, ctx) => `https://${ctx.shop.domain}`,
  currencyCode: (_s, _a, ctx) => info(ctx).currencyCode,
  enabledPresentmentCurrencies: (_s, _a, ctx) => [info(ctx).currencyCode],
  ianaTimezone: (_s, _a, ctx) => info(ctx).ianaTimezone,
  timezoneOffsetMinutes: (_s, _a, ctx) => offset(ctx),
  timezoneOffset: (_s, _a, ctx) => offsetString(offset(ctx)),
  timezoneAbbreviation: (_s, _a, ctx) => abbreviation(info(ctx).ianaTimezone, offset(ctx)),
  weightUnit: (_s, _a, ctx) => info(ctx).weightUnit,
  unitSystem: (_s, _a, ctx) =>
    ["GRAMS", "KILOGRAMS"].includes(info(ctx).weightUnit) ? "METRIC_SYSTEM" : "IMPERIAL_SYSTEM",
  plan: (_s, _a, ctx) => info(ctx).plan,
  shopAddress: (_s, _a, ctx) => info(ctx),
  billingAddress: (_s, _a, ctx) => info(ctx),
  shopOwnerName: (_s, _a, ctx) => info(ctx).shopOwnerName,
  createdAt: (_s, _a, ctx) => dateTime(info(ctx).createdAt),
  updatedAt: (_s, _a, ctx) => dateTime(info(ctx).createdAt),
  description: () => null,
  taxesIncluded: () => true,
  taxShipping: () => true,
  setupRequired: () => false,
  checkoutApiSupported: () => true,
  orderNumberFormatPrefix: () => "#",
  orderNumberFormatSuffix: () => "",
  shipsToCountries: (_s, _a, ctx) => [info(ctx).address.countryCode],
  primaryDomain: (_s, _a, ctx) => ({
    id: gid("Domain", info(ctx).id),
    host: ctx.shop.domain,
    url: `https://${ctx.shop.domain}`,
    sslEnabled: true,
    localization: null,
    marketWebPresence: null,
  }),
  ...metafieldFields<Marker>((_s, ctx) => ctx.shop.shopGid),
});

const shopAddressType = defineType<FakeShopInfo>("ShopAddress", {
  id: (s) => gid("ShopAddress", s.id),
  company: (s) => s.address.company ?? s.name,
  address1: (s) => s.address.address1,
  address2: (s) => s.address.address2,
  city: (s) => s.address.city,
  zip: (s) => s.address.zip,
  province: (s) => s.address.province,
  provinceCode: (s) => s.address.provinceCode,
  country: (s) => s.address.country,
  countryCodeV2: (s) => s.address.countryCode,
  phone: (s) => s.address.phone,
  latitude: () => null,
  longitude: () => null,
  coordinatesValidated: () => false,
  formattedArea: (s) => [s.address.city, s.address.country].join(", "),
  formatted: (s, args) =>
    [
      args.withCompany === false ? null : s.address.company,
      s.address.address1,
      s.address.address2,
      `${s.address.zip} ${s.address.city}`,
      s.address.country,
    ].filter((line): line is string => typeof line === "string" && line.length > 0),
});

const accessScopes = (ctx: FakeContext) =>
  [...ctx.scopes].sort().map((handle) => ({ handle, description: `The \`${handle}\` access scope.` }));

const appType = defineType<Marker>("App", {
  id: (_s, _a, ctx) => gid("App", ctx.app.appId),
  apiKey: (_s, _a, ctx) => ctx.app.apiKey,
  title: (_s, _a, ctx) => ctx.app.title,
  handle: (_s, _a, ctx) => ctx.app.handle,
  embedded: () => true,
  published: () => false,
  shopifyDeveloped: () => false,
  previouslyInstalled: () => false,
  developerName: () => null,
  description: () => null,
  appStoreAppUrl: () => null,
  appStoreDeveloperUrl: () => null,
  installUrl: () => null,
  pricingDetails: () => null,
  webhookApiVersion: () => ADMIN_API_VERSION,
  installation: (_s, _a, ctx) => (ctx.shop.installed ? APP_INSTALLATION_RECORD : null),
  requestedAccessScopes: (_s, _a, ctx) => accessScopes(ctx),
  availableAccessScopes: (_s, _a, ctx) => accessScopes(ctx),
  optionalAccessScopes: () => [],
  features: () => [],
  failedRequirements: () => [],
});

const appInstallationType = defineType<Marker>("AppInstallation", {
  id: (_s, _a, ctx) => ctx.shop.appInstallationGid,
  app: () => APP_RECORD,
  accessScopes: (_s, _a, ctx) => accessScopes(ctx),
  launchUrl: (_s, _a, ctx) =>
    `https://admin.shopify.com/store/${ctx.shop.domain.replace(/\.myshopify\.com$/, "")}/apps/${ctx.app.handle}`,
  uninstallUrl: () => null,
  activeSubscriptions: () => [],
  ...metafieldFields<Marker>((_s, ctx) => ctx.shop.appInstallationGid),
});

const jobType = defineType<{ __typename: "Job"; id: string; done: boolean }>("Job", {
  id: (j) => gid("Job", j.id),
  done: (j) => j.done,
  query: () => ({}),
});

export const shopTypes: TypeDefinition[] = [shopType, shopAddressType, appType, appInstallationType, jobType];

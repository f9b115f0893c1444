import { describe, expect, it } from "vitest";
import { createShopifyFake } from "./index";
import { API_KEY, API_SECRET, at, clientFor } from "./test-helpers";

const MONEY = "{ shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }";
const ADDRESS = `{ id name firstName lastName company address1 address2 city zip province provinceCode country countryCode
  countryCodeV2 phone latitude longitude formatted(withName: true) formattedArea coordinatesValidated }`;

/** Every field the fake implements outside orders: none may error. */
const SHOP_FIELDS = `query ShopFields {
  shop { id name email contactEmail myshopifyDomain url currencyCode enabledPresentmentCurrencies ianaTimezone
    timezoneOffset timezoneOffsetMinutes timezoneAbbreviation weightUnit unitSystem createdAt updatedAt description
    taxesIncluded taxShipping setupRequired checkoutApiSupported orderNumberFormatPrefix orderNumberFormatSuffix
    shipsToCountries shopOwnerName plan { publicDisplayName partnerDevelopment shopifyPlus }
    primaryDomain { id host url sslEnabled }
    shopAddress { id company address1 address2 city zip province provinceCode country countryCodeV2 phone formatted formattedArea }
    billingAddress { city } metafield(key: "x") { id } metafields(first: 1) { nodes { id } } }
  app { id apiKey title handle embedded published webhookApiVersion installation { id } requestedAccessScopes { handle } }
  currentAppInstallation { id launchUrl uninstallUrl accessScopes { handle description } app { apiKey }
    metafields(first: 1) { edges { cursor node { id } } } }
  location { id legacyResourceId name isActive fulfillsOnlineOrders address { address1 city zip countryCode formatted } }
  ordersCount(query: "status:open") { count precision }
}`;

/** Every field the fake implements on an order, asked of each demo order in turn. */
const ORDER_FIELDS = `query OrderFields($id: ID!) {
  order(id: $id) {
      id legacyResourceId name number createdAt updatedAt processedAt cancelledAt cancelReason closed closedAt confirmed
      test email phone note tags customerLocale sourceName currencyCode presentmentCurrencyCode taxesIncluded
      displayFinancialStatus displayFulfillmentStatus fullyPaid unpaid paymentGatewayNames fulfillable requiresShipping
      canNotifyCustomer subtotalLineItemsQuantity currentSubtotalLineItemsQuantity totalWeight currentTotalWeight
      totalPriceSet ${MONEY} currentTotalPriceSet ${MONEY} subtotalPriceSet ${MONEY} currentSubtotalPriceSet ${MONEY}
      totalShippingPriceSet ${MONEY} currentShippingPriceSet ${MONEY} totalDiscountsSet ${MONEY}
      shippingAddress ${ADDRESS} billingAddress ${ADDRESS} displayAddress { city } billingAddressMatchesShippingAddress
      shippingLine { title } fulfillmentsCount { count }
      shippingLines(first: 2) { nodes { id title code source carrierIdentifier custom isRemoved shippingRateHandle
        originalPriceSet ${MONEY} discountedPriceSet ${MONEY} currentDiscountedPriceSet ${MONEY} } }
      customer { id legacyResourceId email firstName lastName displayName phone locale createdAt }
      lineItems(first: 5) { pageInfo { hasNextPage endCursor } nodes { id title name variantTitle quantity currentQuantity
        sku vendor requiresShipping isGiftCard taxable weight { unit value } originalUnitPriceSet ${MONEY}
        originalTotalSet ${MONEY} discountedUnitPriceSet ${MONEY} discountedTotalSet ${MONEY}
        product { id title vendor handle }
        variant { id legacyResourceId title displayName sku price product { id }
          inventoryItem { id legacyResourceId sku requiresShipping tracked harmonizedSystemCode countryCodeOfOrigin
            measurement { id weight { unit value } } } } } }
      fulfillments(first: 2) { id legacyResourceId name status displayStatus createdAt updatedAt totalQuantity requiresShipping
        trackingInfo(first: 5) { company number url } location { name } order { name }
        fulfillmentLineItems(first: 5) { nodes { id quantity lineItem { sku } originalTotalSet ${MONEY} } }
        fulfillmentOrders(first: 2) { nodes { id } } }
      fulfillmentOrders(first: 2) { nodes { id status requestStatus createdAt updatedAt fulfillAt fulfillBy orderId orderName
        orderProcessedAt order { id } supportedActions { action externalUrl } fulfillmentHolds { id }
        assignedLocation { name address1 city zip countryCode location { id name } }
        destination { id firstName lastName company address1 address2 city zip province countryCode phone email }
        deliveryMethod { id methodType presentedName serviceCode }
        fulfillments(first: 2) { nodes { id } } merchantRequests(first: 1) { nodes { kind } }
        lineItems(first: 5) { nodes { id totalQuantity remainingQuantity sku productTitle variantTitle vendor requiresShipping
          inventoryItemId weight { value } variant { id } lineItem { id } warnings { title } } } } }
      metafield(namespace: "$app:franking", key: "voucher") { value }
      metafields(first: 5) { nodes { id namespace key type value jsonValue createdAt updatedAt ownerType compareDigest
        legacyResourceId definition { id } owner { ... on Order { id } } } }
  }
}`;

describe("field coverage", () => {
  it("answers every implemented field of the demo shop without an error", async () => {
    const fake = createShopifyFake({
      apiKey: API_KEY,
      apiSecret: API_SECRET,
      scopes: "read_orders,read_all_orders,read_merchant_managed_fulfillment_orders",
    });
    const { shopDomain, accessToken } = fake.seedDemoShop();
    fake.shop(shopDomain).metafields.push({
      __typename: "Metafield",
      id: 1,
      ownerId: `gid://shopify/Order/${fake.shop(shopDomain).requireOrder("#1018").id}`,
      ownerType: "ORDER",
      namespace: `app--${fake.appId}--franking`,
      key: "voucher",
      type: "json",
      value: '{"id":1}',
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    fake.throttle = { maximumAvailable: 100_000, restoreRate: 100 };
    const run = clientFor(fake, shopDomain, accessToken);
    const shopReply = await run(SHOP_FIELDS);
    expect(shopReply.body.errors).toBeUndefined();
    expect(at(shopReply.body, "data", "shop", "timezoneAbbreviation")).toMatch(/^CES?T$/);
    for (const order of fake.shop(shopDomain).orders) {
      const reply = await run(ORDER_FIELDS, { id: `gid://shopify/Order/${order.id}` });
      expect(reply.body.errors, order.name).toBeUndefined();
      expect(at(reply.body, "extensions", "cost", "requestedQueryCost")).toBeLessThanOrEqual(1000);
      if (order.name === "#1018")
        expect(at(reply.body, "data", "order", "metafield", "value")).toBe('{"id":1}');
    }
  });
});

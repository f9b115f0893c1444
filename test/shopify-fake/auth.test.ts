import "@shopify/shopify-api/adapters/node";
import { ApiVersion, RequestedTokenType, shopifyApi } from "@shopify/shopify-api";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { getJwt } from "@shopify/shopify-api/test-helpers";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createShopifyFake, SHOP_DOMAIN_HEADER, type ShopifyFake } from "./index";
import { API_KEY, API_SECRET, at, graphqlRequest, text } from "./test-helpers";

const SHOP = "frankier-demo.myshopify.com";
const INVALID = { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" };

let fake: ShopifyFake;
let server: { origin: string; close(): Promise<void> };
let demoToken: string;

/** What the app's local mode does: https://<shop>/admin/... goes to the fake's origin with the shop in a header. */
const viaFake = (input: string, init: RequestInit = {}) => {
  const url = new URL(input);
  const headers = new Headers(init.headers);
  headers.set(SHOP_DOMAIN_HEADER, url.hostname);
  return fetch(`${server.origin}${url.pathname}${url.search}`, { ...init, headers });
};

async function exchange(body: Record<string, string>) {
  const response = await viaFake(`https://${SHOP}/admin/oauth/access_token`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body),
  });
  const json: unknown = await response.json();
  return { status: response.status, body: json };
}

const exchangeBody = (subjectToken: string, requested = RequestedTokenType.OfflineAccessToken) => ({
  client_id: API_KEY,
  client_secret: API_SECRET,
  grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
  subject_token: subjectToken,
  subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
  requested_token_type: requested,
});

beforeEach(async () => {
  fake = createShopifyFake({ apiKey: API_KEY, apiSecret: API_SECRET });
  demoToken = fake.seedDemoShop().accessToken;
  server = await fake.listen();
});

afterEach(async () => {
  await server.close();
});

const shopQuery = (token: string) => graphqlRequest(viaFake, `https://${SHOP}`, token, "{ shop { name } }");

describe("access tokens on the GraphQL endpoint", () => {
  it("answers 401 with Shopify's body for a missing or unknown token", async () => {
    expect(await shopQuery("")).toEqual({ status: 401, body: INVALID });
    expect(await shopQuery("shpat_00000000000000000000000000000000")).toEqual({ status: 401, body: INVALID });
  });

  it("serves the shop for a valid token, over real HTTP with the shop-domain header", async () => {
    const reply = await shopQuery(demoToken);
    expect(reply).toMatchObject({ status: 200, body: { data: { shop: { name: "Frankier Demo" } } } });
  });

  it("answers 404 for another API version", async () => {
    const response = await viaFake(`https://${SHOP}/admin/api/2025-01/graphql.json`, {
      method: "POST",
      headers: { "X-Shopify-Access-Token": demoToken, "Content-Type": "application/json" },
      body: JSON.stringify({ query: "{ shop { name } }" }),
    });
    expect(response.status).toBe(404);
  });
});

describe("token exchange (POST /admin/oauth/access_token)", () => {
  it("exchanges a session token for an offline token that works on GraphQL", async () => {
    const { token } = await getJwt("frankier-demo", API_KEY, API_SECRET);
    const reply = await exchange(exchangeBody(token));
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      access_token: expect.stringMatching(/^shpat_/),
      scope: expect.stringContaining("write_orders"),
    });
    const accessToken = text(reply.body, "access_token");
    expect((await shopQuery(accessToken)).status).toBe(200);
  });

  it("answers an online token with its user and expiry", async () => {
    const { token } = await getJwt("frankier-demo", API_KEY, API_SECRET, { sub: "4242" });
    const reply = await exchange(exchangeBody(token, RequestedTokenType.OnlineAccessToken));
    expect(reply.body).toMatchObject({
      access_token: expect.stringMatching(/^shpua_/),
      expires_in: 86399,
      associated_user_scope: expect.any(String),
      associated_user: { id: 4242, account_owner: true },
    });
  });

  it("rejects a forged, expired, foreign or misaddressed session token", async () => {
    const forged = await getJwt("frankier-demo", API_KEY, "not-the-secret");
    expect(await exchange(exchangeBody(forged.token))).toMatchObject({
      status: 400,
      body: { error: "invalid_subject_token" },
    });
    const past = Date.now() / 1000 - 7200;
    const expired = await getJwt("frankier-demo", API_KEY, API_SECRET, {
      exp: past,
      nbf: past - 60,
      iat: past - 60,
    });
    expect(await exchange(exchangeBody(expired.token))).toMatchObject({
      status: 400,
      body: { error: "invalid_subject_token" },
    });
    const otherApp = await getJwt("frankier-demo", "someone-else", API_SECRET);
    expect(await exchange(exchangeBody(otherApp.token))).toMatchObject({
      status: 400,
      body: { error: "invalid_subject_token" },
    });
    const otherShop = await getJwt("another-shop", API_KEY, API_SECRET);
    expect(await exchange(exchangeBody(otherShop.token))).toMatchObject({
      status: 400,
      body: { error: "invalid_subject_token" },
    });
    const { token } = await getJwt("frankier-demo", API_KEY, API_SECRET);
    expect(await exchange({ ...exchangeBody(token), client_secret: "wrong" })).toMatchObject({
      status: 401,
      body: { error: "invalid_client" },
    });
  });

  it("issues expiring offline tokens and refreshes them", async () => {
    const { token } = await getJwt("frankier-demo", API_KEY, API_SECRET);
    const first = await exchange({ ...exchangeBody(token), expiring: "1" });
    expect(first.body).toMatchObject({
      expires_in: 3600,
      refresh_token: expect.stringMatching(/^shprt_/),
      refresh_token_expires_in: 7776000,
    });
    const refreshed = await exchange({
      client_id: API_KEY,
      client_secret: API_SECRET,
      grant_type: "refresh_token",
      refresh_token: text(first.body, "refresh_token"),
    });
    expect(refreshed.status).toBe(200);
    expect((await shopQuery(text(first.body, "access_token"))).status).toBe(401);
    expect((await shopQuery(text(refreshed.body, "access_token"))).status).toBe(200);
  });

  it("works with the official @shopify/shopify-api token exchange and GraphQL client", async () => {
    setAbstractFetchFunc((input, init) => viaFake(String(input), init));
    const shopify = shopifyApi({
      apiKey: API_KEY,
      apiSecretKey: API_SECRET,
      scopes: ["read_orders", "write_orders"],
      hostName: "localhost:3000",
      apiVersion: ApiVersion.October26,
      isEmbeddedApp: true,
      logger: { log: async () => undefined },
    });
    const { token } = await getJwt("frankier-demo", API_KEY, API_SECRET);
    const { session } = await shopify.auth.tokenExchange({
      shop: SHOP,
      sessionToken: token,
      requestedTokenType: RequestedTokenType.OfflineAccessToken,
    });
    const client = new shopify.clients.Graphql({ session });
    const response = await client.request("query { orders(first: 2) { nodes { name } } }");
    expect(at(response.data, "orders", "nodes")).toEqual([{ name: "#1001" }, { name: "#1002" }]);
    expect(at(response.extensions, "cost", "throttleStatus", "maximumAvailable")).toBe(2000);
  });

  it("revokes tokens when the app is uninstalled", async () => {
    await fake.uninstall(SHOP);
    expect(await shopQuery(demoToken)).toEqual({ status: 401, body: INVALID });
  });
});

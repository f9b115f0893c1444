/**
 * Expiring offline tokens in the background (ADR 008): the worker refreshes a token that expires mid-batch
 * through shopify-api's refresh grant against the fake, losing and double-buying nothing; when Shopify
 * refuses the refresh, the shop is marked, its batch waits without buying, and it resumes once the
 * merchant has opened the app again.
 */
import "@shopify/shopify-api/adapters/node";
import { ApiVersion, Session, shopifyApi } from "@shopify/shopify-api";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { getJwt } from "@shopify/shopify-api/test-helpers";
import { expect, it } from "vitest";
import { z } from "zod";
import { recordInstall } from "~/shops.server";
import { backgroundAdmin, type OfflineAccess } from "~/shopify/offline-admin.server";
import { API_KEY, API_SECRET } from "../shopify-fake/test-helpers";
import { describeEachDatabase } from "../support/databases";
import { fakeAdmin } from "../support/fake-admin";
import { settle, useFranking } from "./harness";

describeEachDatabase("expiring offline tokens in the franking worker", (database) => {
  const env = useFranking(database);
  const api = shopifyApi({
    apiKey: API_KEY,
    apiSecretKey: API_SECRET,
    apiVersion: ApiVersion.October26,
    hostName: "app.example",
    isEmbeddedApp: true,
    logger: { level: 0 },
  });
  const sessions = new Map<string, Session>();
  let refreshes = 0;

  const access = (): OfflineAccess => ({
    loadOfflineSession: async (shop) => sessions.get(api.session.getOfflineId(shop)),
    storeSession: async (session) => sessions.set(session.id, session),
    refresh: async (shop, refreshToken) => {
      refreshes++;
      const { session } = await api.auth.refreshToken({ shop, refreshToken });
      // shopify-api dates the expiry by the wall clock; this test runs on the simulators' clock.
      session.expires = new Date(env.clock.now().getTime() + 3_600_000);
      return session;
    },
    admin: async (session) => fakeAdmin(env.fake, session.shop, session.accessToken ?? ""),
  });

  async function installWithExpiringToken() {
    setAbstractFetchFunc((input, init) => env.fake.fetch(input as string, init));
    const seconds = Math.floor(env.clock.now().getTime() / 1000);
    const { token } = await getJwt(env.shop.domain.replace(".myshopify.com", ""), API_KEY, API_SECRET, {
      iat: seconds,
      nbf: seconds - 5,
      exp: seconds + 60,
    });
    // The exchange shopify-app-remix makes with `expiringOfflineAccessTokens` (shopify-api checks the
    // session token against the wall clock, so the request is made here on the simulators' clock).
    const response = await env.fake.fetch(`https://${env.shop.domain}/admin/oauth/access_token`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        client_id: API_KEY,
        client_secret: API_SECRET,
        grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
        subject_token: token,
        subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
        requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
        expiring: "1",
      }),
    });
    const body = z
      .object({
        access_token: z.string(),
        scope: z.string(),
        expires_in: z.number(),
        refresh_token: z.string(),
      })
      .parse(await response.json());
    const session = new Session({
      id: api.session.getOfflineId(env.shop.domain),
      shop: env.shop.domain,
      state: "",
      isOnline: false,
      accessToken: body.access_token,
      scope: body.scope,
      expires: new Date(env.clock.now().getTime() + body.expires_in * 1000),
      refreshToken: body.refresh_token,
    });
    sessions.clear();
    sessions.set(session.id, session);
    refreshes = 0;
    return session;
  }

  const workerOptions = () => ({
    adminFor: (shop: string) => backgroundAdmin(shop, access(), env.clock.now),
  });

  it("refreshes a token that expires during the batch and buys each order once", async () => {
    const first = await installWithExpiringToken();
    expect(first.expires).toBeDefined();
    const orders = env.orders(5);
    const batchId = await env.create(orders);
    const worker = env.worker({
      ...workerOptions(),
      // An hour passes between buying and writing back: the token Shopify gave has expired by then.
      hooks: { at: (point) => (point === "after-record" ? env.clock.advance(61 * 60_000) : undefined) },
    });
    for (let round = 0; round < 6; round++) {
      await worker.workOnce();
      env.clock.advance(60_000);
    }
    const batch = await env.db().frankingBatch.findUniqueOrThrow({ where: { id: batchId } });
    expect(batch.status).toBe("DONE");
    expect(refreshes).toBeGreaterThanOrEqual(1);
    expect([...sessions.values()][0]?.accessToken).not.toBe(first.accessToken);
    const shop = env.fake.shop(env.shop.domain);
    for (const order of orders)
      expect(shop.requireOrder(order.orderId).fulfillments, order.orderName).toHaveLength(1);
    await env.expectMoneyMatches();
  });

  it("lets a shop whose refresh Shopify refuses wait, buying nothing, until the merchant opens the app", async () => {
    await installWithExpiringToken();
    env.fake.shop(env.shop.domain).refreshTokens.clear();
    env.clock.advance(61 * 60_000);
    const batchId = await env.create(env.orders(3));
    const worker = env.worker(workerOptions());
    await worker.workOnce();
    const db = env.db();
    expect(
      (await db.shop.findUniqueOrThrow({ where: { domain: env.shop.domain } })).shopifyAccessLostAt,
    ).not.toBeNull();
    expect(await db.voucher.count({ where: { batchId } })).toBe(0);
    const waiting = await db.frankingBatch.findUniqueOrThrow({ where: { id: batchId } });
    expect([waiting.status, waiting.attempts]).toEqual(["RUNNING", 0]);
    // The next passes do not even look at it.
    expect(await worker.workOnce()).toBe(0);

    // The merchant opens the app: token exchange stores a new session and the shop is reachable again.
    await installWithExpiringToken();
    await recordInstall(db, env.shop.domain, null);
    expect(await settle(env, batchId)).toBe("DONE");
    await env.expectMoneyMatches();
  });
});

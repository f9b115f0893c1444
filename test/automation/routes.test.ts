import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getJwt } from "@shopify/shopify-api/test-helpers";
import { beforeAll, describe, expect, it } from "vitest";
import { responseOf, TEST_APP } from "../support/app-env";
import { SHOP, useAutomation } from "./harness";

/** Settings → Automatik and its notices through the real `authenticate.admin` (bearer session token). */
type Route = (args: ActionFunctionArgs | LoaderFunctionArgs) => Promise<unknown>;
const env = useAutomation("sqlite");
let page: { loader: Route; action: Route };
let batches: { loader: Route };

beforeAll(async () => {
  page = await import("~/routes/app.settings.automation");
  batches = await import("~/routes/app.batches._index");
});

async function call(route: Route, path: string, form?: Record<string, string>, shop = SHOP) {
  const { token } = await getJwt(shop.replace(".myshopify.com", ""), TEST_APP.apiKey, TEST_APP.apiSecret);
  const request = new Request(`${TEST_APP.appUrl}${path}?locale=de`, {
    method: form ? "POST" : "GET",
    headers: { Authorization: `Bearer ${token}` },
    ...(form ? { body: new URLSearchParams(form) } : {}),
  });
  const response = await responseOf(() => route({ request, params: {}, context: {} }));
  expect(response.status).toBe(200);
  return response.json();
}

const PATH = "/app/settings/automation";
const save = (form: Record<string, string>) => call(page.action, PATH, { intent: "save", ...form });

describe("Settings → Automatik", () => {
  it("saves rules, refuses bad fields by name, runs now, tells the merchant and lets the notice be dismissed", async () => {
    // The pages run on the wall clock; the fake's orders must be created on it too.
    env.clock.advance(Date.now() - env.clock.now().getTime());
    expect((await call(page.loader, PATH)).config).toMatchObject({
      enabled: false,
      times: ["14:00"],
      timeZone: "Europe/Berlin",
    });

    const invalid = await save({ enabled: "on", schedule: "times", times: "14 Uhr", dailyLimit: "viel" });
    expect(invalid).toMatchObject({ intent: "save", ok: false });
    expect(invalid.errors.map((e: { path: string }) => e.path).sort()).toEqual(["dailyLimit", "times"]);
    expect((await call(page.loader, PATH)).config.enabled).toBe(false);

    expect(
      await save({ enabled: "on", schedule: "times", times: "14:00", countries: "DE", dailyLimit: "50,00" }),
    ).toEqual({ intent: "save", ok: true });
    const loaded = await call(page.loader, PATH);
    expect(loaded.config).toMatchObject({ enabled: true, countries: ["DE"], dailyLimitCents: 5_000 });
    expect(loaded.products.length).toBeGreaterThan(10);

    env.clock.advance(Date.now() - env.clock.now().getTime() + 1_000);
    const order = await env.place();
    await env.fake.whenIdle();
    const ran = await call(page.action, PATH, { intent: "run" });
    expect(ran).toMatchObject({ intent: "run", ok: true, status: "DONE" });
    const batch = await env.db().frankingOrder.findFirstOrThrow({ where: { orderId: order } });

    const listed = await call(batches.loader, "/app/batches");
    expect(listed.automationNotices).toEqual([
      expect.objectContaining({ status: "DONE", batchId: batch.batchId, orderCount: 1 }),
    ]);
    // Another shop cannot dismiss it; this shop can.
    await env.db().session.create({
      data: {
        id: "offline_andere-shop.myshopify.com",
        shop: "andere-shop.myshopify.com",
        state: "",
        accessToken: "x",
      },
    });
    await call(
      page.action,
      PATH,
      { intent: "dismiss", runId: listed.automationNotices[0].runId },
      "andere-shop.myshopify.com",
    );
    expect((await call(batches.loader, "/app/batches")).automationNotices).toHaveLength(1);
    await call(page.action, PATH, { intent: "dismiss", runId: listed.automationNotices[0].runId });
    expect((await call(batches.loader, "/app/batches")).automationNotices).toEqual([]);

    expect(await call(page.action, PATH, { intent: "pause" })).toEqual({ intent: "pause", ok: true });
    expect(await call(page.action, PATH, { intent: "run" })).toEqual({
      intent: "run",
      ok: false,
      message: "automation.runNow.paused",
    });
    expect((await call(page.loader, PATH)).paused).toBe(true);
  }, 60_000);
});

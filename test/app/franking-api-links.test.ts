/**
 * The signed label links in the franking API's answers (`GET /api/batches/:id`, `GET /api/orders/franking`),
 * as the admin extensions use them: asked for with the extension's session token, then opened without one
 * (a new tab, the admin's print preview) through the real label routes.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { labelLinkKey } from "~/batches/links.server";
import { API_LINK_TTL_MS } from "~/franking/label-links.server";
import { verifyLabelUrl } from "~/labels/signed-url.server";
import { responseOf, TEST_APP } from "../support/app-env";
import {
  AppError,
  buyingDone,
  fetchBatch,
  fetchOrderFrankings,
  fetchOrderRefunds,
} from "../../extensions/frankiermeister-admin/src/api";
import { extensionFetch } from "./extension-fetch";
import { nextOrder, seedBatch } from "./franked-batches";
import { bearer, OTHER_SHOP, SHOP, useRouteEnv } from "./route-env";

const env = useRouteEnv();
type Loader = (args: LoaderFunctionArgs) => Promise<Response>;
let batchStatus: Loader;
let franking: Loader;
let batchLabels: Loader;
let manifest: Loader;
let orderLabels: Loader;
let refunds: Loader;

beforeAll(async () => {
  batchStatus = (await import("~/routes/api.batches.$id")).loader;
  franking = (await import("~/routes/api.orders.franking")).loader;
  batchLabels = (await import("~/routes/labels.$batchId")).loader;
  manifest = (await import("~/routes/labels.$batchId_.manifest")).loader;
  orderLabels = (await import("~/routes/labels.orders[.]pdf")).loader;
  refunds = (await import("~/routes/api.refunds")).loader;
});

const link = z.string().startsWith(`${TEST_APP.appUrl}/labels/`);
const batchAnswer = z.object({ id: z.string(), labelUrl: link.nullable(), manifestUrl: link.nullable() });
const frankingAnswer = z.object({
  orders: z.array(z.object({ orderId: z.string(), status: z.string(), labelUrl: link.nullable() })),
  labelsUrl: link.nullable(),
});

/** A request from an admin extension: the shop's session token, from the extensions' origin. */
async function fromExtension(loader: Loader, path: string, params: Record<string, string>, shop = SHOP) {
  const request = new Request(`${TEST_APP.appUrl}${path}`, {
    headers: { ...(await bearer(shop)), Origin: "https://extensions.shopifycdn.com" },
  });
  return responseOf(() => loader({ request, params, context: {} }));
}

/** Opening a link as a new tab or the print preview does: no session token, no cookies. */
function open(loader: Loader, href: string, params: Record<string, string> = {}) {
  return responseOf(() => loader({ request: new Request(href), params, context: {} }));
}

async function getBatch(batchId: string, shop = SHOP) {
  return fromExtension(batchStatus, `/api/batches/${batchId}`, { id: batchId }, shop);
}

async function getFranking(orderIds: readonly string[]) {
  const response = await fromExtension(franking, `/api/orders/franking?ids=${orderIds.join(",")}`, {});
  expect(response.status).toBe(200);
  return frankingAnswer.parse(await response.json());
}

/** The link's signature is the app's, for `shop`, and it expires within the API's short lifetime. */
function expectSignedFor(href: string, shop: string, pathname: string) {
  const now = new Date();
  const check = verifyLabelUrl(href, labelLinkKey(TEST_APP.apiSecret), now);
  if (!check.ok) throw new Error(`${href} is not a valid signed link: ${check.reason}`);
  expect(check).toMatchObject({ shop, pathname });
  const lifetime = check.expiresAt.getTime() - now.getTime();
  expect(lifetime).toBeLessThanOrEqual(API_LINK_TTL_MS);
  expect(lifetime).toBeGreaterThan(API_LINK_TTL_MS - 60_000);
}

const numeric = (gid: string | undefined) => gid?.split("/").pop() ?? "";
const idsOf = (href: string | null) => new URL(href ?? "/", TEST_APP.appUrl).searchParams.get("ids");
const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());

describe("GET /api/batches/:id", () => {
  it("answers signed links to the labels and the Einlieferungsliste that open without a session token", async () => {
    const { batchId } = await env.pdfBatch(SHOP, [[1007], [1002, 1]], { manifest: true });
    const response = await getBatch(batchId);
    expect(response.status).toBe(200);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const batch = batchAnswer.parse(await response.json());
    expect(batch.labelUrl).not.toBeNull();
    expect(batch.manifestUrl).not.toBeNull();
    expectSignedFor(batch.labelUrl ?? "", SHOP, `/labels/${batchId}`);
    expectSignedFor(batch.manifestUrl ?? "", SHOP, `/labels/${batchId}/manifest`);

    const labels = await open(batchLabels, batch.labelUrl ?? "", { batchId });
    expect(labels.status).toBe(200);
    expect(labels.headers.get("Content-Type")).toBe("application/pdf");
    expect(labels.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect((await PDFDocument.load(await bytesOf(labels))).getPageCount()).toBe(2);
    const list = await open(manifest, batch.manifestUrl ?? "", { batchId });
    expect(list.status).toBe(200);
    expect(list.headers.get("Content-Type")).toBe("application/pdf");
  });

  it("has no Einlieferungsliste link without Einschreiben; a PNG batch's link is its labels ready to stick", async () => {
    const pdf = await env.pdfBatch(SHOP, [2]);
    const plain = batchAnswer.parse(await (await getBatch(pdf.batchId)).json());
    expect(plain.manifestUrl).toBeNull();
    expectSignedFor(plain.labelUrl ?? "", SHOP, `/labels/${pdf.batchId}`);

    const png = await env.pngBatch(SHOP, [2]);
    const answer = batchAnswer.parse(await (await getBatch(png.batchId)).json());
    expect(answer.labelUrl).toContain(`${TEST_APP.appUrl}/labels/${png.batchId}?format=png-labels&`);
    const labels = await open(batchLabels, answer.labelUrl ?? "", { batchId: png.batchId });
    expect([labels.status, labels.headers.get("Content-Type")]).toEqual([200, "application/pdf"]);
  });

  it("has no links while nothing was bought", async () => {
    const db = await env.appDb();
    const order = { ...nextOrder(), productCode: 1, productName: "Standardbrief", priceCents: 95 };
    const { batchId } = await seedBatch(db, {
      shopDomain: SHOP,
      labelFormat: "PDF",
      status: "RUNNING",
      carts: [
        {
          shopOrderId: `unbought-${order.orderId}`,
          labelBytes: null,
          orders: [{ ...order, slot: null, voucher: null }],
        },
      ],
    });
    const batch = batchAnswer.parse(await (await getBatch(batchId)).json());
    expect([batch.labelUrl, batch.manifestUrl]).toEqual([null, null]);
  });

  it("still answers 404 for another shop's batch, and signs a shop's links for that shop only", async () => {
    const { batchId } = await env.pdfBatch(OTHER_SHOP, [1]);
    const refused = await getBatch(batchId, SHOP);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toEqual({ error: "not_found" });

    const own = batchAnswer.parse(await (await getBatch(batchId, OTHER_SHOP)).json());
    expectSignedFor(own.labelUrl ?? "", OTHER_SHOP, `/labels/${batchId}`);
    const retargeted = (own.labelUrl ?? "").replace(`shop=${OTHER_SHOP}`, `shop=${SHOP}`);
    expect((await open(batchLabels, retargeted, { batchId })).status).toBe(403);
  });
});

describe("GET /api/orders/franking", () => {
  it("gives each order with a printable stamp a signed labelUrl, and one labelsUrl for them in the order asked", async () => {
    const { carts } = await env.pdfBatch(SHOP, [3]);
    const [first, refunded, kept] = carts[0]?.orders ?? [];
    const db = await env.appDb();
    const shop = await db.shop.findUniqueOrThrow({ where: { domain: SHOP } });
    for (const [order, state] of [
      [refunded, "REFUNDED"],
      [kept, "NOT_REFUNDED"],
    ] as const) {
      await db.refund.create({
        data: {
          voucherId: order?.voucher?.voucherId ?? "",
          shopId: shop.id,
          orderId: order?.orderId ?? "",
          source: "MANUAL",
          state,
          priceCents: 95,
        },
      });
    }
    const never = nextOrder().orderId;
    const asked = [kept?.orderId ?? "", never, refunded?.orderId ?? "", first?.orderId ?? ""];

    const answer = await getFranking(asked);
    expect(answer.orders.map((o) => [o.orderId, o.status, o.labelUrl === null])).toEqual([
      [kept?.orderId, "BOUGHT", false],
      [never, "NOT_FRANKED", true],
      [refunded?.orderId, "BOUGHT", true],
      [first?.orderId, "BOUGHT", false],
    ]);
    const keptLink = answer.orders[0]?.labelUrl ?? "";
    expectSignedFor(keptLink, SHOP, "/labels/orders.pdf");
    expect(idsOf(keptLink)).toBe(numeric(kept?.orderId));
    expectSignedFor(answer.labelsUrl ?? "", SHOP, "/labels/orders.pdf");
    expect(idsOf(answer.labelsUrl)).toBe(`${numeric(kept?.orderId)},${numeric(first?.orderId)}`);

    const printed = await open(orderLabels, answer.labelsUrl ?? "");
    expect(printed.status).toBe(200);
    expect(printed.headers.get("Content-Type")).toBe("application/pdf");
    expect(printed.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(printed.headers.get("X-Missing-Orders")).toBe("");
    expect((await open(orderLabels, keptLink)).status).toBe(200);
  });

  it("has no label links for orders of a PNG batch, nor for another shop's orders", async () => {
    const png = await env.pngBatch(SHOP, [1]);
    const other = await env.pdfBatch(OTHER_SHOP, [1]);
    const pngOrder = png.carts[0]?.orders[0]?.orderId ?? "";
    const otherOrder = other.carts[0]?.orders[0]?.orderId ?? "";

    const answer = await getFranking([pngOrder, otherOrder]);
    expect(answer.orders).toEqual([
      expect.objectContaining({ orderId: pngOrder, status: "BOUGHT", labelUrl: null }),
      expect.objectContaining({ orderId: otherOrder, status: "NOT_FRANKED", labelUrl: null }),
    ]);
    expect(answer.labelsUrl).toBeNull();
  });
});

describe("the admin extensions' own calls against these routes", () => {
  it("read the real answers: batch with links, the orders' franking and an order's Retoure", async () => {
    const { batchId, carts } = await env.pdfBatch(SHOP, [[1007, 1]], { manifest: true });
    const [registered, handedBack] = carts[0]?.orders ?? [];
    const other = await env.pdfBatch(OTHER_SHOP, [1]);
    const db = await env.appDb();
    const shop = await db.shop.findUniqueOrThrow({ where: { domain: SHOP } });
    await db.refund.create({
      data: {
        voucherId: handedBack?.voucher?.voucherId ?? "",
        shopId: shop.id,
        orderId: handedBack?.orderId ?? "",
        source: "MANUAL",
        state: "PENDING",
        priceCents: 95,
      },
    });
    const routes = [
      { path: /^\/api\/batches\/(?<id>[^/]+)$/, loader: batchStatus },
      { path: /^\/api\/orders\/franking$/, loader: franking },
      { path: /^\/api\/refunds$/, loader: refunds },
    ];
    vi.stubGlobal("fetch", extensionFetch(routes, SHOP));
    try {
      const batch = await fetchBatch(batchId);
      expect(batch).toMatchObject({
        id: batchId,
        status: "DONE",
        error: null,
        counts: { orders: 2, bought: 2 },
      });
      expect(buyingDone(batch)).toBe(true);
      expect((await open(batchLabels, batch.labelUrl ?? "", { batchId })).status).toBe(200);
      expect((await open(manifest, batch.manifestUrl ?? "", { batchId })).status).toBe(200);

      const frankings = await fetchOrderFrankings([registered?.orderId ?? "", handedBack?.orderId ?? ""]);
      expect(frankings.orders.map((o) => [o.status, o.labelUrl === null])).toEqual([
        ["BOUGHT", false],
        ["BOUGHT", true],
      ]);
      expect(idsOf(frankings.labelsUrl)).toBe(numeric(registered?.orderId));
      expect((await open(orderLabels, frankings.labelsUrl ?? "")).status).toBe(200);

      expect(await fetchOrderRefunds(handedBack?.orderId ?? "")).toEqual([
        { voucherId: handedBack?.voucher?.voucherId, state: "PENDING", reason: null },
      ]);

      const refused: unknown = await fetchBatch(other.batchId).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(AppError);
      expect(refused).toMatchObject({ kind: "refused", status: 404, code: "not_found" });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

import type { LoaderFunctionArgs } from "@remix-run/node";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { pageTexts, positionedTexts } from "../support/pdf-page-text";
import { signedLink } from "~/batches/links.server";
import { inspectPdf, inspectPng, pdfText, unzip } from "../simulators/internetmarke/testing/inspect";
import { responseOf, TEST_APP } from "../support/app-env";
import { bearer, OTHER_SHOP, SHOP, useRouteEnv } from "./route-env";

const env = useRouteEnv();
type Loader = (args: LoaderFunctionArgs) => Promise<Response>;
let labels: Loader;
let manifest: Loader;
let orders: Loader;

beforeAll(async () => {
  labels = (await import("~/routes/labels.$batchId")).loader;
  manifest = (await import("~/routes/labels.$batchId_.manifest")).loader;
  orders = (await import("~/routes/labels.orders[.]pdf")).loader;
});

const sign = (shop: string, resource: string, now = new Date(), ttlMs?: number) =>
  signedLink(shop, resource, { apiSecret: TEST_APP.apiSecret, now, ttlMs });

function call(
  loader: Loader,
  path: string,
  params: Record<string, string> = {},
  headers: Record<string, string> = {},
) {
  const request = new Request(`${TEST_APP.appUrl}${path}`, { headers });
  return responseOf(() => loader({ request, params, context: {} }));
}

const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());

describe("GET /labels/:batchId", () => {
  it("serves the merged PDF of the batch for a signed link of its shop", async () => {
    const { batchId, carts } = await env.pdfBatch(SHOP, [3, 12]);
    const response = await call(labels, sign(SHOP, `/labels/${batchId}`), { batchId });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^inline; filename="frankierung-2025-10-06-\w{6}\.pdf"/,
    );
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const pages = await inspectPdf(await bytesOf(response));
    expect(pages.map((p) => p.stamps.length)).toEqual([3, 10, 2]);
    const first = pages[0]?.stamps[0]?.texts.join(" ");
    expect(first).toContain(carts[0]?.bought.vouchers[0]?.voucherId);
  });

  it("prints each order's name and, beside a franking-zone stamp, its address into the stamp's own cell", async () => {
    const { batchId, carts } = await env.pdfBatch(SHOP, [3]);
    const bytes = await bytesOf(await call(labels, sign(SHOP, `/labels/${batchId}`), { batchId }));
    const [stamps] = (await inspectPdf(bytes)).map((p) => p.stamps);
    const [texts = []] = await positionedTexts(bytes);
    const orders = carts[0]?.orders ?? [];
    expect(orders).toHaveLength(3);
    orders.forEach((order, i) => {
      const box = stamps?.[i]?.box;
      if (!box) throw new Error(`no stamp ${i}`);
      const inCell = texts.filter(
        (t) => t.x >= box.x && t.x <= box.x + box.width && t.y >= box.y && t.y <= box.y + box.height,
      );
      const words = inCell.map((t) => t.text);
      expect(words).toContain(order.orderName);
      expect(words).toContain(`Erika Muster ${i + 1}`);
      expect(words).toContain("51147 Köln");
      // In the lower half, below the franking zone.
      for (const t of inCell.filter((t) => t.text === "51147 Köln" || t.text === order.orderName)) {
        expect(t.y).toBeLessThan(box.y + box.height / 2);
      }
      expect(texts.filter((t) => t.text === order.orderName)).toHaveLength(1);
    });
  });

  it("serves it for a session token of the shop (authenticate.admin), with CORS for extensions", async () => {
    const { batchId } = await env.pdfBatch(SHOP, [2]);
    const response = await call(
      labels,
      `/labels/${batchId}`,
      { batchId },
      {
        ...(await bearer(SHOP)),
        Origin: "https://extensions.shopifycdn.com",
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect((await PDFDocument.load(await bytesOf(response))).getPageCount()).toBe(1);
  });

  it("answers 404 for another shop's batch, by signed link and by session token", async () => {
    const { batchId } = await env.pdfBatch(SHOP, [1]);
    expect((await call(labels, sign(OTHER_SHOP, `/labels/${batchId}`), { batchId })).status).toBe(404);
    expect((await call(labels, `/labels/${batchId}`, { batchId }, await bearer(OTHER_SHOP))).status).toBe(
      404,
    );
    expect(
      (await call(labels, sign(SHOP, "/labels/no-such-batch"), { batchId: "no-such-batch" })).status,
    ).toBe(404);
  });

  it("refuses a forged, re-targeted or expired link", async () => {
    const { batchId } = await env.pdfBatch(SHOP, [1]);
    const link = sign(SHOP, `/labels/${batchId}`);
    const forged = link.replace(/sig=(.)/, (_, first: string) => `sig=${first === "A" ? "B" : "A"}`);
    expect((await call(labels, forged, { batchId })).status).toBe(403);
    const retargeted = link.replace(`shop=${SHOP}`, `shop=${OTHER_SHOP}`);
    expect((await call(labels, retargeted, { batchId })).status).toBe(403);
    const other = await env.pdfBatch(SHOP, [1]);
    const moved = link.replace(`/labels/${batchId}`, `/labels/${other.batchId}`);
    expect((await call(labels, moved, { batchId: other.batchId })).status).toBe(403);
    const expired = sign(SHOP, `/labels/${batchId}`, new Date(Date.now() - 2 * 3_600_000));
    const response = await call(labels, expired, { batchId });
    expect(response.status).toBe(410);
    expect(await response.text()).toMatch(/expired/);
  });

  it("without a link or session token it is not served", async () => {
    const { batchId } = await env.pdfBatch(SHOP, [1]);
    const response = await call(labels, `/labels/${batchId}`, { batchId });
    // authenticate.admin sends a request without a session token to the login (a redirect, no labels).
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/auth\/login/);
  });

  it("serves the PNG ZIP of a PNG batch, named after the orders in batch order", async () => {
    const { batchId, carts } = await env.pngBatch(SHOP, [2, 1]);
    const response = await call(labels, sign(SHOP, `/labels/${batchId}?format=png`), { batchId });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/zip");
    const entries = unzip(await bytesOf(response));
    const seeded = carts.flatMap((c) => c.orders);
    expect(Object.keys(entries)).toEqual(seeded.map((o, i) => `00${i + 1}-${o.orderName}.png`));
    expect(Object.values(entries).map((png) => inspectPng(png).text.Voucher)).toEqual(
      seeded.map((o) => o.voucher?.voucherId),
    );
    expect((await call(labels, sign(SHOP, `/labels/${batchId}?format=pdf`), { batchId })).status).toBe(404);

    expect(response.headers.get("Content-Disposition")).toMatch(/filename="marken-2025-10-06-\w{6}\.zip"/);
  });

  it("serves a PNG batch's labels ready to stick: one page per stamp with its order name and address (ADR 023)", async () => {
    const { batchId, carts } = await env.pngBatch(SHOP, [2, 1]);
    const seeded = carts.flatMap((c) => c.orders);
    for (const path of [`/labels/${batchId}?format=png-labels`, `/labels/${batchId}`]) {
      const response = await call(labels, sign(SHOP, path), { batchId });
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("application/pdf");
      expect(response.headers.get("Content-Disposition")).toMatch(
        /^inline; filename="etiketten-2025-10-06-\w{6}\.pdf"/,
      );
      const texts = await pageTexts(await bytesOf(response));
      // Batch order (cart by cart), each page its own order's name and address.
      expect(texts).toEqual(
        seeded.map((o, i) => [`Erika Muster ${(i % 2) + 1}`, "Heidestr. 17", "51147 Köln", o.orderName]),
      );
    }
    const pdfBatch = await env.pdfBatch(SHOP, [1]);
    const wrong = sign(SHOP, `/labels/${pdfBatch.batchId}?format=png-labels`);
    expect((await call(labels, wrong, { batchId: pdfBatch.batchId })).status).toBe(404);
  });

  it("prints one order of a PNG batch as its own label, and orders of PDF and PNG batches together", async () => {
    const png = await env.pngBatch(SHOP, [2, 1]);
    const pngOrders = png.carts.flatMap((c) => c.orders);
    const second = pngOrders[1];
    const idOf = (order: { orderId: string } | undefined) => order?.orderId.split("/").pop() ?? "";
    const one = await call(orders, sign(SHOP, `/labels/orders.pdf?ids=${idOf(second)}`), {}, {});
    expect(one.status).toBe(200);
    expect(await pageTexts(await bytesOf(one))).toEqual([["Erika Muster 2", "Heidestr. 17", "51147 Köln", second?.orderName]]);

    const sheet = await env.pdfBatch(SHOP, [2]);
    const fromSheet = sheet.carts[0]?.orders[1];
    const both = await call(orders, sign(SHOP, `/labels/orders.pdf?ids=${idOf(fromSheet)},${idOf(pngOrders[2])}`), {}, {});
    expect(both.status).toBe(200);
    const pages = await pageTexts(await bytesOf(both));
    expect(pages).toHaveLength(2);
    expect(pages[0]?.join(" ")).toContain(fromSheet?.voucher?.voucherId);
    expect(pages[1]).toEqual(["Erika Muster 1", "Heidestr. 17", "51147 Köln", pngOrders[2]?.orderName]);
  });

  it("fetches lost label bytes again from Deutsche Post and stores them", async () => {
    await env.linkPortokasse(SHOP);
    const { batchId, carts } = await env.pdfBatch(SHOP, [2]);
    const db = await env.appDb();
    await db.frankingCart.updateMany({ where: { batchId }, data: { labelBytes: null } });
    const response = await call(labels, sign(SHOP, `/labels/${batchId}`), { batchId });
    expect(response.status).toBe(200);
    const text = await pdfText(await bytesOf(response));
    expect(text).toContain(carts[0]?.bought.vouchers[1]?.voucherId);
    const cart = await db.frankingCart.findFirstOrThrow({ where: { batchId } });
    expect(cart.labelBytes?.byteLength).toBeGreaterThan(1000);
    expect(cart.fetchedAt).toBeInstanceOf(Date);
  });

  it("answers 502 when lost bytes cannot be fetched again (no Portokasse linked)", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { batchId } = await env.pdfBatch(SHOP, [1]);
    await (await env.appDb()).frankingCart.updateMany({ where: { batchId }, data: { labelBytes: null } });
    expect((await call(labels, sign(SHOP, `/labels/${batchId}`), { batchId })).status).toBe(502);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/could not be fetched again/));
    warn.mockRestore();
  });
});

describe("GET /labels/:batchId/manifest", () => {
  it("serves Deutsche Post's manifests when stored", async () => {
    const { batchId, carts } = await env.pdfBatch(SHOP, [[1007], [1002, 1]], { manifest: true });
    const response = await call(manifest, sign(SHOP, `/labels/${batchId}/manifest`), { batchId });
    expect(response.status).toBe(200);
    expect(response.headers.get("X-Einlieferungsliste-Source")).toBe("deutsche_post");
    const text = await pdfText(await bytesOf(response));
    expect(text).toContain("Einlieferungsbeleg");
    expect(text).toContain(carts[1]?.bought.vouchers[0]?.voucherId);
  });

  it("draws the posting list when the manifests are gone, and is 404 for another shop", async () => {
    const { batchId, carts } = await env.pdfBatch(SHOP, [[1007, 1]]);
    const response = await call(manifest, sign(SHOP, `/labels/${batchId}/manifest`), { batchId });
    expect(response.headers.get("X-Einlieferungsliste-Source")).toBe("generated");
    const text = await pdfText(await bytesOf(response));
    expect(text).toContain(carts[0]?.bought.vouchers[0]?.trackId);
    expect(text).toContain("Erika Muster 1");
    expect(text).not.toContain(carts[0]?.bought.vouchers[1]?.voucherId);
    expect((await call(manifest, sign(OTHER_SHOP, `/labels/${batchId}/manifest`), { batchId })).status).toBe(
      404,
    );
  });
});

describe("GET /labels/orders.pdf", () => {
  it("prints each chosen order's label on a page of its own, without other orders' stamps, across carts", async () => {
    const { carts } = await env.pdfBatch(SHOP, [12, 1]);
    const [a, b] = carts;
    const wanted = [a?.orders[11], b?.orders[0]];
    const ids = wanted.map((o) => o?.orderId.split("/").pop()).join(",");
    const response = await call(orders, sign(SHOP, `/labels/orders.pdf?ids=${ids}`), {}, {});
    expect(response.status).toBe(200);
    const pages = await pageTexts(await bytesOf(response));
    expect(pages).toHaveLength(2);
    const all = (a?.orders ?? []).concat(b?.orders ?? []);
    pages.forEach((texts, i) => {
      const own = wanted[i];
      const printed = texts.join(" ");
      expect(printed).toContain(own?.voucher?.voucherId);
      expect(printed).toContain(own?.orderName);
      for (const other of all.filter((o) => o !== own))
        expect(printed).not.toContain(other.voucher?.voucherId);
    });
  });

  it("finds nothing of another shop's orders", async () => {
    const { carts } = await env.pdfBatch(SHOP, [1]);
    const id = carts[0]?.orders[0]?.orderId ?? "";
    expect(
      (await call(orders, `/labels/orders.pdf?ids=${encodeURIComponent(id)}`, {}, await bearer(OTHER_SHOP)))
        .status,
    ).toBe(404);
    expect(
      (await call(orders, `/labels/orders.pdf?ids=${encodeURIComponent(id)}`, {}, await bearer(SHOP))).status,
    ).toBe(200);
  });
});

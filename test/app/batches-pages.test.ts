import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { labelLinkKey } from "~/batches/links.server";
import { verifyLabelUrl } from "~/labels/signed-url.server";
import { responseOf, TEST_APP } from "../support/app-env";
import { bearer, OTHER_SHOP, SHOP, useRouteEnv } from "./route-env";

const env = useRouteEnv();
type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
let list: typeof import("~/routes/app.batches._index").loader;
let detail: typeof import("~/routes/app.batches.$id").loader;
let csv: Loader;

beforeAll(async () => {
  list = (await import("~/routes/app.batches._index")).loader;
  detail = (await import("~/routes/app.batches.$id")).loader;
  csv = (await import("~/routes/batches[.]csv")).loader;
});

async function request(path: string, shop = SHOP) {
  return new Request(`${TEST_APP.appUrl}${path}`, {
    headers: { ...(await bearer(shop)), "Accept-Language": "de-DE" },
  });
}

const verify = (link: string | null | undefined) =>
  verifyLabelUrl(link ?? "", labelLinkKey(TEST_APP.apiSecret), new Date());

describe("the batches list (authenticate.admin with a session token)", () => {
  it("shows the shop's batches with counts and cost, and a signed CSV link for the month", async () => {
    await env.pdfBatch(SHOP, [[1, 1007], [1]]);
    await env.pdfBatch(OTHER_SHOP, [1]);
    const data = await list({ request: await request("/app/batches"), params: {}, context: {} });
    expect(data.locale).toBe("de");
    expect(data.batches).toHaveLength(1);
    expect(data.batches[0]).toMatchObject({
      status: "DONE",
      labelFormat: "PDF",
      spentCents: 95 + 360 + 95,
      counts: { total: 3, franked: 3, failed: 0, skipped: 0, waiting: 0 },
    });
    expect(verify(data.exportForm.link)).toMatchObject({ ok: true, shop: SHOP, pathname: "/batches.csv" });
  });

  it("refuses an invalid range", async () => {
    const data = await list({
      request: await request("/app/batches?from=2025-10-05&to=2025-10-01"),
      params: {},
      context: {},
    });
    expect(data.exportForm).toEqual({ from: "2025-10-05", to: "2025-10-01", link: null });
  });

  it("without a session token there is no page data", async () => {
    const response = await responseOf(() =>
      list({ request: new Request(`${TEST_APP.appUrl}/app/batches`), params: {}, context: {} }),
    );
    expect(response.status).toBe(302);
  });
});

describe("one batch", () => {
  it("shows every order with product, voucher, tracking and status, and signed links for this shop", async () => {
    const { batchId, carts } = await env.pdfBatch(SHOP, [[1007, 1]]);
    const data = await detail({
      request: await request(`/app/batches/${batchId}`),
      params: { id: batchId },
      context: {},
    });
    const [registered, plain] = carts[0]?.bought.vouchers ?? [];
    expect(
      data.batch.lines.map((l) => [l.productName, l.priceCents, l.voucherId, l.trackingNumber, l.status]),
    ).toEqual([
      ["Standardbrief Integral + EINSCHREIBEN", 360, registered?.voucherId, registered?.trackId, "BOUGHT"],
      ["Standardbrief", 95, plain?.voucherId, null, "BOUGHT"],
    ]);
    expect(data.batch).toMatchObject({ active: false, progress: 100, hasLabels: true, hasRegistered: true });
    expect(verify(data.links.labels)).toMatchObject({ ok: true, shop: SHOP, pathname: `/labels/${batchId}` });
    expect(verify(data.links.manifest)).toMatchObject({ ok: true, pathname: `/labels/${batchId}/manifest` });
    expect(verify(data.links.csv)).toMatchObject({ ok: true, pathname: "/batches.csv" });
    expect(Object.keys(data.links.reprint)).toEqual(carts[0]?.orders.map((o) => o.orderId));
  });

  it("links a PNG batch's labels ready to stick (PDF) and, beside them, its stamp images (ZIP)", async () => {
    const { batchId } = await env.pngBatch(SHOP, [2]);
    const data = await detail({
      request: await request(`/app/batches/${batchId}`),
      params: { id: batchId },
      context: {},
    });
    const labels = new URL(data.links.labels ?? "", TEST_APP.appUrl);
    const images = new URL(data.links.stampImages ?? "", TEST_APP.appUrl);
    expect(verify(data.links.labels)).toMatchObject({ ok: true, shop: SHOP, pathname: `/labels/${batchId}` });
    expect(labels.searchParams.get("format")).toBe("png-labels");
    expect(verify(data.links.stampImages)).toMatchObject({ ok: true, pathname: `/labels/${batchId}` });
    expect(images.searchParams.get("format")).toBe("png");
    const pdf = await env.pdfBatch(SHOP, [1]);
    const other = await detail({
      request: await request(`/app/batches/${pdf.batchId}`),
      params: { id: pdf.batchId },
      context: {},
    });
    expect(other.links.stampImages).toBeNull();
  });

  it("shows a running batch's progress", async () => {
    const { batchId } = await env.pdfBatch(SHOP, [2]);
    const db = await env.appDb();
    await db.frankingBatch.update({ where: { id: batchId }, data: { status: "RUNNING" } });
    const [first] = await db.frankingOrder.findMany({ where: { batchId }, orderBy: { position: "desc" } });
    await db.voucher.deleteMany({ where: { batchOrderId: first?.id } });
    await db.frankingOrder.update({ where: { id: first?.id }, data: { status: "QUEUED" } });
    const data = await detail({
      request: await request(`/app/batches/${batchId}`),
      params: { id: batchId },
      context: {},
    });
    expect(data.batch).toMatchObject({ active: true, progress: 50, counts: { franked: 1, waiting: 1 } });
  });

  it("is 404 for another shop's batch", async () => {
    const { batchId } = await env.pdfBatch(SHOP, [1]);
    const foreign = await request(`/app/batches/${batchId}`, OTHER_SHOP);
    const response = await responseOf(() =>
      detail({ request: foreign, params: { id: batchId }, context: {} }),
    );
    expect(response.status).toBe(404);
  });
});

describe("GET /batches.csv", () => {
  const get = async (link: string) =>
    responseOf(() => csv({ request: new Request(`${TEST_APP.appUrl}${link}`), params: {}, context: {} }));

  /** The lines of a CSV answer, after checking it starts with the UTF-8 byte order mark Excel needs. */
  async function csvLines(response: Response): Promise<string[]> {
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(3)).split("\r\n");
  }

  it("exports a batch's stamps for German Excel through the page's signed link", async () => {
    const { batchId, carts } = await env.pdfBatch(SHOP, [[1007, 1]]);
    const [v1, v2] = carts[0]?.bought.vouchers ?? [];
    const [o1, o2] = carts[0]?.orders ?? [];
    const db = await env.appDb();
    const shop = await db.shop.findUniqueOrThrow({ where: { domain: SHOP } });
    const refund = { source: "MANUAL", state: "REFUNDED", priceCents: 95 };
    await db.refund.create({
      data: { ...refund, voucherId: v2?.voucherId ?? "", shopId: shop.id, orderId: o2?.orderId ?? "" },
    });
    const data = await detail({
      request: await request(`/app/batches/${batchId}`),
      params: { id: batchId },
      context: {},
    });
    const response = await get(data.links.csv);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="frankierung-\w{6}\.csv"/,
    );
    const lines = await csvLines(response);
    expect(lines).toEqual([
      "Datum;Stapel;Bestellung;Produktcode;Produkt;Preis EUR;Frankier-ID;Sendungsnummer;Retoure",
      `06.10.2025;${batchId};${o1?.orderName};1007;Standardbrief Integral + EINSCHREIBEN;3,60;${v1?.voucherId};${v1?.trackId};`,
      `06.10.2025;${batchId};${o2?.orderName};1;Standardbrief;0,95;${v2?.voucherId};;erstattet`,
      "",
    ]);
  });

  it("exports a date range of the shop only", async () => {
    await env.pdfBatch(SHOP, [2]);
    await env.pdfBatch(OTHER_SHOP, [1]);
    const { signedLink } = await import("~/batches/links.server");
    const link = (from: string, to: string) =>
      signedLink(SHOP, `/batches.csv?from=${from}&to=${to}&locale=en`, {
        apiSecret: TEST_APP.apiSecret,
        now: new Date(),
      });
    const october = await csvLines(await get(link("2025-10-06", "2025-10-06")));
    expect(october[0]).toBe(
      "Date;Batch;Order;Product code;Product;Price EUR;Voucher ID;Tracking number;Refund",
    );
    expect(october.filter((l) => l.startsWith("06.10.2025;"))).toHaveLength(2);
    const november = await csvLines(await get(link("2025-11-01", "2025-11-30")));
    expect(november.slice(1)).toEqual([""]);
    expect((await get(link("2025-11-30", "2025-11-01"))).status).toBe(400);
  });

  it("is 404 for another shop's batch and 403 for a forged link", async () => {
    const { batchId } = await env.pdfBatch(SHOP, [1]);
    const { signedLink } = await import("~/batches/links.server");
    const other = signedLink(OTHER_SHOP, `/batches.csv?batch=${batchId}`, {
      apiSecret: TEST_APP.apiSecret,
      now: new Date(),
    });
    expect((await get(other)).status).toBe(404);
    expect((await get(other.replace(OTHER_SHOP, SHOP))).status).toBe(403);
  });
});

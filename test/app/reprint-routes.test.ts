import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { signedLink } from "~/batches/links.server";
import { printHistory } from "~/reprints/record.server";
import { responseOf, TEST_APP } from "../support/app-env";
import { OTHER_SHOP, SHOP, useRouteEnv } from "./route-env";

const env = useRouteEnv();
type Loader = (args: LoaderFunctionArgs) => Promise<Response>;
let labels: Loader;
let orders: Loader;

beforeAll(async () => {
  labels = (await import("~/routes/labels.$batchId")).loader;
  orders = (await import("~/routes/labels.orders[.]pdf")).loader;
});

const sign = (shop: string, resource: string) =>
  signedLink(shop, resource, { apiSecret: TEST_APP.apiSecret, now: new Date() });
const call = (loader: Loader, path: string, params: Record<string, string> = {}) =>
  responseOf(() => loader({ request: new Request(`${TEST_APP.appUrl}${path}`), params, context: {} }));

describe("reprints are recorded", () => {
  it("records the first download of a batch as a print and every later one as a reprint", async () => {
    const { batchId, carts } = await env.pdfBatch(SHOP, [2]);
    const db = await env.appDb();
    const first = await call(labels, sign(SHOP, `/labels/${batchId}`), { batchId });
    expect(first.status).toBe(200);
    expect(first.headers.get("X-Reprint")).toBe("false");
    const again = await call(labels, sign(SHOP, `/labels/${batchId}?reprint=confirmed`), { batchId });
    expect(again.headers.get("X-Reprint")).toBe("true");
    await call(labels, sign(SHOP, `/labels/${batchId}`), { batchId });
    const prints = await db.labelPrint.findMany({ where: { batchId }, orderBy: { printedAt: "asc" } });
    expect(prints.map((p) => [p.reprint, p.acknowledged])).toEqual([
      [false, false],
      [true, true],
      [true, false],
    ]);
    // One order's labels after the batch file: a reprint of that order's stamp.
    const orderId = carts[0]?.orders[0]?.orderId ?? "";
    const single = await call(orders, sign(SHOP, `/labels/orders.pdf?ids=${orderId.split("/").pop()}`));
    expect(single.headers.get("X-Reprint")).toBe("true");
    expect(await printHistory(db, SHOP, batchId)).toEqual({
      batchPrinted: true,
      reprints: 3,
      printedOrders: [orderId],
    });
  });

  it("records one order's first print as a print, and records nothing for another shop or a refused link", async () => {
    const { batchId, carts } = await env.pdfBatch(SHOP, [1]);
    const db = await env.appDb();
    const id = carts[0]?.orders[0]?.orderId.split("/").pop() ?? "";
    expect((await call(orders, sign(SHOP, `/labels/orders.pdf?ids=${id}`))).headers.get("X-Reprint")).toBe(
      "false",
    );
    expect((await call(labels, sign(OTHER_SHOP, `/labels/${batchId}`), { batchId })).status).toBe(404);
    expect((await call(labels, `/labels/${batchId}?shop=${SHOP}&exp=1&sig=forged`, { batchId })).status).toBe(
      403,
    );
    expect(await db.labelPrint.count()).toBe(1);
  });
});

import type { LoaderFunctionArgs } from "@remix-run/node";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { signedLink } from "~/batches/links.server";
import { DATEV_COLUMNS } from "~/bookkeeping/datev";
import { monthKey, monthOf } from "~/bookkeeping/month";
import { MERCHANT } from "../support/internetmarke-sim";
import { responseOf, TEST_APP } from "../support/app-env";
import { OTHER_SHOP, SHOP, useRouteEnv } from "./route-env";

const env = useRouteEnv();
type Loader = (args: LoaderFunctionArgs) => Promise<Response>;
let statement: Loader;

beforeAll(async () => {
  statement = (await import("~/routes/bookkeeping.statement")).loader;
});

const sign = (shop: string, resource: string) =>
  signedLink(shop, resource, { apiSecret: TEST_APP.apiSecret, now: new Date() });
const call = (path: string) =>
  responseOf(() => statement({ request: new Request(`${TEST_APP.appUrl}${path}`), params: {}, context: {} }));

describe("GET /bookkeeping/statement", () => {
  it("serves the month's statement as CSV and PDF, its balances matching Deutsche Post's ledger", async () => {
    await env.linkPortokasse(SHOP);
    const { carts } = await env.pdfBatch(SHOP, [3]);
    const db = await env.appDb();
    const cart = await db.frankingCart.findFirstOrThrow({
      where: { shopOrderId: carts[0]?.bought.shopOrderId },
    });
    const month = monthKey(monthOf(cart.boughtAt ?? new Date()));
    const account = env.carts.env.sim.account(MERCHANT.username);

    const csv = await call(sign(SHOP, `/bookkeeping/statement?month=${month}&format=csv&locale=de`));
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const lines = (await csv.text()).replace(/^\uFEFF/, "").split("\r\n");
    const euro = (cents: number) =>
      `${Math.floor(cents / 100).toLocaleString("de-DE")},${String(cents % 100).padStart(2, "0")}`;
    expect(lines[2]?.endsWith(`;Anfangssaldo;;;;;${euro(account.openingBalanceCents)}`)).toBe(true);
    expect(lines.find((l) => l.includes(";Endsaldo;"))?.endsWith(`;${euro(account.balanceCents)}`)).toBe(
      true,
    );
    expect(lines.filter((l) => /^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2};Kauf;/.test(l))).toHaveLength(1);

    const pdf = await call(sign(SHOP, `/bookkeeping/statement?month=${month}&format=pdf&locale=en`));
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    expect((await PDFDocument.load(new Uint8Array(await pdf.arrayBuffer()))).getTitle()).toBe(
      `Portokasse statement ${month}`,
    );
  });

  it("serves the DATEV file once Berater- and Mandantennummer are set, in Windows-1252", async () => {
    await env.linkPortokasse(SHOP);
    await env.pdfBatch(SHOP, [2]);
    const db = await env.appDb();
    const shop = await db.shop.findUniqueOrThrow({ where: { domain: SHOP } });
    const cart = await db.frankingCart.findFirstOrThrow({ where: { batch: { shopId: shop.id } } });
    const month = monthKey(monthOf(cart.boughtAt ?? new Date()));
    const path = sign(SHOP, `/bookkeeping/statement?month=${month}&format=datev`);
    const missing = await call(path);
    expect(missing.status).toBe(409);
    expect(await missing.text()).toBe("datev_settings_missing");
    await db.bookkeepingSettings.create({
      data: {
        shopId: shop.id,
        consultantNumber: 4711,
        clientNumber: 815,
        chart: "SKR04",
        postageAccount: "6800",
        portokasseAccount: "1460",
        topUpAccount: "1800",
      },
    });
    const response = await call(path);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=windows-1252");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(bytes.includes(0xfc)).toBe(true); // "ü" of "Gegenkonto (ohne BU-Schlüssel)" as one byte
    const lines = new TextDecoder("windows-1252").decode(bytes).split("\r\n");
    expect(lines[0]?.startsWith('"EXTF";700;21;"Buchungsstapel";13;')).toBe(true);
    expect(lines[0]?.split(";").slice(10, 12)).toEqual(["4711", "815"]);
    expect(lines[1]?.split(";")).toEqual([...DATEV_COLUMNS]);
    const rows = lines
      .slice(2)
      .filter(Boolean)
      .map((l) => l.split(";"));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.slice(0, 8)).toEqual(["1,90", '"S"', '"EUR"', "", "", "", "6800", "1460"]);
  });

  it("refuses a bad request, a shop without Portokasse, and another shop's link", async () => {
    expect((await call(sign(SHOP, "/bookkeeping/statement?month=2025-13&format=csv"))).status).toBe(400);
    expect((await call(sign(SHOP, "/bookkeeping/statement?month=2025-10&format=xls"))).status).toBe(400);
    await env.pdfBatch(OTHER_SHOP, [1]);
    expect((await call(sign(OTHER_SHOP, "/bookkeeping/statement?month=2025-10&format=csv"))).status).toBe(
      409,
    );
    const forged = `/bookkeeping/statement?month=2025-10&format=csv&shop=${SHOP}&exp=9999999999&sig=forged`;
    expect((await call(forged)).status).toBe(403);
  });
});

import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { inspectPdf } from "../../test/simulators/internetmarke/testing/inspect";
import { extractOrderPages, selectOrderPages, type PlacedStamp } from "./order-pages";
import { useSimCarts, type BoughtPdfCart } from "../../test/support/sim-carts";

const carts = useSimCarts();

/** Stamps of a cart bought for `orders` (one stamp each, in position order). */
const placed = (cart: BoughtPdfCart, orders: string[]): PlacedStamp[] =>
  orders.map((orderId, i) => ({ orderId, position: cart.positions[i] ?? { labelX: 0, labelY: 0, page: 0 } }));

const voucherTexts = async (pdf: Uint8Array | null) =>
  pdf === null ? [] : (await inspectPdf(pdf)).map((p) => p.stamps.flatMap((s) => s.texts).join(" "));

describe("extractOrderPages with the simulator's cart PDFs (real HTTP)", () => {
  it("prints only the pages holding the chosen orders, in cart and page order", async () => {
    // Cart A: 12 orders on A4 (10 per page) -> page 1: #1..#10, page 2: #11, #12.
    const ordersA = Array.from({ length: 12 }, (_, i) => `#${1001 + i}`);
    const a = await carts.buyPdf({ pageFormatId: 1, productCodes: ordersA.map(() => 1) });
    // Cart B: label printer, one stamp per page.
    const ordersB = ["#2001", "#2002", "#2003"];
    const b = await carts.buyPdf({ pageFormatId: 42, productCodes: ordersB.map(() => 1) });
    const input = [
      { pdf: a.pdf, stamps: placed(a, ordersA) },
      { pdf: b.pdf, stamps: placed(b, ordersB) },
    ];

    const result = await extractOrderPages(input, ["#2003", "#1012", "#9999"]);

    expect(result.pages).toEqual([
      { cart: 0, page: 2, orderIds: ["#1011", "#1012"] },
      { cart: 1, page: 3, orderIds: ["#2003"] },
    ]);
    expect(result.sharedWith).toEqual(["#1011"]);
    expect(result.missing).toEqual(["#9999"]);
    const texts = await voucherTexts(result.pdf);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain(a.vouchers[11]?.voucherId ?? "missing");
    expect(texts[0]).toContain(a.vouchers[10]?.voucherId ?? "missing");
    expect(texts[1]).toContain(b.vouchers[2]?.voucherId ?? "missing");
    expect(texts[1]).not.toContain(b.vouchers[0]?.voucherId ?? "missing");
  });

  it("answers null when no chosen order has a stamp, without reading any PDF", async () => {
    const result = await extractOrderPages([{ pdf: new Uint8Array([1, 2, 3]), stamps: [] }], ["#1"]);
    expect(result).toEqual({ pages: [], sharedWith: [], missing: ["#1"], pdf: null });
  });

  it("refuses positions beyond the stored PDF's pages", async () => {
    const a = await carts.buyPdf({ pageFormatId: 42, productCodes: [1] });
    const stamps = [{ orderId: "#1", position: { labelX: 1, labelY: 1, page: 2 } }];
    await expect(extractOrderPages([{ pdf: a.pdf, stamps }], ["#1"])).rejects.toMatchObject({
      code: "page_out_of_range",
      part: 0,
    });
  });
});

describe("selectOrderPages", () => {
  const at = (orderId: string, page: number, labelX = 1, labelY = 1): PlacedStamp => ({
    orderId,
    position: { labelX, labelY, page },
  });

  it("lists every order of a selected page in position order and each page once", () => {
    const stamps = [at("#3", 1, 2, 1), at("#1", 1, 1, 1), at("#2", 1, 1, 2), at("#1", 2), at("#4", 3)];
    expect(selectOrderPages([{ stamps }], ["#1", "#1"])).toEqual({
      pages: [
        { cart: 0, page: 1, orderIds: ["#1", "#3", "#2"] },
        { cart: 0, page: 2, orderIds: ["#1"] },
      ],
      sharedWith: ["#3", "#2"],
      missing: [],
    });
  });

  it("an order with several stamps spanning carts", () => {
    const result = selectOrderPages(
      [{ stamps: [at("#1", 1)] }, { stamps: [at("#2", 1), at("#1", 4)] }],
      ["#1"],
    );
    expect(result.pages.map((p) => [p.cart, p.page])).toEqual([
      [0, 1],
      [1, 4],
    ]);
  });
});

describe("extractOrderPages with hand-made PDFs", () => {
  it("keeps the page sizes of the selected pages", async () => {
    const doc = await PDFDocument.create();
    doc.addPage([100, 200]);
    doc.addPage([300, 400]);
    const pdf = await doc.save();
    const result = await extractOrderPages(
      [{ pdf, stamps: [{ orderId: "x", position: { labelX: 1, labelY: 1, page: 2 } }] }],
      ["x"],
    );
    const out = await PDFDocument.load(result.pdf ?? new Uint8Array());
    expect(out.getPages().map((p) => p.getSize())).toEqual([{ width: 300, height: 400 }]);
  });
});

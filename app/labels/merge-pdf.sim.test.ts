import { degrees, PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { inspectPdf, MM } from "../../test/simulators/internetmarke/testing/inspect";
import { LabelFileError, NotAPdfError } from "./errors";
import { mergeLabelPdfs } from "./merge-pdf";
import { useSimCarts } from "../../test/support/sim-carts";

const carts = useSimCarts();
const A4 = 1; // DIN A4 Normalpapier, 2 x 5
const DYMO = 42; // Dymo 99012 89 x 36, label printer, one stamp per label

const stampVoucherIds = (pages: Awaited<ReturnType<typeof inspectPdf>>) =>
  pages.flatMap((p) => p.stamps.map((s) => s.texts.find((t) => /^[0-9A-F]{20}$/.test(t.replace(/\s/g, "")))));

describe("mergeLabelPdfs with the simulator's cart PDFs (real HTTP)", () => {
  it("keeps cart order, page order and every page's size", async () => {
    const sheet = await carts.buyPdf({ pageFormatId: A4, productCodes: [1, 1, 11] });
    const twoSheets = await carts.buyPdf({
      pageFormatId: A4,
      productCodes: Array(12).fill(1),
      start: { labelX: 2 },
    });
    const rolls = await carts.buyPdf({ pageFormatId: DYMO, productCodes: [1, 21] });

    const merged = await mergeLabelPdfs([sheet.pdf, twoSheets.pdf, rolls.pdf], { title: "Stapel 7" });
    const pages = await inspectPdf(merged);

    expect(pages.map((p) => p.stamps.length)).toEqual([3, 9, 3, 1, 1]);
    expect(pages.map((p) => [Math.round(p.width / MM), Math.round(p.height / MM)])).toEqual([
      [210, 297],
      [210, 297],
      [210, 297],
      [89, 36],
      [89, 36],
    ]);
    const expected = [sheet, twoSheets, rolls].flatMap((c) => c.vouchers.map((v) => v.voucherId));
    const seen = stampVoucherIds(pages);
    expect(seen.length).toBe(expected.length);
    expect(seen.every((text) => text !== undefined)).toBe(true);
    expect(seen.map((t) => (t ?? "").replace(/\s/g, ""))).toEqual(expected);
    expect((await PDFDocument.load(merged)).getTitle()).toBe("Stapel 7");
  });

  it("a single part comes back with the same pages", async () => {
    const sheet = await carts.buyPdf({ pageFormatId: A4, productCodes: [1] });
    const pages = await inspectPdf(await mergeLabelPdfs([sheet.pdf]));
    expect(pages).toEqual(await inspectPdf(sheet.pdf));
  });

  it("rejects a part that is not a PDF, naming it", async () => {
    const sheet = await carts.buyPdf({ pageFormatId: A4, productCodes: [1] });
    const png = await carts.buyPng({ productCodes: [1] });
    const error = await mergeLabelPdfs([sheet.pdf, png.zip]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotAPdfError);
    expect(error).toMatchObject({ code: "not_a_pdf", part: 1 });
  });
});

describe("mergeLabelPdfs with hand-made input", () => {
  it("rejects a truncated PDF and an empty batch", async () => {
    const doc = await PDFDocument.create();
    doc.addPage([100, 100]);
    const bytes = await doc.save();
    const truncated = bytes.slice(0, 40);
    await expect(mergeLabelPdfs([bytes, truncated])).rejects.toMatchObject({ code: "not_a_pdf", part: 1 });
    await expect(mergeLabelPdfs([])).rejects.toMatchObject({ code: "nothing_to_merge" });
    await expect(mergeLabelPdfs([])).rejects.toBeInstanceOf(LabelFileError);
  });

  it("rejects a PDF without pages (a label file always has one)", async () => {
    const empty = await (await PDFDocument.create()).save({ addDefaultPage: false });
    await expect(mergeLabelPdfs([empty])).rejects.toMatchObject({ code: "not_a_pdf", part: 0 });
  });

  it("accepts junk before the header as the PDF spec allows, and keeps rotation", async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([200, 100]);
    page.setRotation(degrees(90));
    const bytes = await doc.save();
    const prefixed = new Uint8Array([...new TextEncoder().encode("junk\n"), ...bytes]);
    const merged = await PDFDocument.load(await mergeLabelPdfs([prefixed]));
    expect(merged.getPage(0).getSize()).toEqual({ width: 200, height: 100 });
    expect(merged.getPage(0).getRotation().angle).toBe(90);
  });
});

import { unzlibSync } from "fflate";
import { decodePDFRawStream, PDFArray, PDFDocument, PDFName, PDFRawStream, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { inspectPng, MM } from "../../test/simulators/internetmarke/testing/inspect";
import { pageTexts, positionedTexts } from "../../test/support/pdf-page-text";
import { useSimCarts } from "../../test/support/sim-carts";
import { readStampZip } from "./merge-png";
import { pngLabelPages, pngPrintSize } from "./png-labels";

const carts = useSimCarts();

/** The grey pixels of an unfiltered 8-bit greyscale PNG (what the simulator writes). */
function greyPixels(png: Uint8Array): { width: number; height: number; pixels: Uint8Array } {
  const { width, height } = inspectPng(png);
  const view = Buffer.from(png);
  const idat: Buffer[] = [];
  for (let at = 8; at < view.length;) {
    const length = view.readUInt32BE(at);
    if (view.subarray(at + 4, at + 8).toString("latin1") === "IDAT")
      idat.push(view.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = unzlibSync(Buffer.concat(idat));
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width + 1)]).toBe(0); // filter type None
    pixels.set(raw.subarray(y * (width + 1) + 1, (y + 1) * (width + 1)), y * width);
  }
  return { width, height, pixels };
}

/** Per page: the images drawn on it, decoded (pdf-lib stores a PNG as RGB samples, Flate-compressed). */
async function pageImages(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const xObjects = page.node.Resources()?.lookup(PDFName.of("XObject"));
    if (!xObjects || !("entries" in xObjects)) return [];
    return (xObjects as unknown as { entries(): [PDFName, unknown][] }).entries().flatMap(([, ref]) => {
      const stream = doc.context.lookup(ref as never);
      if (!(stream instanceof PDFRawStream)) return [];
      if (stream.dict.get(PDFName.of("Subtype"))?.toString() !== "/Image") return [];
      const width = Number(stream.dict.get(PDFName.of("Width"))?.toString());
      const height = Number(stream.dict.get(PDFName.of("Height"))?.toString());
      const rgb = decodePDFRawStream(stream).decode();
      const grey = new Uint8Array(width * height);
      for (let i = 0; i < grey.length; i++) {
        expect(rgb[i * 3]).toBe(rgb[i * 3 + 1]);
        grey[i] = rgb[i * 3] ?? 0;
      }
      return [{ width, height, pixels: grey }];
    });
  });
}

/** Per page: where each image is drawn, in points. */
async function imagePlacements(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes);
  const n = "(-?[\\d.]+)";
  // pdf-lib draws an image as: translate (x, y), rotate, scale (w, h), skew, Do.
  const re = new RegExp(
    `1 0 0 1 ${n} ${n} cm\\s+\\S+ \\S+ \\S+ \\S+ 0 0 cm\\s+${n} 0 0 ${n} 0 0 cm\\s+1 0 0 1 0 0 cm\\s+/\\S+ Do`,
    "g",
  );
  return doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray() : [contents];
    const text = streams
      .map((ref) => doc.context.lookup(ref as never))
      .filter((s): s is PDFRawStream => s instanceof PDFRawStream)
      .map((s) => Buffer.from(decodePDFRawStream(s).decode()).toString("latin1"))
      .join("\n");
    return [...text.matchAll(re)].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      width: Number(m[3]),
      height: Number(m[4]),
    }));
  });
}

describe("pngLabelPages: every PNG stamp on a label ready to stick (ADR 023)", () => {
  it("puts each stamp, unchanged and at its real size, on a page of its own with its order name and address", async () => {
    const cart = await carts.buyPng({ productCodes: [1, 1, 1] });
    const pngs = readStampZip(cart.zip, 0).map((e) => e.png);
    const address = ["Jane Doe", "10 Downing Street", "SW1A 2AA LONDON", "VEREINIGTES KÖNIGREICH"];
    const labels = [
      { png: pngs[0] ?? new Uint8Array(), orderName: "#1012", addressLines: address },
      { png: pngs[1] ?? new Uint8Array(), orderName: "#1013", addressLines: null },
      {
        png: pngs[2] ?? new Uint8Array(),
        orderName: "#1014",
        addressLines: ["Erika Muster", "Heidestr. 17", "51147 Köln"],
      },
    ];
    const pdf = await pngLabelPages(labels, { dpi: 203 });

    // The stamps in the given order, pixel for pixel (the voucher ids are drawn into the stamps' matrices).
    const images = await pageImages(pdf);
    expect(images.map((i) => i.length)).toEqual([1, 1, 1]);
    images.forEach(([image], i) => {
      const original = greyPixels(pngs[i] ?? new Uint8Array());
      expect(image?.width).toBe(original.width);
      expect(image?.height).toBe(original.height);
      expect(Buffer.from(image?.pixels ?? []).equals(Buffer.from(original.pixels))).toBe(true);
    });

    const texts = await pageTexts(pdf);
    expect(texts[0]).toEqual([...address, "#1012"]);
    expect(texts[1]).toEqual(["#1013"]);
    expect(texts[2]).toEqual(["Erika Muster", "Heidestr. 17", "51147 Köln", "#1014"]);

    // The stamp is 45 x 25 mm at 203 dpi; the page is the stamp plus the address block and the name strip.
    const doc = await PDFDocument.load(pdf);
    const stamp = pngPrintSize(pngs[0] ?? new Uint8Array(), 203);
    expect(stamp.width / MM).toBeCloseTo(45, 0);
    expect(stamp.height / MM).toBeCloseTo(25, 0);
    const [withAddress, alone] = [doc.getPage(0).getSize(), doc.getPage(1).getSize()];
    expect(alone.height).toBeCloseTo(stamp.height + 4 * MM, 3);
    expect(withAddress.height).toBeGreaterThan(stamp.height + 4 * 12);
    expect(withAddress.width).toBeLessThan(100 * MM);
  });

  it("prints the address below the stamp and the order name in the right strip beside the address, never below it", async () => {
    const cart = await carts.buyPng({ productCodes: [1] });
    const [png = new Uint8Array()] = readStampZip(cart.zip, 0).map((e) => e.png);
    const lines = ["Erika Muster", "Heidestr. 17", "51147 Köln"];
    const pdf = await pngLabelPages([{ png, orderName: "#1012", addressLines: lines }], { dpi: 203 });
    const [page = []] = await positionedTexts(pdf);
    const { width, height } = (await PDFDocument.load(pdf)).getPage(0).getSize();
    const stampBottom = height - 2 * MM - pngPrintSize(png, 203).height;
    const name = page.find((t) => t.text === "#1012");
    const address = page.filter((t) => lines.includes(t.text));
    expect(address.map((t) => t.text)).toEqual(lines);
    for (const t of address) expect(t.y).toBeLessThan(stampBottom);
    const lastLine = Math.min(...address.map((t) => t.y));
    expect(name?.y).toBeGreaterThanOrEqual(lastLine - 0.01);
    expect(name?.y).toBeLessThan(stampBottom);
    expect(name?.x).toBeGreaterThan(width - 3.5 * MM - 2 * MM);
    expect(Math.max(...address.map((t) => t.x))).toBeLessThan(width / 2);

    // A name too long for the strip is cut with an ellipsis and ends below the stamp.
    const long = "#1012 Sammelbestellung Vereinsheim";
    const cut = await pngLabelPages([{ png, orderName: long, addressLines: lines }], { dpi: 203 });
    const [cutTexts = []] = await positionedTexts(cut);
    const shown = cutTexts.find((t) => t.text.startsWith("#1012"));
    expect(shown?.text).toMatch(/^#1012.*…$/);
    const bold = await (await PDFDocument.create()).embedFont(StandardFonts.HelveticaBold);
    expect((shown?.y ?? 0) + bold.widthOfTextAtSize(shown?.text ?? "", 8)).toBeLessThan(stampBottom);

    // The stamp top right, at its real size: stuck at the envelope's right edge it lies in the franking zone.
    const [[stamp] = []] = await imagePlacements(pdf);
    const real = pngPrintSize(png, 203);
    expect(stamp?.width).toBeCloseTo(real.width, 3);
    expect(stamp?.height).toBeCloseTo(real.height, 3);
    expect(stamp?.x).toBeCloseTo(width - 2 * MM - real.width, 3);
    expect(stamp?.y).toBeCloseTo(stampBottom, 3);
    expect((width - (stamp?.x ?? 0)) / MM).toBeLessThan(74);
  });

  it("puts a stamp without a printed address top left, the order name in the strip beside its lower half", async () => {
    const cart = await carts.buyPng({ productCodes: [1] });
    const [png = new Uint8Array()] = readStampZip(cart.zip, 0).map((e) => e.png);
    const pdf = await pngLabelPages([{ png, orderName: "#1013", addressLines: null }], { dpi: 203 });
    const [[stamp] = []] = await imagePlacements(pdf);
    const { width, height } = (await PDFDocument.load(pdf)).getPage(0).getSize();
    expect(stamp?.x).toBeCloseTo(2 * MM, 3);
    const [[name] = []] = await positionedTexts(pdf);
    expect(name?.text).toBe("#1013");
    expect(name?.x).toBeGreaterThan((stamp?.x ?? 0) + (stamp?.width ?? 0));
    expect(name?.x).toBeLessThan(width);
    expect(name?.y).toBeLessThan(height / 2);
  });

  it("sizes the stamp from the PNG's pHYs chunk when it has one, else from the resolution ordered", async () => {
    const cart = await carts.buyPng({ productCodes: [1] });
    const [png = new Uint8Array()] = readStampZip(cart.zip, 0).map((e) => e.png);
    const { width } = inspectPng(png);
    expect(pngPrintSize(png, 300).width).toBeCloseTo((width / 300) * 72, 6);
    // pHYs: 11811 pixels per metre (300 dpi), unit metre, inserted after IHDR (the CRC is not checked here).
    const phys = Buffer.alloc(21);
    phys.writeUInt32BE(9, 0);
    phys.write("pHYs", 4, "latin1");
    phys.writeUInt32BE(11811, 8);
    phys.writeUInt32BE(11811, 12);
    phys[16] = 1;
    const withPhys = Buffer.concat([png.subarray(0, 33), phys, png.subarray(33)]);
    expect(pngPrintSize(withPhys, 203).width).toBeCloseTo((width / (11811 * 0.0254)) * 72, 6);
  });

  it("refuses an empty list and bytes that are no PNG, naming the cart", async () => {
    await expect(pngLabelPages([])).rejects.toMatchObject({ code: "nothing_to_merge" });
    await expect(
      pngLabelPages([{ png: new Uint8Array(40), orderName: "#1", addressLines: null, part: 2 }]),
    ).rejects.toMatchObject({ code: "not_a_png", part: 2 });
  });
});

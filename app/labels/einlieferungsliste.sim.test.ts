import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { pdfText } from "../../test/simulators/internetmarke/testing/inspect";
import { einlieferungsliste } from "./einlieferungsliste";
import { mergeManifests } from "./merge-pdf";
import { encodable, fitText } from "./pdf-text";
import { renderPostingList, type PostingListItem } from "./posting-list";
import { useSimCarts } from "../../test/support/sim-carts";

const carts = useSimCarts();
const meta = {
  shopName: "Frankier Demo",
  batchLabel: "Stapel 12",
  createdAt: new Date("2025-10-06T17:03:39Z"),
};

const item = (n: number, overrides: Partial<PostingListItem> = {}): PostingListItem => ({
  voucherId: `AF188FFFFF${String(n).padStart(10, "0")}`,
  trackingNumber: `RR${String(n).padStart(8, "0")}5DE`,
  productName: "Standardbrief Integral + EINSCHREIBEN",
  recipientName: `Empfänger ${n}`,
  postalCode: "51147",
  city: "Köln",
  ...overrides,
});

describe("Deutsche Post manifests (real HTTP)", () => {
  it("merges the manifests of several carts in cart order", async () => {
    const first = await carts.buyPdf({ pageFormatId: 1, productCodes: [1007], createManifest: true });
    const second = await carts.buyPdf({ pageFormatId: 1, productCodes: [1002, 1], createManifest: true });
    expect(first.manifest).not.toBeNull();

    const merged = await mergeManifests([first.manifest, null, second.manifest]);
    const text = await pdfText(merged ?? new Uint8Array());
    const ids = [...first.vouchers, ...second.vouchers].map((v) => v.voucherId);
    const positions = ids.map((id) => text.indexOf(id));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect((await PDFDocument.load(merged ?? new Uint8Array())).getPageCount()).toBe(2);
  });

  it("uses them when every cart with Einschreiben has one", async () => {
    const cart = await carts.buyPdf({ pageFormatId: 1, productCodes: [1007], createManifest: true });
    const withoutEinschreiben = await carts.buyPdf({ pageFormatId: 1, productCodes: [1] });
    const result = await einlieferungsliste(
      [
        { manifest: cart.manifest, items: [item(1, { voucherId: cart.vouchers[0]?.voucherId ?? "" })] },
        { manifest: withoutEinschreiben.manifest, items: [item(2, { trackingNumber: null })] },
      ],
      meta,
    );
    expect(result?.source).toBe("deutsche_post");
    expect(await pdfText(result?.pdf ?? new Uint8Array())).toContain("Einlieferungsbeleg");
  });
});

describe("the generated posting list", () => {
  it("is drawn when a cart with Einschreiben lacks its manifest, listing all registered mail", async () => {
    const cart = await carts.buyPdf({ pageFormatId: 1, productCodes: [1007], createManifest: true });
    const result = await einlieferungsliste(
      [
        { manifest: cart.manifest, items: [item(1)] },
        { manifest: null, items: [item(2), item(3, { trackingNumber: null })] },
      ],
      meta,
    );
    expect(result?.source).toBe("generated");
    const text = await pdfText(result?.pdf ?? new Uint8Array());
    expect(text).toContain(item(1).voucherId);
    expect(text).toContain("RR000000025DE");
    expect(text).not.toContain(item(3).voucherId);
    expect(text).toContain("Anzahl Sendungen: 2");
  });

  it("is null without manifests and without registered mail", async () => {
    await expect(
      einlieferungsliste([{ manifest: null, items: [item(1, { trackingNumber: "" })] }], meta),
    ).resolves.toBeNull();
    await expect(einlieferungsliste([], meta)).resolves.toBeNull();
  });

  it("shows the columns, the batch and a foreign country, and pages long lists", async () => {
    const items = Array.from({ length: 40 }, (_, i) => item(i + 1));
    items[4] = item(5, { city: "Bonn", countryCode: "DEU" });
    items[5] = item(6, {
      recipientName: "Paweł Łukasiewicz",
      city: "Łódź",
      postalCode: "90-001",
      countryCode: "PL",
    });
    const pdf =
      (await renderPostingList({ ...meta, sender: "Muster Versand GmbH, Bonn" }, items)) ?? new Uint8Array();
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(2);
    expect(doc.getTitle()).toBe("Einlieferungsliste Stapel 12");
    const text = await pdfText(pdf);
    for (const heading of ["Nr.", "Sendungsnummer", "Frankier-ID", "Produkt", "Empfänger", "PLZ", "Ort"]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain("Frankier Demo  ·  Stapel 12  ·  06.10.2025, 19:03  ·  Muster Versand GmbH, Bonn");
    expect(text).toContain("Pawel Lukasiewicz");
    expect(text).toContain("Lódz (PL)");
    expect(text).toContain("\nBonn\n");
    expect(text).toContain("Seite 2 von 2");
    expect(text).toContain(items[39]?.voucherId);
    expect(text).toContain("Anzahl Sendungen: 40");
  });
});

describe("text for standard fonts", () => {
  it("drops accents the font lacks, replaces what it cannot draw and shortens to fit", async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    expect(encodable(font, "Müller\tStraße")).toBe("Müller Straße");
    expect(encodable(font, "Dvořák 北京")).toBe("Dvorák ??");
    const long = "Standardbrief Integral + EINSCHREIBEN + RÜCKSCHEIN";
    const cut = fitText(font, long, 9, 100);
    expect(cut.endsWith("…")).toBe(true);
    expect(font.widthOfTextAtSize(cut, 9)).toBeLessThanOrEqual(100);
    expect(fitText(font, "kurz", 9, 100)).toBe("kurz");
  });
});

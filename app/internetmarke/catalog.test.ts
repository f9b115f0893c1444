import { describe, expect, it } from "vitest";
import { catalogResponseSchema } from "./catalog";

describe("catalog", () => {
  const pageFormat = {
    id: 1,
    isAddressPossible: true,
    isImagePossible: false,
    name: "DIN A4 Normalpapier",
    description: null,
    pageType: "REGULARPAGE",
    pageLayout: {
      size: { x: 210, y: 297 },
      orientation: "PORTRAIT",
      labelSpacing: { x: 0, y: 0 },
      labelCount: { labelX: 2, labelY: 5 },
      margin: { top: 31, bottom: 31, left: 15, right: 15 },
    },
  };
  const category = {
    category: "Blumen",
    categoryDescription: "Blumen",
    categoryId: 7,
    images: [
      {
        imageID: 42,
        imageDescription: "Rose",
        imageSlogan: "",
        links: { link: "https://x/42.png", linkThumbnail: "https://x/42t.png" },
      },
    ],
  };

  it("reads live keys (publicGallery, privateGallery), no contractProducts", () => {
    const c = catalogResponseSchema.parse({
      pageFormats: [pageFormat],
      publicGallery: { items: [category] },
      privateGallery: { imageLink: [] },
    });
    expect(c.pageFormats[0]?.pageLayout.labelCount).toEqual({ labelX: 2, labelY: 5 });
    expect(c.publicMotifs[0]).toMatchObject({
      categoryId: 7,
      category: "Blumen",
      motifs: [{ imageId: 42, link: "https://x/42.png" }],
    });
    expect(c.privateMotifs).toEqual([]);
    expect(c.contractProducts).toEqual([]);
  });

  it("reads spec keys (publicCatalog, privateCatalog) and contract products", () => {
    const c = catalogResponseSchema.parse({
      publicCatalog: { items: [category] },
      privateCatalog: { imageLink: [{ link: "https://x/p.png", linkThumbnail: "https://x/pt.png" }] },
      contractProducts: { products: [{ productCode: 1, price: 85 }] },
    });
    expect(c.pageFormats).toEqual([]);
    expect(c.publicMotifs).toHaveLength(1);
    expect(c.privateMotifs[0]).toMatchObject({ link: "https://x/p.png", imageId: null });
    expect(c.contractProducts).toEqual([{ productCode: 1, priceCents: 85 }]);
  });
});

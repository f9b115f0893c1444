// The simulator's price list (PPL) and page formats, derived from Deutsche Post's published data by
// scripts/derive-internetmarke-data.mjs. Parsed once with a schema so a bad regeneration fails loudly.
import { z } from "zod";
import pageFormatsJson from "./data/page-formats.json" with { type: "json" };
import priceListJson from "./data/price-list.json" with { type: "json" };

const productSchema = z.object({
  productCode: z.int().positive(),
  name: z.string().min(1),
  priceCents: z.int().nonnegative(),
  destination: z.enum(["national", "international"]),
  services: z.array(z.string()),
  maxWeightGrams: z.int().positive().nullable(),
});

const priceListSchema = z.object({
  pplVersion: z.int(),
  validFrom: z.iso.date(),
  products: z.array(productSchema).min(1),
});

const dimension = z.object({ x: z.number().nonnegative(), y: z.number().nonnegative() });

const pageFormatSchema = z.object({
  id: z.int().positive(),
  isAddressPossible: z.boolean(),
  isImagePossible: z.boolean(),
  name: z.string().min(1),
  pageType: z.enum(["REGULARPAGE", "ENVELOPE", "LABELPRINTER", "LABELPAGE"]),
  pageLayout: z.object({
    size: dimension,
    orientation: z.enum(["LANDSCAPE", "PORTRAIT"]),
    labelSpacing: dimension,
    labelCount: z.object({ labelX: z.int().positive(), labelY: z.int().positive() }),
    margin: z.object({
      top: z.number().nonnegative(),
      bottom: z.number().nonnegative(),
      left: z.number().nonnegative(),
      right: z.number().nonnegative(),
    }),
  }),
});

export type Product = z.infer<typeof productSchema>;
export type PageFormat = z.infer<typeof pageFormatSchema>;

export const priceList = priceListSchema.parse(priceListJson);
export const pageFormats: readonly PageFormat[] = z.array(pageFormatSchema).parse(pageFormatsJson);

const productsByCode = new Map(priceList.products.map((p) => [p.productCode, p]));
const pageFormatsById = new Map(pageFormats.map((f) => [f.id, f]));

export function findProduct(productCode: number): Product | undefined {
  return productsByCode.get(productCode);
}

export function findPageFormat(id: number): PageFormat | undefined {
  return pageFormatsById.get(id);
}

/** Registered mail (Einschreiben) products carry a tracking number. */
export function isRegisteredMail(product: Product): boolean {
  return product.services.some((s) => s === "EINSCHREIBEN" || s === "EINSCHREIBEN_EINWURF");
}

/** Public motif gallery: a few synthetic motifs so imageID can be exercised. */
export const publicMotifs = [
  {
    categoryId: 1,
    category: "Simulator",
    imageID: 101,
    imageDescription: "Sim motif 101",
    imageSlogan: "Sim",
  },
  {
    categoryId: 1,
    category: "Simulator",
    imageID: 102,
    imageDescription: "Sim motif 102",
    imageSlogan: "Sim",
  },
  {
    categoryId: 2,
    category: "Simulator 2",
    imageID: 201,
    imageDescription: "Sim motif 201",
    imageSlogan: "Sim",
  },
] as const;

export function isKnownMotif(imageID: number): boolean {
  return publicMotifs.some((m) => m.imageID === imageID);
}

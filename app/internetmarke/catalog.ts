/**
 * `GET /app/catalog?types=...`: page formats, public and private motifs, contract products.
 * Live keys are `publicGallery`/`privateGallery`, the spec's `publicCatalog`/`privateCatalog`; both are read.
 * `contractProducts` is missing for new accounts: an empty list then.
 */
import { z } from "zod";
import { cents } from "./schemas";
import type { Session } from "./session";

/**
 * Only the spec's enum (openapi 1.30, `/app/catalog` parameter `types`: PUBLIC, PAGE_FORMATS). PRIVATE is
 * not in it: a live service that enforces its spec would refuse the whole call. Private motifs are still
 * read when an answer carries them (`privateGallery`/`privateCatalog`). Contract products need no type:
 * they come with any answer for accounts that have them.
 */
export const CATALOG_TYPES = ["PAGE_FORMATS", "PUBLIC"] as const;
export type CatalogType = (typeof CATALOG_TYPES)[number];

const num = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);
const int = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);
const text = z
  .string()
  .nullable()
  .optional()
  .transform((v) => v ?? null);
const xy = z.object({ x: num, y: num });

export const pageFormatSchema = z.object({
  id: int,
  name: z.string(),
  description: text,
  /** REGULARPAGE, ENVELOPE, LABELPRINTER or LABELPAGE (kept as a string to tolerate new kinds). */
  pageType: z.string(),
  isAddressPossible: z.boolean().optional().default(false),
  isImagePossible: z.boolean().optional().default(false),
  pageLayout: z.object({
    size: xy.optional(),
    orientation: text,
    labelSpacing: xy.optional(),
    labelCount: z.object({ labelX: int, labelY: int }),
    margin: z.object({ top: num, bottom: num, left: num, right: num }).optional(),
  }),
});

export type PageFormat = z.output<typeof pageFormatSchema>;

const linksSchema = z.object({ link: z.string(), linkThumbnail: text });

const imageSchema = z
  .object({
    imageID: int.optional(),
    imageDescription: text,
    imageSlogan: text,
    links: linksSchema.nullable().optional(),
  })
  .transform((i) => ({
    imageId: i.imageID ?? null,
    description: i.imageDescription,
    slogan: i.imageSlogan,
    link: i.links?.link ?? null,
    thumbnailLink: i.links?.linkThumbnail ?? null,
  }));

export type Motif = z.output<typeof imageSchema>;

const categorySchema = z
  .object({
    category: text,
    categoryDescription: text,
    categoryId: int.optional(),
    images: z.array(imageSchema).nullable().optional(),
  })
  .transform((c) => ({
    categoryId: c.categoryId ?? null,
    category: c.category,
    description: c.categoryDescription,
    motifs: c.images ?? [],
  }));

export type MotifCategory = z.output<typeof categorySchema>;

const publicSchema = z
  .union([
    z.array(categorySchema),
    z.object({ items: z.array(categorySchema).nullable().optional() }).transform((p) => p.items ?? []),
  ])
  .nullable()
  .optional()
  .transform((v) => v ?? []);

const privateLinkSchema = z
  .object({ imageID: int.optional(), link: z.string(), linkThumbnail: text })
  .transform((l): Motif => ({
    imageId: l.imageID ?? null,
    description: null,
    slogan: null,
    link: l.link,
    thumbnailLink: l.linkThumbnail,
  }));

const privateSchema = z
  .union([
    z.array(privateLinkSchema),
    z
      .object({ imageLink: z.array(privateLinkSchema).nullable().optional() })
      .transform((p) => p.imageLink ?? []),
  ])
  .nullable()
  .optional()
  .transform((v) => v ?? []);

const contractProductSchema = z
  .object({ productCode: int, price: cents })
  .transform((p) => ({ productCode: p.productCode, priceCents: p.price }));

export type ContractProduct = z.output<typeof contractProductSchema>;

const contractSchema = z
  .union([
    z.array(contractProductSchema),
    z
      .object({ products: z.array(contractProductSchema).nullable().optional() })
      .transform((c) => c.products ?? []),
  ])
  .nullable()
  .optional()
  .transform((v) => v ?? []);

export const catalogResponseSchema = z
  .object({
    pageFormats: z.array(pageFormatSchema).nullable().optional(),
    publicCatalog: publicSchema,
    publicGallery: publicSchema,
    privateCatalog: privateSchema,
    privateGallery: privateSchema,
    contractProducts: contractSchema,
  })
  .transform((b) => ({
    pageFormats: b.pageFormats ?? [],
    publicMotifs: b.publicGallery.length > 0 ? b.publicGallery : b.publicCatalog,
    privateMotifs: b.privateGallery.length > 0 ? b.privateGallery : b.privateCatalog,
    contractProducts: b.contractProducts,
  }));

export type Catalog = z.output<typeof catalogResponseSchema>;

/** One call for any combination of catalog parts (the `types` parameter is repeated). */
export async function catalog(
  session: Session,
  types: readonly CatalogType[] = CATALOG_TYPES,
): Promise<Catalog> {
  const res = await session.send({
    operation: "catalog",
    method: "GET",
    path: "/app/catalog",
    query: { types },
    retry: "safe",
    movesMoney: false,
  });
  return session.http.parse(res, catalogResponseSchema);
}

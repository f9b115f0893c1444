/**
 * Page formats, motifs (public and private gallery) and contract products of one shop's Portokasse,
 * cached per shop. Refreshed when older than a day on use, and on demand; a failure keeps the last copy.
 */
import { z } from "zod";
import type { Db } from "~/db.server";
import type { Catalog, Portokasse } from "~/internetmarke";
import { describeFailure } from "./failure";

export const MAX_PORTOKASSE_CATALOG_AGE_MS = 24 * 60 * 60 * 1000;

const pageFormatSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  /** REGULARPAGE, LABELPAGE, ENVELOPE or LABELPRINTER. */
  pageType: z.string(),
  isAddressPossible: z.boolean(),
  isImagePossible: z.boolean(),
  labelsX: z.number().int(),
  labelsY: z.number().int(),
  /** The catalog's layout in mm (where the app prints beside the stamps, ADR 014); absent in old copies. */
  layout: z
    .object({
      widthMm: z.number(),
      heightMm: z.number(),
      margin: z.object({ top: z.number(), bottom: z.number(), left: z.number(), right: z.number() }),
      spacing: z.object({ x: z.number(), y: z.number() }),
    })
    .nullable()
    .optional(),
});
export type StoredPageFormat = z.infer<typeof pageFormatSchema>;

const motifSchema = z.object({
  imageId: z.number().int(),
  category: z.string().nullable(),
  description: z.string().nullable(),
  thumbnailLink: z.string().nullable(),
});
export type StoredMotif = z.infer<typeof motifSchema>;

const contractProductSchema = z.object({ productCode: z.number().int(), priceCents: z.number().int() });

export interface PortokasseCatalogState {
  pageFormats: StoredPageFormat[];
  publicMotifs: StoredMotif[];
  privateMotifs: StoredMotif[];
  contractProducts: Array<z.infer<typeof contractProductSchema>>;
  fetchedAt: Date | null;
  lastFailure: { at: Date; message: string } | null;
}

function parseList<T>(text: string, schema: z.ZodType<T>): T[] {
  try {
    const parsed = z.array(schema).safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

type Row = Awaited<ReturnType<Db["portokasseCatalog"]["findUnique"]>>;

function stateOf(row: Row): PortokasseCatalogState {
  if (!row)
    return {
      pageFormats: [],
      publicMotifs: [],
      privateMotifs: [],
      contractProducts: [],
      fetchedAt: null,
      lastFailure: null,
    };
  const failedLater =
    row.lastFailureAt !== null &&
    (row.fetchedAt === null || row.lastFailureAt.getTime() >= row.fetchedAt.getTime());
  return {
    pageFormats: parseList(row.pageFormats, pageFormatSchema),
    publicMotifs: parseList(row.publicMotifs, motifSchema),
    privateMotifs: parseList(row.privateMotifs, motifSchema),
    contractProducts: parseList(row.contractProducts, contractProductSchema),
    fetchedAt: row.fetchedAt,
    lastFailure:
      failedLater && row.lastFailureAt ? { at: row.lastFailureAt, message: row.lastFailure ?? "" } : null,
  };
}

/** The API's catalog in the stored form: only what the settings pages and the preview use. */
export function toStoredCatalog(catalog: Catalog) {
  const motifs = (list: Catalog["privateMotifs"], category: string | null): StoredMotif[] =>
    list.flatMap((m) =>
      m.imageId === null
        ? []
        : [
            {
              imageId: m.imageId,
              category,
              description: m.description,
              thumbnailLink: m.thumbnailLink ?? m.link,
            },
          ],
    );
  return {
    pageFormats: catalog.pageFormats.map((f) => ({
      id: f.id,
      name: f.name,
      pageType: f.pageType,
      isAddressPossible: f.isAddressPossible,
      isImagePossible: f.isImagePossible,
      labelsX: f.pageLayout.labelCount.labelX,
      labelsY: f.pageLayout.labelCount.labelY,
      layout: f.pageLayout.size
        ? {
            widthMm: f.pageLayout.size.x,
            heightMm: f.pageLayout.size.y,
            margin: f.pageLayout.margin ?? { top: 0, bottom: 0, left: 0, right: 0 },
            spacing: f.pageLayout.labelSpacing ?? { x: 0, y: 0 },
          }
        : null,
    })),
    publicMotifs: catalog.publicMotifs.flatMap((c) => motifs(c.motifs, c.category ?? c.description)),
    privateMotifs: motifs(catalog.privateMotifs, null),
    contractProducts: catalog.contractProducts,
  };
}

export async function loadPortokasseCatalog(db: Db, shopId: string): Promise<PortokasseCatalogState> {
  return stateOf(await db.portokasseCatalog.findUnique({ where: { shopId } }));
}

export async function refreshPortokasseCatalog(
  db: Db,
  shopId: string,
  kasse: Pick<Portokasse, "catalog">,
  now: Date,
): Promise<{ ok: boolean; error: string | null; state: PortokasseCatalogState }> {
  try {
    const stored = toStoredCatalog(await kasse.catalog(["PAGE_FORMATS", "PUBLIC"]));
    const data = {
      pageFormats: JSON.stringify(stored.pageFormats),
      publicMotifs: JSON.stringify(stored.publicMotifs),
      privateMotifs: JSON.stringify(stored.privateMotifs),
      contractProducts: JSON.stringify(stored.contractProducts),
      fetchedAt: now,
    };
    const row = await db.portokasseCatalog.upsert({
      where: { shopId },
      create: { shopId, ...data },
      update: data,
    });
    return { ok: true, error: null, state: stateOf(row) };
  } catch (error) {
    const message = describeFailure(error);
    const failure = { lastFailureAt: now, lastFailure: message };
    const row = await db.portokasseCatalog.upsert({
      where: { shopId },
      create: { shopId, ...failure },
      update: failure,
    });
    return { ok: false, error: message, state: stateOf(row) };
  }
}

/** The shop's catalog for use now: refreshed first when older than a day and a Portokasse is at hand. */
export async function portokasseCatalogForUse(
  db: Db,
  shopId: string,
  kasse: Pick<Portokasse, "catalog"> | null,
  now: Date,
): Promise<PortokasseCatalogState> {
  const state = await loadPortokasseCatalog(db, shopId);
  const stale =
    state.fetchedAt === null || now.getTime() - state.fetchedAt.getTime() >= MAX_PORTOKASSE_CATALOG_AGE_MS;
  const failedJustNow =
    state.lastFailure !== null && now.getTime() - state.lastFailure.at.getTime() < 15 * 60 * 1000;
  if (!stale || kasse === null || failedJustNow) return state;
  return (await refreshPortokasseCatalog(db, shopId, kasse, now)).state;
}

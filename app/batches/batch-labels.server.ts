/**
 * The label files of a batch, from the stored bytes of its bought carts: a PDF for PDF batches; for PNG
 * batches a PDF of labels ready to stick (each stamp on a label-sized page with its order name and printed
 * address, ADR 023) and the ZIP of the stamp PNGs (named after the orders). Only the shop's own batches are
 * found.
 */
import type { FrankingCart } from "~/generated/prisma/sqlite/client";
import type { Db } from "~/db.server";
import {
  LabelFileError,
  mergeLabelPdfs,
  mergePngZips,
  pngLabelPages,
  readStampZip,
  type StampLabel,
} from "~/labels";
import { parsePositions } from "~/franking/model";
import { cartFile, refetchCartFile, type CartBytesDeps } from "./cart-bytes.server";
import { annotatePart, cartPrints, pngCartNotes, type PngNote } from "./label-notes.server";

export interface DownloadFile {
  bytes: Uint8Array;
  contentType: string;
  filename: string;
}

/** `pdf`: a PDF batch's labels; `png`: a PNG batch's stamp ZIP; `png-labels`: a PNG batch's labels (PDF). */
export type LabelFormatParam = "pdf" | "png" | "png-labels";

export async function findShopBatch(db: Db, shopDomain: string, batchId: string) {
  return db.frankingBatch.findFirst({ where: { id: batchId, shop: { domain: shopDomain } } });
}

export const boughtCarts = (db: Db, batchId: string) =>
  db.frankingCart.findMany({ where: { batchId, state: "BOUGHT" }, orderBy: { sequence: "asc" } });

/** `frankierung-2025-10-06-k3x9a2.pdf`: the day of the batch and the end of its id. */
export function batchFileName(
  batch: { id: string; createdAt: Date },
  extension: string,
  prefix = "frankierung",
) {
  return `${prefix}-${batch.createdAt.toISOString().slice(0, 10)}-${batch.id.slice(-6)}.${extension}`;
}

const REPAIRABLE = new Set(["not_a_pdf", "encrypted_pdf", "not_a_zip", "not_a_png", "page_out_of_range"]);

/**
 * Loads every cart's file and runs `build`; when a stored file turns out unreadable, that cart's file is
 * fetched again from Deutsche Post once and `build` runs again.
 */
export async function withRepair<T>(
  deps: CartBytesDeps,
  shopId: string,
  carts: readonly FrankingCart[],
  build: (parts: Uint8Array[]) => Promise<T>,
): Promise<T> {
  const parts = await Promise.all(
    carts.map(async (cart) => (await cartFile(deps, shopId, cart, "label")) ?? new Uint8Array()),
  );
  try {
    return await build(parts);
  } catch (error) {
    const cart = error instanceof LabelFileError && error.part !== null ? carts[error.part] : undefined;
    if (!cart || !(error instanceof LabelFileError) || !REPAIRABLE.has(error.code)) throw error;
    parts[error.part ?? 0] = (await refetchCartFile(deps, shopId, cart, "label")) ?? new Uint8Array();
    return build(parts);
  }
}

/** The order name of every stamp in batch order (positions that got a voucher, cart by cart). */
async function stampNames(db: Db, batchId: string, carts: readonly FrankingCart[]): Promise<string[]> {
  const [orders, vouchers] = await Promise.all([
    db.frankingOrder.findMany({ where: { batchId }, select: { id: true, orderName: true } }),
    db.voucher.findMany({ where: { batchId }, select: { batchOrderId: true } }),
  ]);
  const names = new Map(orders.map((o) => [o.id, o.orderName]));
  const stamped = new Set(vouchers.map((v) => v.batchOrderId));
  return carts.flatMap((cart) =>
    parsePositions(cart.positions)
      .filter((p) => stamped.has(p.batchOrderId))
      .map((p) => names.get(p.batchOrderId) ?? p.orderId),
  );
}

function mergeZips(parts: Uint8Array[], names: string[]): Uint8Array {
  try {
    return mergePngZips(parts, names);
  } catch (error) {
    // A cart whose ZIP holds another number of stamps than vouchers were recorded: plain numbers then.
    if (error instanceof LabelFileError && error.code === "name_count_mismatch") return mergePngZips(parts);
    throw error;
  }
}

/**
 * Every stamp of the PNG carts with what the app prints beside it. A cart whose ZIP holds another number of
 * stamps than vouchers were recorded cannot say which stamp is whose: its labels get neither order name nor
 * address (a wrong address would send a letter astray).
 */
export function stampLabels(parts: readonly Uint8Array[], notes: readonly PngNote[][]): StampLabel[] {
  return parts.flatMap((bytes, part) => {
    const pngs = readStampZip(bytes, part);
    const cartNotes = notes[part] ?? [];
    const matched = cartNotes.length === pngs.length;
    return pngs.map(({ png }, i) => ({
      png,
      part,
      orderName: matched ? (cartNotes[i]?.orderName ?? "") : "",
      orderId: matched ? (cartNotes[i]?.orderId ?? null) : null,
      addressLines: matched ? (cartNotes[i]?.addressLines ?? null) : null,
    }));
  });
}

/**
 * The batch's label file, or null when the batch is not the shop's, has no bought cart yet, or was bought
 * in the other format (`format` defaults to the batch's own: the PDF, or for a PNG batch its labels PDF).
 */
declare global {
  // The label file being built in this process (see `oneAtATime`).
  var __frankiermeisterLabelBuild: Promise<unknown> | undefined;
}

/**
 * Label files are built one after another in a process: merging a batch's PDFs holds every page in memory
 * (pdf-lib), and batches now finish within seconds of each other (ADR 021), so several merges at once
 * multiplied the peak memory. Node runs them on one thread either way, so waiting costs no time overall.
 */
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const previous = globalThis.__frankiermeisterLabelBuild ?? Promise.resolve();
  const run = previous.then(work, work);
  globalThis.__frankiermeisterLabelBuild = run.catch(() => undefined);
  return run;
}

export function batchLabels(
  deps: CartBytesDeps,
  input: { shopDomain: string; batchId: string; format?: LabelFormatParam | null },
): Promise<DownloadFile | null> {
  return oneAtATime(() => buildBatchLabels(deps, input));
}

async function buildBatchLabels(
  deps: CartBytesDeps,
  input: { shopDomain: string; batchId: string; format?: LabelFormatParam | null },
): Promise<DownloadFile | null> {
  const batch = await findShopBatch(deps.db, input.shopDomain, input.batchId);
  if (!batch) return null;
  const png = batch.labelFormat === "PNG";
  const format = input.format ?? (png ? "png-labels" : "pdf");
  if ((format === "pdf") === png) return null;
  const carts = await boughtCarts(deps.db, batch.id);
  if (carts.length === 0) return null;
  if (format === "png-labels") {
    const notes = await pngCartNotes(deps.db, batch.shopId, carts);
    const name = batchFileName(batch, "pdf", "etiketten");
    const bytes = await withRepair(deps, batch.shopId, carts, (parts) =>
      pngLabelPages(stampLabels(parts, notes), { title: `Frankiermeister ${name}` }),
    );
    return { bytes, contentType: "application/pdf", filename: name };
  }
  if (format === "png") {
    const names = await stampNames(deps.db, batch.id, carts);
    const bytes = await withRepair(deps, batch.shopId, carts, async (parts) => mergeZips(parts, names));
    return { bytes, contentType: "application/zip", filename: batchFileName(batch, "zip", "marken") };
  }
  const title = `Frankiermeister ${batchFileName(batch, "pdf")}`;
  const prints = await cartPrints(deps.db, batch.shopId, carts);
  const bytes = await withRepair(deps, batch.shopId, carts, (parts) =>
    mergeLabelPdfs(parts, { title, prepare: annotatePart(prints) }),
  );
  return { bytes, contentType: "application/pdf", filename: batchFileName(batch, "pdf") };
}

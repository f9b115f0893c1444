import type { PDFDocument } from "pdf-lib";
import { LabelFileError } from "./errors";
import { appendPages, loadPart, newOutput } from "./pdf";

export interface MergeOptions {
  /** Document title shown by PDF viewers, e.g. "Frankiermeister Stapel 12". */
  title?: string;
  /** Changes each parsed part before its pages are copied (the app's notes, `annotateDocument`). */
  prepare?: (doc: PDFDocument, part: number) => Promise<void>;
}

/**
 * One PDF for the whole batch: the carts' pages in cart order, then page order, each page keeping its own
 * size (a batch may mix an A4 sheet and label-printer labels). A broken part fails the call with a
 * `NotAPdfError` naming it. Parts are parsed one at a time and let go once their pages are copied, so a
 * batch of many carts never holds all of them parsed at once.
 */
export async function mergeLabelPdfs(
  parts: readonly Uint8Array[],
  options: MergeOptions = {},
): Promise<Uint8Array> {
  if (parts.length === 0) throw new LabelFileError("nothing_to_merge", "No label PDFs to merge");
  const out = await newOutput(options.title ?? "INTERNETMARKE");
  for (const [i, bytes] of parts.entries()) {
    const doc = await loadPart(bytes, i);
    await options.prepare?.(doc, i);
    await appendPages(out, doc);
  }
  return out.save();
}

/**
 * The Einlieferungsbelege (manifest PDFs) of several carts as one document, in cart order. `null` when
 * no cart has one; the caller then renders a posting list (`renderPostingList`).
 */
export async function mergeManifests(
  parts: readonly (Uint8Array | null)[],
  options: MergeOptions = {},
): Promise<Uint8Array | null> {
  const present = parts.flatMap((bytes, part) => (bytes === null ? [] : [{ bytes, part }]));
  if (present.length === 0) return null;
  const out = await newOutput(options.title ?? "Einlieferungsliste");
  for (const { bytes, part } of present) await appendPages(out, await loadPart(bytes, part));
  return out.save();
}

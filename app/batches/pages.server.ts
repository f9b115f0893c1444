/** Loader data of the batches pages: the read model plus signed download links for this shop. */
import type { Db } from "~/db.server";
import type { Locale } from "~/i18n";
import { batchDetail, listBatches, type BatchDetail, type BatchSummary } from "./batch-view.server";
import { dayRange } from "./csv.server";
import { berlinDay, numericId } from "./format";
import { signedLink } from "./links.server";

interface Signing {
  shop: string;
  locale: Locale;
  apiSecret: string;
  now: Date;
}

export interface BatchLinks {
  labels: string | null;
  /** A PNG batch's stamp images as a ZIP (its `labels` are the labels ready to stick, as a PDF). */
  stampImages: string | null;
  manifest: string | null;
  csv: string;
  /** Per order id: its label page (stamped orders only; for a PNG batch its label ready to stick). */
  reprint: Record<string, string>;
}

export async function batchPage(
  db: Db,
  input: Signing & { batchId: string },
): Promise<{ batch: BatchDetail; links: BatchLinks } | null> {
  const batch = await batchDetail(db, input.shop, input.batchId);
  if (!batch) return null;
  const sign = (resource: string) => signedLink(input.shop, resource, input);
  const id = encodeURIComponent(batch.id);
  const pdf = batch.labelFormat !== "PNG";
  const reprint = Object.fromEntries(
    batch.lines
      .filter((line) => line.voucherId !== null)
      .map((line) => [line.orderId, sign(`/labels/orders.pdf?ids=${numericId(line.orderId)}`)]),
  );
  return {
    batch,
    links: {
      labels: batch.hasLabels ? sign(pdf ? `/labels/${id}` : `/labels/${id}?format=png-labels`) : null,
      stampImages: batch.hasLabels && !pdf ? sign(`/labels/${id}?format=png`) : null,
      manifest: batch.hasRegistered ? sign(`/labels/${id}/manifest`) : null,
      csv: sign(`/batches.csv?batch=${id}&locale=${input.locale}`),
      reprint,
    },
  };
}

export interface ExportForm {
  from: string;
  to: string;
  /** Signed CSV link for the range, or null when the range is invalid. */
  link: string | null;
}

/** The export range from `?from=&to=`; by default the current month up to today (German time). */
export function exportForm(params: URLSearchParams, input: Signing): ExportForm {
  const today = berlinDay(input.now);
  const from = params.get("from") ?? `${today.slice(0, 8)}01`;
  const to = params.get("to") ?? today;
  const range = dayRange(from, to);
  const query = new URLSearchParams({ from, to, locale: input.locale });
  return { from, to, link: range ? signedLink(input.shop, `/batches.csv?${query.toString()}`, input) : null };
}

export async function batchesPage(
  db: Db,
  input: Signing & { params: URLSearchParams },
): Promise<{ batches: BatchSummary[]; exportForm: ExportForm }> {
  return { batches: await listBatches(db, input.shop), exportForm: exportForm(input.params, input) };
}

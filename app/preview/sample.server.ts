/**
 * A free sample stamp ("MUSTER") for a product and layout: the API's `validate=true` preview, fetched from
 * the link Deutsche Post answers with, so the browser gets it through the app for the authenticated shop.
 */
import { z } from "zod";
import type { Db } from "~/db.server";
import type { InternetmarkeClient } from "~/internetmarke";
import { portokasseFor } from "~/portokasse/connection.server";

export const sampleRequestSchema = z.object({
  productCode: z.coerce.number().int().min(1).max(999_999),
  layout: z.enum(["ADDRESS_ZONE", "FRANKING_ZONE"]),
  format: z.enum(["png", "pdf"]).default("png"),
  pageFormatId: z.coerce.number().int().min(1).optional(),
  imageId: z.coerce.number().int().min(1).optional(),
});

export type SampleRequest = z.infer<typeof sampleRequestSchema>;

export type SampleResult =
  | { ok: true; contentType: string; bytes: Uint8Array }
  | { ok: false; reason: "not-connected" | "page-format-required" | "failed"; detail: string | null };

export async function sampleStamp(
  deps: { db: Db; im: InternetmarkeClient; encryptionKey: string; fetch?: typeof fetch },
  shopId: string,
  request: SampleRequest,
): Promise<SampleResult> {
  const linked = await portokasseFor(deps.db, deps.im, shopId, deps.encryptionKey);
  if (!linked) return { ok: false, reason: "not-connected", detail: null };
  if (request.format === "pdf" && request.pageFormatId === undefined) {
    return { ok: false, reason: "page-format-required", detail: null };
  }
  const common = {
    productCode: request.productCode,
    voucherLayout: request.layout,
    ...(request.imageId === undefined ? {} : { imageId: request.imageId }),
  };
  try {
    const preview =
      request.format === "pdf" && request.pageFormatId !== undefined
        ? await linked.kasse.previewPdf({ ...common, pageFormatId: request.pageFormatId })
        : await linked.kasse.previewPng(common);
    const link = new URL(preview.link);
    if (link.protocol !== "https:" && link.protocol !== "http:")
      return { ok: false, reason: "failed", detail: "unexpected link" };
    const response = await (deps.fetch ?? globalThis.fetch)(link.toString(), { method: "GET" });
    if (!response.ok) return { ok: false, reason: "failed", detail: `download answered ${response.status}` };
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { ok: true, contentType: request.format === "pdf" ? "application/pdf" : "image/png", bytes };
  } catch (error) {
    const detail = error instanceof Error && "code" in error ? String(error.code) : "unexpected";
    return { ok: false, reason: "failed", detail };
  }
}

/**
 * The preview API for the admin extension and the preview page: parse the request body, run the dry run
 * for the authenticated shop, answer JSON. Nothing is bought.
 */
import { appDeps } from "~/app-deps.server";
import { reasonText } from "~/components/reason";
import { noticeText } from "~/i18n/mapping-text";
import { ShopifyApiError, type AdminGraphql } from "~/shopify/graphql.server";
import { previewJson } from "./json";
import { previewBatch, previewRequestSchema } from "./preview.server";

export async function previewResponse(
  admin: AdminGraphql,
  shopDomain: string,
  body: unknown,
): Promise<Response> {
  const parsed = previewRequestSchema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    return Response.json({ error: "invalid-request", issues }, { status: 400 });
  }
  try {
    const preview = await previewBatch(
      { ...appDeps(), admin },
      { shopDomain, orderIds: parsed.data.orderIds },
    );
    const locale = parsed.data.locale ?? "en";
    const lines = preview.lines.map((line) => ({
      ...line,
      reason: reasonText(line, locale),
      // The notices (exact weight, customs form, substitutions) as sentences, for the admin extension.
      noticeTexts: line.ok ? line.notices.map((notice) => noticeText(notice, locale)) : [],
    }));
    return Response.json(previewJson({ ...preview, lines }));
  } catch (error) {
    if (error instanceof ShopifyApiError) {
      return Response.json({ error: "shopify-unavailable", code: error.code }, { status: 502 });
    }
    throw error;
  }
}

export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return null;
  }
}

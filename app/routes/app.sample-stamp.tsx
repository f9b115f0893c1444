import type { LoaderFunctionArgs } from "@remix-run/node";
import { appDeps } from "~/app-deps.server";
import { sampleRequestSchema, sampleStamp } from "~/preview/sample.server";
import { shopFor } from "~/shops.server";
import { authenticate } from "~/shopify.server";

/** GET: a free "MUSTER" stamp (PNG or PDF) for the authenticated shop's Portokasse. Nothing is bought. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const parsed = sampleRequestSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: "invalid-request" }, { status: 400 });
  const deps = appDeps();
  const shop = await shopFor(deps.db, session.shop);
  const result = await sampleStamp(deps, shop.id, parsed.data);
  if (!result.ok)
    return Response.json({ error: result.reason }, { status: result.reason === "failed" ? 502 : 409 });
  return new Response(Buffer.from(result.bytes), {
    headers: { "Content-Type": result.contentType, "Cache-Control": "private, no-store" },
  });
};

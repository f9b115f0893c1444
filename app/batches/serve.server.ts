/** The common frame of every download route: authorise (session token or signed link), produce, answer. */
import { config } from "~/config.server";
import { authenticate } from "~/shopify.server";
import { LabelsUnavailableError } from "./cart-bytes.server";
import { authorizeDownload } from "./links.server";

export async function serveDownload(
  request: Request,
  produce: (shopDomain: string, url: URL) => Promise<Response>,
): Promise<Response> {
  const access = await authorizeDownload(request, {
    authenticateAdmin: authenticate.admin,
    apiSecret: config().SHOPIFY_API_SECRET,
    now: new Date(),
  });
  try {
    return access.respond(await produce(access.shop, new URL(request.url)));
  } catch (error) {
    if (!(error instanceof LabelsUnavailableError)) throw error;
    console.warn(error.message);
    return access.respond(
      new Response(
        "The labels are not stored and Deutsche Post could not provide them again. Try again later.",
        {
          status: 502,
          headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
        },
      ),
    );
  }
}

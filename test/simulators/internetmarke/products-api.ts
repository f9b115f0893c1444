// Deutsche Post Products API (ProdWS successor): GET /products?profile=IM-PARTNER&shortVersion=true
// with the app's client_id in the dhl-api-key header. Prices are decimal euros here.
import type { SimContext } from "./context";
import { productsAt } from "./prices";
import { gatewayError, gatewayUnauthorized, json } from "./errors";

export function handleProducts(ctx: SimContext): Response {
  const apiKey = ctx.request.headers.get("dhl-api-key");
  if (!apiKey || !ctx.state.apps.has(apiKey)) return gatewayUnauthorized();
  const profile = ctx.url.searchParams.get("profile");
  if (profile !== "IM-PARTNER") {
    return gatewayError(
      400,
      "Bad Request",
      `profile: '${profile ?? ""}' is not a known profile (IM-PARTNER)`,
    );
  }
  if (ctx.url.searchParams.get("shortVersion") !== "true") {
    return gatewayError(
      400,
      "Bad Request",
      "shortVersion=true is required: the simulator only offers the short version",
    );
  }
  const today = ctx.config.now().toISOString().slice(0, 10);
  return json({
    type: "PwsProducts",
    date: today,
    shortSalesProducts: productsAt(ctx.state, ctx.config.now()).map((p) => ({
      extProductid: String(p.productCode),
      extProductname: p.name,
      transport: p.destination,
      grossprice: p.priceCents / 100,
      ...(p.maxWeightGrams === null ? {} : { maxWeight: p.maxWeightGrams }),
    })),
  });
}

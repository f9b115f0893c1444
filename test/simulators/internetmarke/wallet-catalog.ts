// PUT /app/wallet (top-up from the stored SEPA mandate) and GET /app/catalog.
import { book } from "./accounts";
import type { SimContext } from "./context";
import { IM_BASE_PATH } from "./context";
import { pageFormats, publicMotifs } from "./data";
import { productAt } from "./prices";
import { badRequest, fail, json } from "./errors";
import type { Account } from "./state";
import { mintShopOrderId } from "./state";

const DAY_MS = 24 * 60 * 60 * 1000;

export function handleTopUp(ctx: SimContext, account: Account): Response {
  const raw = ctx.url.searchParams.get("amount");
  if (raw === null)
    badRequest("Required request parameter 'amount' for method parameter type Integer is not present");
  const amount = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(amount) || amount < 1 || amount > 2 ** 31 - 1) {
    badRequest(`amount: must be a positive integer (euro cents), got '${raw}'`);
  }
  const detail = `Error while processing charging request for serialnumber '${account.serialNumber}'`;
  if (!account.sepaMandate) fail(400, "forbiddenPaymentMethod", detail);
  const now = ctx.config.now();
  const toppedUpToday = account.ledger
    .filter((e) => e.kind === "topup" && now.getTime() - e.at.getTime() < DAY_MS)
    .reduce((sum, e) => sum + e.cents, 0);
  if (toppedUpToday + amount > account.topUpQuotaCents) fail(400, "quotaExceeded", detail);

  const shopOrderId = mintShopOrderId(ctx.state);
  book(account, "topup", amount, shopOrderId, now);
  return json({ shopOrderId, walletBalance: account.balanceCents });
}

// The spec's enum for `types` (openapi 1.30, /app/catalog): anything else is refused with 400. That the
// live service refuses PRIVATE is an assumption (README): the spec lists only these two.
const catalogTypes = ["PUBLIC", "PAGE_FORMATS"] as const;
type CatalogType = (typeof catalogTypes)[number];

function isCatalogType(value: string): value is CatalogType {
  return catalogTypes.some((t) => t === value);
}

function motifLink(ctx: SimContext, imageID: number) {
  const base = `${ctx.origin}${IM_BASE_PATH}/gallery/${imageID}`;
  return { link: `${base}.png`, linkThumbnail: `${base}.png?thumbnail=true` };
}

function publicGallery(ctx: SimContext) {
  const categoryIds = [...new Set(publicMotifs.map((m) => m.categoryId))];
  return {
    items: categoryIds.map((categoryId) => {
      const motifs = publicMotifs.filter((m) => m.categoryId === categoryId);
      return {
        category: motifs[0]?.category ?? "",
        categoryDescription: motifs[0]?.category ?? "",
        categoryId,
        images: motifs.map((m) => ({
          imageID: m.imageID,
          imageDescription: m.imageDescription,
          imageSlogan: m.imageSlogan,
          links: motifLink(ctx, m.imageID),
        })),
      };
    }),
  };
}

/** `types` repeats (types=PUBLIC&types=PAGE_FORMATS); the live answer uses the keys below. */
export function handleCatalog(ctx: SimContext, account: Account): Response {
  const types = ctx.url.searchParams.getAll("types").flatMap((t) => t.split(","));
  if (types.length === 0)
    badRequest("Required request parameter 'types' for method parameter type List is not present");
  const unknown = types.filter((t) => !isCatalogType(t));
  if (unknown.length > 0) {
    badRequest(`types: '${unknown.join("', '")}' is not one of [${catalogTypes.join(", ")}]`);
  }
  const body: Record<string, unknown> = {};
  if (types.includes("PUBLIC")) body.publicGallery = publicGallery(ctx);
  if (types.includes("PAGE_FORMATS")) {
    body.pageFormats = pageFormats.map((f) => ({ ...f, description: null }));
  }
  if (account.contractProducts.length > 0) {
    body.contractProducts = {
      products: account.contractProducts.map((productCode) => ({
        productCode,
        price: productAt(ctx.state, ctx.config.now(), productCode)?.priceCents ?? 0,
      })),
    };
  }
  return json(body);
}

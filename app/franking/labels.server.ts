/**
 * Keeps the bought stamps: the download link of a cart expires, so its bytes (PDF, or a ZIP of PNGs) and
 * the posting list (Einlieferungsbeleg, registered mail only) are stored with the cart. An expired link
 * is renewed with retrieveCart, which never charges again.
 */
import type { FrankingCart } from "~/generated/prisma/sqlite/client";
import { passPoint, type RunContext } from "./context";

export class DownloadError extends Error {
  override name = "DownloadError";
  constructor(
    readonly status: number,
    what: string,
  ) {
    super(`Downloading the ${what} failed with HTTP ${status}`);
  }
}

async function download(ctx: RunContext, url: string, what: string): Promise<Uint8Array<ArrayBuffer>> {
  const response = await ctx.fetchBytes(url);
  if (!response.ok) throw new DownloadError(response.status, what);
  return new Uint8Array(await response.arrayBuffer());
}

async function freshLinks(ctx: RunContext, cart: FrankingCart) {
  if (cart.shopOrderId === null) throw new Error(`Cart ${cart.id} has no shopOrderId`);
  const found = await ctx.portokasse.retrieveCart(cart.shopOrderId);
  if (!found.bought) throw new Error(`Cart ${cart.shopOrderId} was bought but the server does not know it`);
  return { link: found.cart.link, manifestLink: found.cart.manifestLink };
}

async function fetchAll(
  ctx: RunContext,
  links: { link: string | null; manifestLink: string | null },
  manifest: boolean,
) {
  if (links.link === null) throw new Error("The cart has no label link");
  // Both at once: the posting list does not wait for the labels.
  const [labelBytes, manifestBytes] = await Promise.all([
    download(ctx, links.link, "labels"),
    manifest && links.manifestLink !== null ? download(ctx, links.manifestLink, "posting list") : null,
  ]);
  return { labelBytes, manifestBytes };
}

/** Downloads and stores a bought cart's label file (and posting list). */
export async function storeLabels(ctx: RunContext, cart: FrankingCart): Promise<void> {
  let links = { link: cart.link, manifestLink: cart.manifestLink };
  let files: Awaited<ReturnType<typeof fetchAll>>;
  try {
    files = await fetchAll(ctx, links, cart.createManifest);
  } catch (error) {
    if (!(error instanceof DownloadError) || (error.status !== 404 && error.status !== 410)) throw error;
    links = await freshLinks(ctx, cart);
    files = await fetchAll(ctx, links, cart.createManifest);
  }
  await ctx.db.frankingCart.update({
    where: { id: cart.id },
    data: {
      ...links,
      labelBytes: files.labelBytes,
      manifestBytes: files.manifestBytes,
      fetchedAt: ctx.now(),
    },
    // Not the stored files back: the PostgreSQL adapter turns every byte of a bytea into an array element.
    select: { id: true },
  });
  await passPoint(ctx, "after-labels", { batchId: cart.batchId, cartId: cart.id });
}

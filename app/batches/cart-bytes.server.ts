/**
 * The stored label and manifest bytes of bought carts. When they are missing (the download after the
 * purchase failed, or they were cleared) or unreadable, the cart is retrieved again from Deutsche Post
 * (`retrieveCart(shopOrderId)` answers with fresh links and costs nothing), downloaded and stored.
 */
import type { Db } from "~/db.server";
import type { FrankingCart } from "~/generated/prisma/sqlite/client";

export type CartFile = "label" | "manifest";

/** Fresh download links of a bought cart, or null when the shop's Portokasse cannot be asked. */
export type RefetchLinks = (
  shopId: string,
  shopOrderId: string,
) => Promise<{ link: string; manifestLink: string | null } | null>;

export type FetchBytes = (
  url: string,
) => Promise<{ ok: boolean; status: number; arrayBuffer(): Promise<ArrayBuffer> }>;

export interface CartBytesDeps {
  db: Db;
  now: () => Date;
  refetchLinks: RefetchLinks;
  fetchBytes: FetchBytes;
}

/** Deutsche Post could not give the file again (no Portokasse linked, cart unknown, download failed). */
export class LabelsUnavailableError extends Error {
  override name = "LabelsUnavailableError";
  constructor(
    readonly cartId: string,
    reason: string,
  ) {
    super(`The labels of cart ${cartId} are not stored and could not be fetched again: ${reason}`);
  }
}

const stored = (cart: FrankingCart, file: CartFile) =>
  file === "label" ? cart.labelBytes : cart.manifestBytes;

/** Downloads the file again and stores it (replacing what was stored). */
export async function refetchCartFile(
  deps: CartBytesDeps,
  shopId: string,
  cart: FrankingCart,
  file: CartFile,
): Promise<Uint8Array | null> {
  if (cart.shopOrderId === null) throw new LabelsUnavailableError(cart.id, "no shopOrderId");
  const links = await deps.refetchLinks(shopId, cart.shopOrderId);
  if (links === null)
    throw new LabelsUnavailableError(
      cart.id,
      "Deutsche Post does not know the cart or no Portokasse is linked",
    );
  const url = file === "label" ? links.link : links.manifestLink;
  if (url === null) return null;
  const response = await deps.fetchBytes(url);
  if (!response.ok) throw new LabelsUnavailableError(cart.id, `download answered ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const data =
    file === "label" ? { labelBytes: bytes, link: links.link } : { manifestBytes: bytes, manifestLink: url };
  await deps.db.frankingCart.update({
    where: { id: cart.id },
    data: { ...data, fetchedAt: deps.now() },
    select: { id: true },
  });
  return bytes;
}

/** The stored bytes, fetched again when missing. Manifests exist only for carts bought with one. */
export async function cartFile(
  deps: CartBytesDeps,
  shopId: string,
  cart: FrankingCart,
  file: CartFile,
): Promise<Uint8Array | null> {
  const bytes = stored(cart, file);
  if (bytes !== null) return new Uint8Array(bytes);
  if (file === "manifest" && !cart.createManifest) return null;
  // Dropped because they showed a redacted or expired recipient (app/privacy): never fetched again.
  if (cart.filesRedactedAt !== null)
    throw new LabelsUnavailableError(cart.id, "the files were erased (privacy)");
  return refetchCartFile(deps, shopId, cart, file);
}

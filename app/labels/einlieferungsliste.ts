import { mergeManifests } from "./merge-pdf";
import { renderPostingList, type PostingListItem, type PostingListMeta } from "./posting-list";

export interface Einlieferungsliste {
  /** `deutsche_post`: the carts' own manifests merged; `generated`: drawn by the app from the vouchers. */
  source: "deutsche_post" | "generated";
  pdf: Uint8Array;
}

export interface CartPosting {
  /** Deutsche Post's manifest (Einlieferungsbeleg) of the cart, if it was bought with `createManifest`. */
  manifest: Uint8Array | null;
  /** The cart's vouchers; those with a tracking number are registered mail. */
  items: readonly PostingListItem[];
}

const isRegistered = (item: PostingListItem) => item.trackingNumber !== null && item.trackingNumber !== "";

/**
 * The batch's Einlieferungsliste, one document for the post office counter:
 * - Deutsche Post's manifests merged in cart order when every cart holding Einschreiben has one;
 * - otherwise a posting list drawn from all registered-mail vouchers of the batch (so that no item is
 *   missing because one cart was bought without a manifest or its link expired unfetched);
 * - `null` when there is neither a manifest nor a registered-mail voucher.
 */
export async function einlieferungsliste(
  carts: readonly CartPosting[],
  meta: PostingListMeta,
): Promise<Einlieferungsliste | null> {
  const covered = carts.every((cart) => cart.manifest !== null || !cart.items.some(isRegistered));
  if (covered) {
    const merged = await mergeManifests(
      carts.map((c) => c.manifest),
      { title: `Einlieferungsliste ${meta.batchLabel}` },
    );
    if (merged !== null) return { source: "deutsche_post", pdf: merged };
  }
  const generated = await renderPostingList(
    meta,
    carts.flatMap((c) => c.items),
  );
  return generated === null ? null : { source: "generated", pdf: generated };
}

/**
 * The Einlieferungsliste of a batch: Deutsche Post's manifests when every cart with Einschreiben has one
 * (stored, or fetched again), otherwise a posting list drawn from the batch's registered-mail vouchers.
 */
import { einlieferungsliste, type CartPosting, type PostingListItem } from "~/labels";
import { parseAddress } from "~/franking/model";
import { batchFileName, boughtCarts, findShopBatch, type DownloadFile } from "./batch-labels.server";
import { cartFile, LabelsUnavailableError, type CartBytesDeps } from "./cart-bytes.server";

export interface ManifestFile extends DownloadFile {
  source: "deutsche_post" | "generated";
}

export async function batchManifest(
  deps: CartBytesDeps,
  input: { shopDomain: string; batchId: string },
): Promise<ManifestFile | null> {
  const batch = await findShopBatch(deps.db, input.shopDomain, input.batchId);
  if (!batch) return null;
  const [carts, orders, vouchers] = await Promise.all([
    boughtCarts(deps.db, batch.id),
    deps.db.frankingOrder.findMany({ where: { batchId: batch.id }, select: { id: true, address: true } }),
    deps.db.voucher.findMany({ where: { batchId: batch.id }, orderBy: { batchOrder: { position: "asc" } } }),
  ]);
  const addresses = new Map(orders.map((o) => [o.id, parseAddress(o.address)]));
  const postings: CartPosting[] = await Promise.all(
    carts.map(async (cart) => {
      const items = vouchers
        .filter((v) => v.cartId === cart.id)
        .map((v): PostingListItem => {
          const receiver = addresses.get(v.batchOrderId)?.receiver;
          return {
            voucherId: v.voucherId,
            trackingNumber: v.trackId,
            productName: v.productName,
            recipientName: receiver?.name ?? "",
            postalCode: receiver?.postalCode ?? "",
            city: receiver?.city ?? "",
            countryCode: receiver?.country ?? null,
          };
        });
      const manifest = await cartFile(deps, batch.shopId, cart, "manifest").catch((error: unknown) => {
        // No manifest to be had: the generated list stands in for it.
        if (error instanceof LabelsUnavailableError) return null;
        throw error;
      });
      return { manifest, items };
    }),
  );
  const sender = orders.map((o) => addresses.get(o.id)?.sender).find((s) => s !== undefined);
  const list = await einlieferungsliste(postings, {
    shopName: input.shopDomain,
    batchLabel: `Stapel ${batch.id.slice(-6)}`,
    createdAt: batch.createdAt,
    sender: sender ? `${sender.name}, ${sender.city}` : null,
  });
  if (list === null) return null;
  return {
    bytes: list.pdf,
    contentType: "application/pdf",
    filename: batchFileName(batch, "pdf", "einlieferungsliste"),
    source: list.source,
  };
}

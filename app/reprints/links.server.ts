/** Signed reprint links: the batch's label links with `reprint=confirmed`, after the merchant read the reminder. */
import { signedLink } from "~/batches/links.server";
import { numericId } from "~/batches/format";
import { REPRINT_CONFIRMED } from "./record.server";

export function confirmedReprintLinks(
  input: { shop: string; apiSecret: string; now: Date },
  batch: {
    id: string;
    labelFormat: string;
    hasLabels: boolean;
    lines: ReadonlyArray<{ orderId: string; voucherId: string | null }>;
  },
): { labels: string | null; orders: Record<string, string> } {
  const sign = (resource: string) => signedLink(input.shop, resource, input);
  const id = encodeURIComponent(batch.id);
  const pdf = batch.labelFormat !== "PNG";
  return {
    labels: batch.hasLabels
      ? sign(
          pdf
            ? `/labels/${id}?reprint=${REPRINT_CONFIRMED}`
            : `/labels/${id}?format=png-labels&reprint=${REPRINT_CONFIRMED}`,
        )
      : null,
    orders: pdf
      ? Object.fromEntries(
          batch.lines
            .filter((l) => l.voucherId !== null)
            .map((l) => [
              l.orderId,
              sign(`/labels/orders.pdf?ids=${numericId(l.orderId)}&reprint=${REPRINT_CONFIRMED}`),
            ]),
        )
      : {},
  };
}

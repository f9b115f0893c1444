/**
 * "Print this order's label" without anybody else's stamp: each chosen stamp gets its own page, the size
 * of the page it was bought on, with only its own cell copied to the same place (the rest stays blank).
 * So a sheet page can go back into the printer for a fresh sheet, and a label printer gets exactly one
 * label. The cell is clipped by embedding the page with the cell as bounding box.
 */
import type { PageGeometry } from "./cells";
import { cellBox } from "./cells";
import { LabelFileError } from "./errors";
import type { CartLabels } from "./order-pages";
import { loadPart, newOutput } from "./pdf";

export interface IsolatedStamps {
  pdf: Uint8Array | null;
  /** Chosen orders without any stamp in these carts. */
  missing: string[];
}

export async function isolateOrderStamps(
  carts: readonly (CartLabels & { geometry: PageGeometry })[],
  orderIds: readonly string[],
  options: { title?: string } = {},
): Promise<IsolatedStamps> {
  const wanted = new Set(orderIds);
  const out = await newOutput(options.title ?? "INTERNETMARKE");
  const found = new Set<string>();
  for (const [index, cart] of carts.entries()) {
    const stamps = cart.stamps.filter((s) => wanted.has(s.orderId));
    if (stamps.length === 0) continue;
    const source = await loadPart(cart.pdf, index);
    for (const stamp of stamps) {
      if (stamp.position.page > source.getPageCount()) {
        throw new LabelFileError("page_out_of_range", `Part ${index} has no page ${stamp.position.page}`, {
          part: index,
        });
      }
      const page = source.getPage(stamp.position.page - 1);
      const size = page.getSize();
      const cell = cellBox(cart.geometry, stamp.position, size);
      const embedded = await out.embedPage(page, {
        left: cell.x,
        bottom: cell.y,
        right: cell.x + cell.width,
        top: cell.y + cell.height,
      });
      const target = out.addPage([size.width, size.height]);
      target.drawPage(embedded, { x: cell.x, y: cell.y, width: cell.width, height: cell.height });
      found.add(stamp.orderId);
    }
  }
  const missing = [...new Set(orderIds)].filter((id) => !found.has(id));
  return { pdf: found.size === 0 ? null : await out.save(), missing };
}

/**
 * Pure planning: which label slot each stamp gets and how the stamps are packed into carts.
 * The slots fill the page format's grid from the chosen start position across pages (buildPositions);
 * carts are cut, where the size limit allows, at page ends so that one cart's sheets are whole pages.
 */
import { buildPositions, type LabelGrid } from "~/internetmarke";
import type { CartPosition, Slot } from "./model";

/** The 1-based start position (counted row by row) as the grid cell buildPositions starts from. */
export function startCell(grid: LabelGrid, startPosition: number): { labelX: number; labelY: number } {
  const perPage = grid.labelX * grid.labelY;
  if (!Number.isInteger(startPosition) || startPosition < 1 || startPosition > perPage) {
    throw new RangeError(`The start position must be between 1 and ${perPage}`);
  }
  const index = startPosition - 1;
  return { labelX: (index % grid.labelX) + 1, labelY: Math.floor(index / grid.labelX) + 1 };
}

/** The slots of `count` stamps on the batch's printout (pages counted across the whole batch). */
export function slotsFor(grid: LabelGrid, count: number, startPosition: number): Slot[] {
  return buildPositions(grid, count, startCell(grid, startPosition));
}

/**
 * Packs positions (in print order) into carts of at most `max`. When a cart cannot take all that is
 * left, it ends at the last page end inside the limit, if there is one.
 */
export function packCarts(positions: readonly CartPosition[], max: number): CartPosition[][] {
  if (!Number.isInteger(max) || max < 1) throw new RangeError("At least one position per cart");
  const carts: CartPosition[][] = [];
  let from = 0;
  while (from < positions.length) {
    let size = Math.min(max, positions.length - from);
    if (from + size < positions.length) {
      for (let k = size; k >= 1; k--) {
        const last = positions[from + k - 1]?.slot;
        const next = positions[from + k]?.slot;
        if (last && next && next.page !== last.page) {
          size = k;
          break;
        }
      }
    }
    carts.push(positions.slice(from, from + size));
    from += size;
  }
  return carts;
}

/** The cart's slots with pages renumbered from 1: each cart is its own document. */
export function cartSlots(positions: readonly CartPosition[]): Slot[] {
  const pages = positions.flatMap((p) => (p.slot ? [p.slot.page] : []));
  const first = pages.length === 0 ? 1 : Math.min(...pages);
  return positions.map((p) => {
    if (!p.slot) throw new Error(`Position of ${p.orderId} has no label slot`);
    return { ...p.slot, page: p.slot.page - first + 1 };
  });
}

export const cartTotal = (positions: readonly CartPosition[]): number =>
  positions.reduce((sum, p) => sum + p.priceCents, 0);

/** Halves a cart the API refused as too big. */
export function splitInTwo(positions: readonly CartPosition[]): CartPosition[][] {
  const half = Math.ceil(positions.length / 2);
  return [positions.slice(0, half), positions.slice(half)].filter((part) => part.length > 0);
}

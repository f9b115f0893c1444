/** The preview's reads kept for the confirm (ADR 021): per shop, only young enough, only with the fields asked for. */
import { beforeEach, expect, it } from "vitest";
import type { FetchedOrder } from "./orders.server";
import {
  clearPreviewReads,
  forgetPreviewReads,
  previewRead,
  PREVIEW_READS_MAX,
  PREVIEW_READS_TTL_MS,
  rememberPreviewReads,
} from "./read-cache.server";

const order = (id: number) => ({ id: `gid://shopify/Order/${id}`, name: `#${id}`, updatedAt: "2026-12-02T10:00:00Z" }) as unknown as FetchedOrder;
const ALL = { shippingLine: true, orderValue: true };
const PLAIN = { shippingLine: false, orderValue: false };

beforeEach(() => clearPreviewReads());

it("answers the order for its shop while it is young, then forgets it", () => {
  rememberPreviewReads("shop-a", [order(1)], ALL, 1_000);
  expect(previewRead("shop-a", order(1).id, ALL, 1_000 + PREVIEW_READS_TTL_MS)?.name).toBe("#1");
  expect(previewRead("shop-b", order(1).id, ALL, 1_000)).toBeNull();
  expect(previewRead("shop-a", order(1).id, ALL, 1_001 + PREVIEW_READS_TTL_MS)).toBeNull();
  expect(previewRead("shop-a", order(1).id, ALL, 1_000)).toBeNull();
});

it("is not used when the confirm needs a field the preview did not read", () => {
  rememberPreviewReads("shop-a", [order(1)], { shippingLine: true, orderValue: false }, 0);
  expect(previewRead("shop-a", order(1).id, PLAIN, 0)?.name).toBe("#1");
  expect(previewRead("shop-a", order(1).id, { shippingLine: true, orderValue: false }, 0)?.name).toBe("#1");
  expect(previewRead("shop-a", order(1).id, ALL, 0)).toBeNull();
});

it("keeps at most PREVIEW_READS_MAX orders, the oldest read going first", () => {
  rememberPreviewReads("shop-a", [order(1), order(2)], ALL, 0);
  rememberPreviewReads("shop-a", [order(1)], ALL, 0); // read again: now the youngest
  rememberPreviewReads("shop-b", Array.from({ length: PREVIEW_READS_MAX - 1 }, (_, i) => order(100 + i)), ALL, 0);
  expect(previewRead("shop-a", order(2).id, ALL, 0)).toBeNull();
  expect(previewRead("shop-a", order(1).id, ALL, 0)?.name).toBe("#1");
  expect(forgetPreviewReads("shop-a", [order(1).id, order(2).id])).toBe(1);
});

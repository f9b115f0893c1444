/**
 * Id allocation shaped like Shopify's: large per-resource numbers, unique across every shop of one fake.
 * Deterministic (no randomness), so a seeded demo shop looks the same on every start.
 */
const BASES = {
  Shop: 85_960_000_000,
  AppInstallation: 610_000_000_000,
  Location: 98_310_000_000,
  Order: 6_215_000_000_000,
  LineItem: 15_820_000_000_000,
  ShippingLine: 5_104_000_000_000,
  MailingAddress: 10_330_000_000_000,
  Customer: 8_412_000_000_000,
  Product: 9_706_000_000_000,
  ProductVariant: 48_150_000_000_000,
  InventoryItem: 50_220_000_000_000,
  InventoryItemMeasurement: 52_010_000_000_000,
  FulfillmentOrder: 7_318_000_000_000,
  FulfillmentOrderLineItem: 16_440_000_000_000,
  Fulfillment: 5_902_000_000_000,
  FulfillmentLineItem: 14_180_000_000_000,
  Metafield: 31_540_000_000_000,
} as const;

export type IdKind = keyof typeof BASES;

export class IdSequence {
  private readonly next = new Map<IdKind, number>();

  take(kind: IdKind): number {
    const value = (this.next.get(kind) ?? BASES[kind]) + 1;
    this.next.set(kind, value);
    return value;
  }

  reset(): void {
    this.next.clear();
  }
}

/** Random hex for access tokens and webhook ids. */
export function randomHex(bytes: number): string {
  const array = new Uint8Array(bytes);
  crypto.getRandomValues(array);
  return Array.from(array, (b) => b.toString(16).padStart(2, "0")).join("");
}

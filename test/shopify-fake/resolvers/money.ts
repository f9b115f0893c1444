import { decimal } from "../format";

export interface MoneyV2 {
  amount: string;
  currencyCode: string;
}

export interface MoneyBag {
  shopMoney: MoneyV2;
  presentmentMoney: MoneyV2;
}

/** A MoneyBag in the shop currency; the fake has no multi-currency checkouts. */
export function moneyBag(cents: number, currencyCode: string): MoneyBag {
  const money = { amount: decimal(cents), currencyCode };
  return { shopMoney: money, presentmentMoney: { ...money } };
}

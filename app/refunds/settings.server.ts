/**
 * The merchant's "automatic refunds" switch: `automaticRefunds` in the shop's settings JSON, on unless it
 * is explicitly false. Read here directly so that it works before and after the settings page offers it.
 */
import { z } from "zod";
import type { Db } from "~/db.server";

const refundSettings = z.object({ automaticRefunds: z.boolean().optional() }).loose();

export function automaticRefundsIn(settingsJson: string): boolean {
  let stored: unknown;
  try {
    stored = JSON.parse(settingsJson);
  } catch {
    return true;
  }
  const parsed = refundSettings.safeParse(stored);
  return !parsed.success || parsed.data.automaticRefunds !== false;
}

export async function automaticRefundsEnabled(db: Db, shopId: string): Promise<boolean> {
  const shop = await db.shop.findUnique({ where: { id: shopId }, select: { settings: true } });
  return shop === null ? true : automaticRefundsIn(shop.settings);
}

/**
 * Whether an orders/create or orders/paid delivery concerns this shop: only a shop that has automatic
 * franking set up (Settings → Automatik) takes new orders from webhooks, so for any other shop the
 * delivery is acknowledged without effect. For a shop that has it, the delivery only records the order as
 * a candidate, a hint: the run reads every candidate from the shop's own Admin API before anything is
 * bought, where an order of another shop (a genuine body re-sent under this shop's domain) does not exist.
 * No Admin API call is made inside the webhook request.
 */
import type { Db } from "~/db.server";

export async function automationTakesOrders(db: Db, shopId: string): Promise<boolean> {
  const setting = await db.automationSetting.findUnique({ where: { shopId }, select: { shopId: true } });
  return setting !== null;
}

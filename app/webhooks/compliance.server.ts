import { z } from "zod";
import type { Db } from "~/db.server";
import { isUniqueViolation } from "~/db/errors";
import { forgetPreviewReads } from "~/preview/read-cache.server";
import { eraseRecipients, reportRecipients } from "~/privacy/recipient-data.server";
import type { WebhookDelivery } from "./handlers.server";

/**
 * The three mandatory GDPR webhooks. Personal data the app holds about a customer lives in
 * "holders"; each holder can report and erase what it keeps. Later features (vouchers with
 * addresses) add their holders to PERSONAL_DATA_HOLDERS.
 */
export interface CustomerRef {
  shopDomain: string;
  customerId: string;
  orderIds: string[];
}

export interface PersonalDataHolder {
  name: string;
  report(db: Db, ref: CustomerRef): Promise<unknown[]>;
  erase(db: Db, ref: CustomerRef): Promise<number>;
}

const orderGid = (id: string | number) =>
  String(id).startsWith("gid://") ? String(id) : `gid://shopify/Order/${id}`;

/** Recorded webhooks of the customer's orders (ids and dates; the customer id is the personal part). */
const webhookEvents: PersonalDataHolder = {
  name: "webhook events",
  async report(db, ref) {
    const events = await db.webhookEvent.findMany({ where: { shop: { domain: ref.shopDomain } } });
    return events
      .filter((e) => belongsTo(e.payload, ref))
      .map((e) => ({
        topic: e.topic,
        receivedAt: e.receivedAt.toISOString(),
        data: JSON.parse(e.payload) as unknown,
      }));
  },
  async erase(db, ref) {
    const events = await db.webhookEvent.findMany({ where: { shop: { domain: ref.shopDomain } } });
    let erased = 0;
    for (const event of events.filter((e) => belongsTo(e.payload, ref))) {
      const data = eventPayload.parse(JSON.parse(event.payload));
      await db.webhookEvent.update({
        where: { id: event.id },
        data: { payload: JSON.stringify({ ...data, customerId: null, redacted: true }) },
      });
      erased += 1;
    }
    return erased;
  },
};

const shopIdOf = async (db: Db, domain: string) =>
  (await db.shop.findUnique({ where: { domain }, select: { id: true } }))?.id ?? null;

/** Franking records: recipient name and address per order, in the order, its cart and its label files. */
const frankingRecords: PersonalDataHolder = {
  name: "franking records",
  async report(db, ref) {
    const shopId = await shopIdOf(db, ref.shopDomain);
    return shopId ? reportRecipients(db, shopId, ref.orderIds) : [];
  },
  async erase(db, ref) {
    const shopId = await shopIdOf(db, ref.shopDomain);
    return shopId ? eraseRecipients(db, shopId, ref.orderIds, new Date()) : 0;
  },
};

const DATA_REQUEST_TOPICS = ["customers/data_request", "CUSTOMERS_DATA_REQUEST"];

/** Earlier data_request reports name the recipient too; a redaction blanks them. */
const earlierReports: PersonalDataHolder = {
  name: "earlier data request reports",
  report: async () => [],
  async erase(db, ref) {
    const { count } = await db.complianceRequest.updateMany({
      where: { shopDomain: ref.shopDomain, customerId: ref.customerId, topic: { in: DATA_REQUEST_TOPICS } },
      data: { report: JSON.stringify({ redacted: true }) },
    });
    return count;
  },
};

/**
 * The preview's reads kept in this process's memory for the confirm (app/preview/read-cache.server.ts,
 * at most 10 minutes): forgotten here; other processes' copies expire on their own. Never reported (no
 * record is kept, and the copy is gone within minutes).
 */
const previewReads: PersonalDataHolder = {
  name: "preview reads in memory",
  report: async () => [],
  async erase(db, ref) {
    const shopId = await shopIdOf(db, ref.shopDomain);
    return shopId ? forgetPreviewReads(shopId, ref.orderIds) : 0;
  },
};

export const PERSONAL_DATA_HOLDERS: PersonalDataHolder[] = [webhookEvents, frankingRecords, earlierReports, previewReads];

const eventPayload = z
  .object({ orderId: z.string().optional(), customerId: z.string().nullable().optional() })
  .loose();

function belongsTo(payload: string, ref: CustomerRef): boolean {
  const data = eventPayload.safeParse(JSON.parse(payload));
  if (!data.success) return false;
  return (
    data.data.customerId === ref.customerId ||
    (data.data.orderId !== undefined && ref.orderIds.includes(data.data.orderId))
  );
}

const customerPayload = z
  .object({
    customer: z.object({ id: z.union([z.number(), z.string()]) }).loose(),
    orders_requested: z.array(z.union([z.number(), z.string()])).optional(),
    orders_to_redact: z.array(z.union([z.number(), z.string()])).optional(),
  })
  .loose();

function customerRef(delivery: WebhookDelivery): CustomerRef {
  const payload = customerPayload.parse(delivery.payload);
  return {
    shopDomain: delivery.shop,
    customerId: String(payload.customer.id),
    orderIds: (payload.orders_requested ?? payload.orders_to_redact ?? []).map(orderGid),
  };
}

async function record(db: Db, delivery: WebhookDelivery, customerId: string | null, report: unknown) {
  try {
    await db.complianceRequest.create({
      data: {
        shopDomain: delivery.shop,
        topic: delivery.topic,
        eventId: delivery.eventId ?? delivery.webhookId,
        customerId,
        report: JSON.stringify(report),
      },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}

/** customers/data_request: compiles what the app holds about the customer, for the merchant to pass on. */
export async function customerDataRequested(db: Db, delivery: WebhookDelivery) {
  const ref = customerRef(delivery);
  const held: Record<string, unknown[]> = {};
  for (const holder of PERSONAL_DATA_HOLDERS) held[holder.name] = await holder.report(db, ref);
  const report = { customerId: ref.customerId, orders: ref.orderIds, held };
  await record(db, delivery, ref.customerId, report);
  return report;
}

/** customers/redact: erases the customer's personal data from every holder. */
export async function customerRedacted(db: Db, delivery: WebhookDelivery) {
  const ref = customerRef(delivery);
  const erased: Record<string, number> = {};
  for (const holder of PERSONAL_DATA_HOLDERS) erased[holder.name] = await holder.erase(db, ref);
  await record(db, delivery, ref.customerId, { customerId: ref.customerId, orders: ref.orderIds, erased });
  return erased;
}

/** shop/redact (48 hours after uninstall): everything about the shop goes. */
export async function shopRedacted(db: Db, delivery: WebhookDelivery) {
  const shopId = await shopIdOf(db, delivery.shop);
  // The shop row's cascade takes batches, carts (with their files), vouchers, refunds and the Portokasse.
  const [sessions, shops] = await db.$transaction([
    db.session.deleteMany({ where: { shop: delivery.shop } }),
    db.shop.deleteMany({ where: { domain: delivery.shop } }),
    db.complianceRequest.deleteMany({ where: { shopDomain: delivery.shop } }),
    db.receivedWebhook.deleteMany({ where: { shopDomain: delivery.shop } }),
    db.batchRequest.deleteMany({ where: { shopId: shopId ?? "" } }),
  ]);
  await record(db, delivery, null, { sessionsDeleted: sessions.count, shopsDeleted: shops.count });
}

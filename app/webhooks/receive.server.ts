import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { Db } from "~/db.server";
import { isUniqueViolation } from "~/db/errors";
import { bodyLimitFor, PayloadTooLargeError, payloadTooLarge, readLimitedBody } from "~/server/body-limit";
import { deliveryFreshness } from "./freshness";
import { orderFrankedInShop, topicName, TOPICS, type TopicEntry } from "./topics.server";

/**
 * POST /webhooks from end to end, before and around the handlers (ADR 011): size limit while reading,
 * Shopify's HMAC over the raw body, required headers, freshness, the topic's payload schema, the shop
 * and order the payload names, deduplication by event id and by body, then the handler.
 * Every refusal is a 4xx with a short reason and a log line; nothing is written before all checks pass.
 */
export interface ReceiveOptions {
  apiSecret: string;
  now?: Date;
  log?: (line: string) => void;
}

const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;
const refuse = (status: number, error: string) => Response.json({ error }, { status });
const ok = (outcome: string) => Response.json({ outcome }, { status: 200 });

/** Shopify signs the raw body with the app's secret: base64 HMAC-SHA256 (shopify.dev, "Verify webhooks"). */
function signedBy(body: Uint8Array, hmac: string, secret: string): boolean {
  const expected = createHmac("sha256", secret).update(body).digest();
  const given = Buffer.from(hmac, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function receiveWebhook(db: Db, request: Request, options: ReceiveOptions): Promise<Response> {
  const log = options.log ?? ((line: string) => console.warn(line));
  const now = options.now ?? new Date();
  if (request.method !== "POST") return new Response(null, { status: 405, headers: { Allow: "POST" } });

  const limit = bodyLimitFor("/webhooks");
  let body: Uint8Array;
  try {
    body = await readLimitedBody(request, limit);
  } catch (error) {
    if (error instanceof PayloadTooLargeError) return payloadTooLarge(limit);
    throw error;
  }

  const header = (name: string) => request.headers.get(name);
  const hmac = header("X-Shopify-Hmac-Sha256");
  if (!hmac || !signedBy(body, hmac, options.apiSecret)) return refuse(401, "invalid_hmac");

  const shop = header("X-Shopify-Shop-Domain") ?? "";
  const rawTopic = header("X-Shopify-Topic");
  const webhookId = header("X-Shopify-Webhook-Id");
  if (!SHOP_DOMAIN.test(shop) || !rawTopic || !webhookId || !header("X-Shopify-API-Version"))
    return refuse(400, "missing_headers");
  const topic = topicName(rawTopic);
  const eventId = header("X-Shopify-Event-Id") ?? webhookId;
  const where = `${topic} for ${shop} (event ${eventId})`;

  const freshness = deliveryFreshness(header("X-Shopify-Triggered-At"), now);
  if (freshness !== "fresh") {
    log(
      `Webhook refused: ${where} is ${freshness} (X-Shopify-Triggered-At ${header("X-Shopify-Triggered-At")})`,
    );
    return refuse(400, `delivery_${freshness}`);
  }

  const entry: TopicEntry | undefined = TOPICS[topic];
  if (!entry) {
    log(`Webhook refused: ${where}: the app does not subscribe to this topic`);
    return refuse(400, "unknown_topic");
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(body));
  } catch {
    log(`Webhook refused: ${where}: the signed body is not JSON`);
    return refuse(400, "malformed_payload");
  }
  const parsed = entry.schema.safeParse(json);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join(".") || "(body)").join(", ");
    log(`Webhook refused: ${where}: the payload does not fit the topic (${fields})`);
    return refuse(400, "payload_does_not_fit_topic");
  }
  const payload = parsed.data as never;
  if (entry.shopOf && entry.shopOf(payload) !== shop) {
    log(`Webhook refused: ${where}: the payload names another shop`);
    return refuse(400, "shop_mismatch");
  }

  // No Shop row is made for a domain that never installed the app; there is nothing of it to touch.
  const known = await db.shop.findUnique({ where: { domain: shop }, select: { id: true } });
  const sessions = known ? 1 : await db.session.count({ where: { shop } });
  if (!known && sessions === 0) return ok("unknown_shop");
  if (entry.fitsShop) {
    const misfit = await entry.fitsShop(db, shop, payload);
    if (misfit) {
      log(`Webhook refused: ${where}: ${misfit}`);
      return refuse(400, "does_not_fit_shop");
    }
  }
  if (entry.orderOf) {
    const orderId = entry.orderOf(payload);
    const belongs = known ? await (entry.orderBelongs ?? orderFrankedInShop)(db, known.id, orderId) : false;
    if (!belongs) return ok("order_not_in_shop");
  }

  const bodySha256 = createHash("sha256").update(body).digest("hex");
  const seen = await db.receivedWebhook.findFirst({
    where: { shopDomain: shop, topic, OR: [{ eventId }, { bodySha256 }] },
    select: { id: true },
  });
  if (seen) return ok("duplicate");

  // A topic without a handler, or a payload its handler has nothing to do with, is verified and
  // acknowledged; nothing is written.
  if (!entry.handler || (entry.concerns && !entry.concerns(payload))) return ok("acknowledged");
  await entry.handler(db, { shop, topic, webhookId, eventId, payload: parsed.data });
  try {
    await db.receivedWebhook.create({
      data: {
        shopDomain: shop,
        topic,
        eventId,
        bodySha256,
        triggeredAt: new Date(header("X-Shopify-Triggered-At") ?? now),
      },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  return ok("handled");
}

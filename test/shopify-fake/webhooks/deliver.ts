import { createHmac, randomUUID } from "node:crypto";
import type { FakeWebhookDelivery } from "../model";
import { ADMIN_API_VERSION } from "../schema";
import type { FakeShopState } from "../shop-state";

export interface WebhookRetry {
  /** Attempts in total, the first included. Shopify retries for hours; the fake a few times. */
  attempts: number;
  /** Wait before the first retry; doubles each time. */
  baseDelayMs: number;
  /** A receiver slower than this counts as failed, as on Shopify (5 s). */
  timeoutMs: number;
}

export const DEFAULT_WEBHOOK_RETRY: WebhookRetry = { attempts: 4, baseDelayMs: 200, timeoutMs: 5000 };

/** `ORDERS_CANCELLED` and `orders/cancelled` name the same topic. */
export function normalizeTopic(topic: string): string {
  return topic.includes("/") ? topic.toLowerCase() : topic.toLowerCase().replace("_", "/");
}

export function webhookHmac(body: string, secret: string): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("base64");
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends webhooks like Shopify: POST of the JSON body with X-Shopify-* headers and an HMAC of the raw body,
 * a 2xx within the timeout counts as delivered, anything else is retried with exponential backoff.
 */
export class WebhookDispatcher {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly config: {
      apiSecret: string;
      now: () => Date;
      retry: WebhookRetry;
      send: (request: Request) => Promise<Response>;
    },
  ) {}

  /** Delivers `topic` to every subscription of the shop that asked for it; resolves when all are settled. */
  emit(shop: FakeShopState, topic: string, body: () => unknown): Promise<void> {
    const normalized = normalizeTopic(topic);
    const targets = shop.webhookSubscriptions.filter((s) => s.topics.includes(normalized));
    if (targets.length === 0) return Promise.resolve();
    const payload = JSON.stringify(body());
    const eventId = randomUUID();
    const triggeredAt = this.config.now();
    const work = Promise.all(
      targets.map((target) => this.deliver(shop, target.address, normalized, payload, eventId, triggeredAt)),
    ).then(() => undefined);
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
    return work;
  }

  private async deliver(
    shop: FakeShopState,
    address: string,
    topic: string,
    payload: string,
    eventId: string,
    triggeredAt: Date,
  ): Promise<void> {
    const record: FakeWebhookDelivery = {
      id: randomUUID(),
      topic,
      address,
      triggeredAt,
      attempts: 0,
      status: "pending",
      lastResponseStatus: null,
    };
    shop.webhookDeliveries.push(record);
    const { attempts, baseDelayMs, timeoutMs } = this.config.retry;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      record.attempts = attempt;
      try {
        const response = await this.config.send(
          new Request(address, {
            method: "POST",
            body: payload,
            signal: AbortSignal.timeout(timeoutMs),
            headers: {
              "Content-Type": "application/json",
              "User-Agent": "Shopify-Captain-Hook",
              "X-Shopify-Topic": topic,
              "X-Shopify-Hmac-Sha256": webhookHmac(payload, this.config.apiSecret),
              "X-Shopify-Shop-Domain": shop.domain,
              "X-Shopify-API-Version": ADMIN_API_VERSION,
              "X-Shopify-Webhook-Id": record.id,
              "X-Shopify-Event-Id": eventId,
              "X-Shopify-Triggered-At": triggeredAt.toISOString(),
            },
          }),
        );
        record.lastResponseStatus = response.status;
        await response.body?.cancel();
        if (response.ok) {
          record.status = "delivered";
          return;
        }
      } catch {
        record.lastResponseStatus = null;
      }
      if (attempt < attempts) await sleep(baseDelayMs * 2 ** (attempt - 1));
    }
    record.status = "failed";
  }

  /** Resolves once every webhook queued so far has been delivered or given up on. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}

import { gramsOf } from "../format";
import { gid } from "../gid";
import type { FakeOrder } from "../model";
import {
  displayFulfillmentStatus,
  fulfillmentCancelProblem,
  totalCents,
  totalWeightGrams,
} from "../order-logic";
import { cancelProblem } from "../resolvers/mutations/order-cancel";
import type { FakeShopState } from "../shop-state";

/** What the admin page needs from the fake. */
export interface AdminPageHost {
  shopDomains(): string[];
  shop(domain: string): FakeShopState;
  cancelOrder(shopDomain: string, orderId: string, opts?: { reason?: string }): Promise<void>;
  cancelFulfillment(shopDomain: string, fulfillmentId: string): Promise<void>;
  /** A customer's paid letter order with its orders/create and orders/paid webhooks (local mode demo). */
  placeTestOrder(shopDomain: string): Promise<FakeOrder>;
}

const escape = (value: unknown): string =>
  String(value ?? "").replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

const euro = (cents: number, currency: string) =>
  new Intl.NumberFormat("de-DE", { style: "currency", currency }).format(cents / 100);

const STATUS_LABEL: Record<string, string> = {
  UNFULFILLED: "Nicht versandt",
  PARTIALLY_FULFILLED: "Teilweise versandt",
  FULFILLED: "Versandt",
};

function orderRow(order: FakeOrder, shop: FakeShopState): string {
  const tz = shop.info.ianaTimezone;
  const address = order.shippingAddress;
  const destination = address
    ? `${escape(address.zip)} ${escape(address.city)}, ${escape(address.countryCode)}`
    : "<em>keine Lieferadresse</em>";
  const unweighed = order.lineItems.some(
    (l) => l.requiresShipping && gramsOf(l.variant?.inventoryItem.weight ?? null) === 0,
  );
  const fulfillments = order.fulfillments
    .map((f) => {
      const tracking = f.trackingInfo
        .map((t) => {
          const label = `${escape(t.company ?? "")} ${escape(t.number ?? "")}`.trim();
          return t.url ? `<a href="${escape(t.url)}">${label}</a>` : label;
        })
        .join(", ");
      // Shopify admin offers "Cancel fulfillment" on a fulfillment; a fulfilled order can be cancelled only after it.
      const cancel = fulfillmentCancelProblem(order, f)
        ? ""
        : ` <form method="post" action="/admin/fulfillments/${f.id}/cancel" class="inline"><input type="hidden" name="shop" value="${escape(shop.domain)}"><button type="submit">Versand stornieren</button></form>`;
      const state = f.status === "CANCELLED" ? " · <strong>storniert</strong>" : "";
      return `<div class="fulfillment${f.status === "CANCELLED" ? " cancelled" : ""}" data-fulfillment="${f.id}">${escape(f.name)}: ${tracking || "ohne Sendungsnummer"}${f.notifyCustomer ? " · Kunde benachrichtigt" : ""}${state}${cancel}</div>`;
    })
    .join("");
  const metafields = shop
    .metafieldsOf(gid("Order", order.id))
    .map(
      (m) =>
        `<div><code>${escape(m.namespace)}.${escape(m.key)}</code> = ${escape(m.value.length > 60 ? `${m.value.slice(0, 60)}…` : m.value)}</div>`,
    )
    .join("");
  const problem = cancelProblem(order);
  const action = problem
    ? `<span class="muted">${order.cancelledAt ? "Storniert" : "Nicht stornierbar"}</span>`
    : `<form method="post" action="/admin/orders/${order.id}/cancel"><input type="hidden" name="shop" value="${escape(shop.domain)}"><button type="submit" name="reason" value="CUSTOMER">Stornieren</button></form>`;
  const status = order.cancelledAt
    ? `<span class="badge cancelled">Storniert</span>`
    : `<span class="badge">${STATUS_LABEL[displayFulfillmentStatus(order)] ?? ""}</span>`;
  return `<tr data-order="${escape(order.name)}">
    <td><strong>${escape(order.name)}</strong><br><span class="muted">${escape(order.createdAt.toLocaleString("de-DE", { timeZone: tz }))}</span></td>
    <td>${escape([order.customer?.firstName, order.customer?.lastName].filter(Boolean).join(" "))}<br><span class="muted">${destination}</span></td>
    <td>${totalWeightGrams(order)} g${unweighed ? ` <span class="warn">Gewicht fehlt</span>` : ""}</td>
    <td>${euro(totalCents(order), order.currencyCode)}<br><span class="muted">${escape(order.financialStatus)} · ${escape(order.shippingLines[0]?.title ?? "–")}</span></td>
    <td>${status}${fulfillments}</td>
    <td>${order.tags.map((t) => `<span class="tag">${escape(t)}</span>`).join(" ")}${metafields}</td>
    <td>${action}</td>
  </tr>`;
}

export function renderAdminPage(
  host: AdminPageHost,
  domain: string | null,
  notice: string | null,
  error: string | null,
): string {
  const domains = host.shopDomains();
  const selected = domain && domains.includes(domain) ? domain : (domains[0] ?? null);
  const shop = selected ? host.shop(selected) : null;
  const rows = shop
    ? [...shop.orders]
        .reverse()
        .map((o) => orderRow(o, shop))
        .join("")
    : "";
  const deliveries = shop
    ? [...shop.webhookDeliveries]
        .reverse()
        .slice(0, 20)
        .map(
          (d) =>
            `<tr><td>${escape(d.topic)}</td><td>${escape(d.address)}</td><td>${escape(d.status)} (${d.attempts}×, HTTP ${escape(d.lastResponseStatus ?? "–")})</td></tr>`,
        )
        .join("")
    : "";
  const picker = domains
    .map(
      (d) =>
        `<a href="/admin?shop=${encodeURIComponent(d)}"${d === selected ? ' class="current"' : ""}>${escape(d)}</a>`,
    )
    .join(" ");
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Shopify-Fake · ${escape(shop?.info.name ?? "keine Shops")}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:0;background:#f1f1f1;color:#303030}
header{background:#1a1a1a;color:#fff;padding:12px 24px}header a{color:#ccc;margin-right:12px}header a.current{color:#fff;font-weight:600}
main{padding:16px 24px}table{width:100%;border-collapse:collapse;background:#fff;border-radius:8px;overflow:hidden;margin-bottom:24px}
th,td{text-align:left;padding:8px 10px;border-bottom:1px solid #ebebeb;vertical-align:top}th{background:#f7f7f7;font-weight:600}
.muted{color:#616161;font-size:12px}.badge{background:#ffd79d;border-radius:8px;padding:1px 8px;font-size:12px}
.badge.cancelled{background:#e3e3e3}.tag{background:#e3e3e3;border-radius:6px;padding:0 6px;font-size:12px}.warn{color:#8e1f0b;font-size:12px}
.fulfillment{font-size:12px;margin-top:4px}.fulfillment.cancelled{color:#616161;text-decoration:line-through}form.inline{display:inline}.notice{background:#cdfee1;padding:8px 12px;border-radius:8px}.error{background:#fedad9;padding:8px 12px;border-radius:8px}
button{background:#fff;border:1px solid #c9c9c9;border-radius:8px;padding:4px 10px;cursor:pointer}
</style></head>
<body><header><strong>Shopify-Fake-Admin</strong> · ${picker || "Noch kein Shop angelegt"}</header><main>
${notice ? `<p class="notice">${escape(notice)}</p>` : ""}${error ? `<p class="error">${escape(error)}</p>` : ""}
${
  shop
    ? `<h1>${escape(shop.info.name)} – Bestellungen</h1>
<form method="post" action="/admin/orders/new"><input type="hidden" name="shop" value="${escape(shop.domain)}"><button type="submit">Testbestellung aufgeben (bezahlt, Brief nach Berlin)</button></form>
<table><thead><tr><th>Bestellung</th><th>Kunde / Ziel</th><th>Gewicht</th><th>Summe</th><th>Versand</th><th>Tags &amp; App-Daten</th><th></th></tr></thead><tbody>${rows}</tbody></table>
<h2>Webhooks</h2><table><thead><tr><th>Thema</th><th>Adresse</th><th>Zustellung</th></tr></thead><tbody>${deliveries || '<tr><td colspan="3" class="muted">Noch keine Webhooks zugestellt.</td></tr>'}</tbody></table>`
    : "<p>Der Fake kennt noch keinen Shop (seedDemoShop() aufrufen).</p>"
}
</main></body></html>`;
}

/**
 * GET /admin renders; POST /admin/orders/:id/cancel cancels an order and POST /admin/fulfillments/:id/cancel
 * a fulfillment like the merchant would, POST /admin/orders/new places a paid test order like a customer
 * would, then redirect back.
 */
export async function handleAdmin(request: Request, host: AdminPageHost): Promise<Response | null> {
  const url = new URL(request.url);
  if (request.method === "GET" && (url.pathname === "/admin" || url.pathname === "/admin/")) {
    const html = renderAdminPage(
      host,
      url.searchParams.get("shop"),
      url.searchParams.get("notice"),
      url.searchParams.get("error"),
    );
    return new Response(html, { status: 200, headers: { "Content-Type": "text/html; charset=utf-8" } });
  }
  const cancel = /^\/admin\/orders\/(\d+)\/cancel$/.exec(url.pathname);
  if (request.method === "POST" && cancel?.[1]) {
    const form = new URLSearchParams(await request.text());
    const domain = form.get("shop") ?? host.shopDomains()[0] ?? "";
    const back = new URL(`/admin?shop=${encodeURIComponent(domain)}`, url);
    try {
      await host.cancelOrder(domain, cancel[1], { reason: form.get("reason") ?? "CUSTOMER" });
      back.searchParams.set(
        "notice",
        `Bestellung ${host.shop(domain).requireOrder(Number(cancel[1])).name} wurde storniert.`,
      );
    } catch (error) {
      back.searchParams.set("error", error instanceof Error ? error.message : String(error));
    }
    return new Response(null, { status: 303, headers: { Location: `${back.pathname}${back.search}` } });
  }
  if (request.method === "POST" && url.pathname === "/admin/orders/new") {
    const form = new URLSearchParams(await request.text());
    const domain = form.get("shop") ?? host.shopDomains()[0] ?? "";
    const back = new URL(`/admin?shop=${encodeURIComponent(domain)}`, url);
    try {
      const order = await host.placeTestOrder(domain);
      back.searchParams.set("notice", `Bestellung ${order.name} wurde aufgegeben.`);
    } catch (error) {
      back.searchParams.set("error", error instanceof Error ? error.message : String(error));
    }
    return new Response(null, { status: 303, headers: { Location: `${back.pathname}${back.search}` } });
  }
  const cancelFulfillment = /^\/admin\/fulfillments\/(\d+)\/cancel$/.exec(url.pathname);
  if (request.method === "POST" && cancelFulfillment?.[1]) {
    const form = new URLSearchParams(await request.text());
    const domain = form.get("shop") ?? host.shopDomains()[0] ?? "";
    const back = new URL(`/admin?shop=${encodeURIComponent(domain)}`, url);
    try {
      await host.cancelFulfillment(domain, cancelFulfillment[1]);
      const name = host.shop(domain).fulfillment(Number(cancelFulfillment[1]))?.name ?? "";
      back.searchParams.set("notice", `Versand ${name} wurde storniert.`);
    } catch (error) {
      back.searchParams.set("error", error instanceof Error ? error.message : String(error));
    }
    return new Response(null, { status: 303, headers: { Location: `${back.pathname}${back.search}` } });
  }
  return null;
}

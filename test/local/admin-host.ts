import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { getJwt } from "@shopify/shopify-api/test-helpers";
import {
  extensionBundle,
  extensionHostPage,
  extensionSandboxPage,
  HOSTED_EXTENSIONS,
  type ExtensionHostInput,
  type HostedExtension,
} from "./extension-host";

/** Shopify's `host` parameter: base64 of the admin path of the store. */
const hostValue = (store: string) => Buffer.from(`admin.shopify.com/store/${store}`).toString("base64");

/**
 * Plays Shopify admin for local mode: a page that frames the embedded app like admin.shopify.com
 * does, App Bridge's stand-in, and short-lived session tokens signed with the app's secret.
 */
export interface AdminHostOptions {
  apiKey: string;
  apiSecret: string;
  /** The app's origin; read on each request because the app may start after the host. */
  appUrl: () => string;
  shopDomain: string;
  /** Where the fake's own admin pages (orders, fulfillments) are. */
  fakeAdminUrl: string;
  /** Local mode's Deutsche Post simulator: the header's switch takes it down and brings it back. */
  deutschePost?: { setOutage(down: boolean): void; isDown(): boolean };
  /** The fake shop's order gid for an order name ("#1001"), for the extension host's `?orders=`. */
  orderId?: (name: string) => string | null;
  port?: number;
}

const SHIM = readFileSync(new URL("./app-bridge-shim.js", import.meta.url), "utf8");

export async function startAdminHost(options: AdminHostOptions) {
  const store = options.shopDomain.replace(/\.myshopify\.com$/, "");

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (url.pathname === "/app-bridge.js") {
        res.writeHead(200, { "Content-Type": "text/javascript", "Cache-Control": "no-store" });
        return res.end(SHIM);
      }
      if (url.pathname === "/deutsche-post/outage" && req.method === "POST" && options.deutschePost) {
        // Local mode only: simulate a Deutsche Post outage (every simulator request answers 503) and end it.
        options.deutschePost.setOutage(!options.deutschePost.isDown());
        res.writeHead(303, { Location: req.headers.referer ?? "/" });
        return res.end();
      }
      // The admin extension outside Shopify admin (./extension-host.ts): /extensions/frank-orders?orders=#1001,#1002&locale=de
      const extension = /^\/extensions\/([a-z-]+?)(\/sandbox|\.js)?$/.exec(url.pathname);
      if (extension && extension[1] !== undefined && extension[1] in HOSTED_EXTENSIONS) {
        const handle = extension[1] as HostedExtension;
        if (extension[2] === ".js") {
          const code = await extensionBundle(handle);
          res.writeHead(200, {
            "Content-Type": "text/javascript; charset=utf-8",
            "Cache-Control": "no-store",
          });
          return res.end(code);
        }
        const names = (url.searchParams.get("orders") ?? "")
          .split(",")
          .map((n) => n.trim())
          .filter(Boolean);
        const input: ExtensionHostInput = {
          handle,
          locale: url.searchParams.get("locale") === "en" ? "en" : "de",
          orderIds: names.flatMap((name) => options.orderId?.(name) ?? []),
          appUrl: options.appUrl(),
          sessionTokenUrl: `/session-token?${new URLSearchParams({ shop: options.shopDomain, apiKey: options.apiKey }).toString()}`,
          bundleUrl: `/extensions/${handle}.js`,
          sandboxUrl: `/extensions/${handle}/sandbox${url.search}`,
        };
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
        return res.end(extension[2] === "/sandbox" ? extensionSandboxPage(input) : extensionHostPage(input));
      }
      if (url.pathname === "/session-token") {
        const allowed =
          url.searchParams.get("shop") === options.shopDomain &&
          url.searchParams.get("apiKey") === options.apiKey;
        const headers = {
          "Access-Control-Allow-Origin": new URL(options.appUrl()).origin,
          "Content-Type": "application/json",
        };
        if (!allowed) {
          res.writeHead(403, headers);
          return res.end(JSON.stringify({ error: "unknown shop or app" }));
        }
        const now = Math.floor(Date.now() / 1000);
        const { token, payload } = await getJwt(store, options.apiKey, options.apiSecret, {
          exp: now + 60,
          nbf: now - 5,
          iat: now,
        });
        res.writeHead(200, headers);
        return res.end(JSON.stringify({ token, exp: payload.exp }));
      }
      if (url.pathname === "/" || url.pathname === `/store/${store}/apps/frankiermeister`) {
        const locale = url.searchParams.get("locale") ?? "de";
        const now = Math.floor(Date.now() / 1000);
        const { token } = await getJwt(store, options.apiKey, options.apiSecret, {
          exp: now + 60,
          nbf: now - 5,
          iat: now,
        });
        const app = new URL("/app", options.appUrl());
        app.search = new URLSearchParams({
          embedded: "1",
          shop: options.shopDomain,
          host: hostValue(store),
          locale,
          id_token: token,
        }).toString();
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        return res.end(adminPage(app.toString(), options, locale));
      }
      res.writeHead(404, { "Content-Type": "text/plain" });
      res.end("Not found");
    })().catch((error: unknown) => {
      res.writeHead(500, { "Content-Type": "text/plain" });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    origin: `http://localhost:${port}`,
    appPageUrl: `http://localhost:${port}/store/${store}/apps/frankiermeister`,
    extensionUrl: `http://localhost:${port}/extensions/frank-orders`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function adminPage(appSrc: string, options: AdminHostOptions, locale: string) {
  const other = locale === "de" ? "en" : "de";
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>Frankiermeister · ${options.shopDomain} (local admin)</title>
<style>
  body{margin:0;font:14px system-ui;background:#f1f1f1;display:flex;flex-direction:column;height:100vh}
  header{background:#1a1a1a;color:#fff;padding:10px 16px;display:flex;gap:16px;align-items:center}
  header a{color:#cfe8ff} nav#app-nav{display:flex;gap:12px} iframe{flex:1;border:0;background:#fff}
</style></head>
<body>
<header><strong>Shopify admin (local) · ${options.shopDomain}</strong>
<nav id="app-nav"></nav>
<span style="flex:1"></span>
<a href="${options.fakeAdminUrl}" target="_blank">Orders in the fake shop</a>
${
  options.deutschePost
    ? `<form method="post" action="/deutsche-post/outage" style="margin:0"><button id="deutsche-post-outage" type="submit">${
        options.deutschePost.isDown() ? "End the Deutsche Post outage" : "Simulate a Deutsche Post outage"
      }</button></form>`
    : ""
}
<a href="?locale=${other}">${other.toUpperCase()}</a></header>
<iframe id="app-frame" title="Frankiermeister" src="${appSrc}"></iframe>
<script>
  addEventListener("message", (event) => {
    if (event.origin !== ${JSON.stringify(new URL(options.appUrl()).origin)} || event.data?.type !== "local-admin:nav") return;
    const nav = document.getElementById("app-nav");
    nav.replaceChildren(...event.data.links.map((l) => {
      const a = document.createElement("a"); a.textContent = l.text; a.href = "#";
      a.onclick = (e) => { e.preventDefault(); document.getElementById("app-frame").contentWindow.postMessage({ type: "local-admin:navigate", href: l.href }, "*"); };
      return a;
    }));
  });
</script>
</body></html>`;
}

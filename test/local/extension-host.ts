/**
 * Local mode's stand-in for the admin's extension sandbox: a page that runs one of the admin extensions
 * (extensions/frankiermeister-admin) outside Shopify admin, so it can be tried and photographed without a
 * store. It is not Shopify's host: the extension's module is bundled here with Vite (Preact, the same
 * sources the CLI bundles), the `shopify` global is a small stand-in (selected orders, the extension's own
 * locale files, `close()`), relative `fetch()` calls go to the app with a session token from the local admin
 * host (as Shopify's admin adds one), and the Polaris web components (`s-*`) are plain stand-ins drawn with
 * a few lines of CSS and shadow DOM: they show the texts, headings, slots and states the extension sets, not
 * Shopify's design. Local mode and the screenshots only; never served by the app.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const EXTENSION = fileURLToPath(new URL("../../extensions/frankiermeister-admin/", import.meta.url));

/** The targets the host can run: module (as in shopify.extension.toml) and the name key of the extension. */
export const HOSTED_EXTENSIONS = {
  "frank-orders": { module: "src/SelectionFrankAction.tsx", nameKey: "frank_orders_name" },
} as const;
export type HostedExtension = keyof typeof HOSTED_EXTENSIONS;

export type ExtensionLocale = "de" | "en";

export function extensionMessages(locale: ExtensionLocale): Record<string, unknown> {
  const file = locale === "de" ? "locales/de.json" : "locales/en.default.json";
  return JSON.parse(readFileSync(`${EXTENSION}${file}`, "utf8")) as Record<string, unknown>;
}

const bundles = new Map<HostedExtension, Promise<string>>();

/** The extension's module as one classic script that runs its default export (built once per process). */
export function extensionBundle(handle: HostedExtension): Promise<string> {
  let bundle = bundles.get(handle);
  if (bundle === undefined) {
    bundle = bundleModule(`${EXTENSION}${HOSTED_EXTENSIONS[handle].module}`);
    bundle.catch(() => bundles.delete(handle));
    bundles.set(handle, bundle);
  }
  return bundle;
}

async function bundleModule(entry: string): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: "warn",
    root: EXTENSION,
    esbuild: { jsx: "automatic", jsxImportSource: "preact" },
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    build: {
      write: false,
      minify: false,
      emptyOutDir: false,
      lib: { entry, formats: ["iife"], name: "FrankiermeisterExtension", fileName: () => "extension.js" },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  for (const result of results) {
    if (!("output" in result)) continue;
    const chunk = result.output.find((o) => o.type === "chunk");
    if (chunk && chunk.type === "chunk") return chunk.code;
  }
  throw new Error(`bundling ${entry} gave no script`);
}

const STYLE = `
  html,body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#303030;background:#fff}
  s-stack{display:flex;flex-direction:column;gap:8px} s-stack[direction=inline]{flex-direction:row;flex-wrap:wrap}
  s-stack[gap=base]{gap:16px} s-stack[align-items=center],s-stack[alignitems=center]{align-items:center}
  s-paragraph{display:block} s-text{display:inline} s-text[type=strong]{font-weight:650}
  s-text[color=subdued]{color:#616161} s-text[tone=critical]{color:#8e1f0b} s-text[tone=caution]{color:#7a5b00}
  s-table{display:table;width:100%;border-collapse:collapse;font-size:13px}
  s-table-header-row{display:table-header-group} s-table-body{display:table-row-group}
  s-table-row{display:table-row} s-table-header{display:table-cell;font-weight:650;padding:6px 8px;
    border-bottom:1px solid #e3e3e3;background:#f7f7f7;text-align:left}
  s-table-cell{display:table-cell;padding:6px 8px;border-bottom:1px solid #ebebeb;vertical-align:top}
  s-badge{display:inline-block;padding:0 8px;border-radius:8px;background:#e3e3e3;font-size:12px}
  s-badge[tone=success]{background:#cdfee1} s-badge[tone=warning]{background:#ffef9d}
  s-badge[tone=critical]{background:#fedad9} s-link{color:#005bd3;text-decoration:underline;cursor:pointer}
`;

/** Shadow DOM stand-ins for the Polaris web components that have structure (heading, slots, state). */
const ELEMENTS = `
  const css = (s) => { const e = document.createElement("style"); e.textContent = s; return e; };
  class Headed extends HTMLElement {
    static observedAttributes = ["heading", "loading", "disabled", "label", "error", "details", "tone"];
    constructor() { super(); this.attachShadow({ mode: "open" }); }
    connectedCallback() { this.draw(); }
    attributeChangedCallback() { this.draw(); }
  }
  customElements.define("s-admin-action", class extends Headed {
    draw() {
      this.shadowRoot.replaceChildren(css(":host{display:block}.body{padding:16px 20px}.foot{display:flex;gap:8px;justify-content:flex-end;padding:12px 20px;border-top:1px solid #e3e3e3}.loading{color:#616161;font-size:12px}"),
        Object.assign(document.createElement("div"), { className: "body" }), Object.assign(document.createElement("div"), { className: "foot" }));
      const [, body, foot] = this.shadowRoot.children;
      if (this.hasAttribute("loading")) body.append(Object.assign(document.createElement("div"), { className: "loading", textContent: "…" }));
      body.append(document.createElement("slot"));
      foot.append(Object.assign(document.createElement("slot"), { name: "secondary-actions" }), Object.assign(document.createElement("slot"), { name: "primary-action" }));
    }
  });
  customElements.define("s-section", class extends Headed {
    draw() {
      const h = Object.assign(document.createElement("h2"), { textContent: this.getAttribute("heading") ?? "" });
      this.shadowRoot.replaceChildren(css(":host{display:block}h2{font-size:14px;margin:0 0 6px}"), h, document.createElement("slot"));
    }
  });
  customElements.define("s-banner", class extends Headed {
    draw() {
      const tone = this.getAttribute("tone") ?? "info";
      const colours = { critical: "#fedad9", warning: "#fff1c2", success: "#cdfee1", info: "#e0f0ff" };
      const h = Object.assign(document.createElement("strong"), { textContent: this.getAttribute("heading") ?? "" });
      this.shadowRoot.replaceChildren(css(":host{display:block;border-radius:8px;padding:10px 14px;background:" + (colours[tone] ?? colours.info) + "}strong{display:block}"), h, document.createElement("slot"));
    }
  });
  customElements.define("s-button", class extends Headed {
    constructor() {
      super();
      // A disabled or loading button does nothing, as Polaris' does: stop the click before the extension's handler.
      this.addEventListener("click", (e) => { if (this.hasAttribute("disabled") || this.hasAttribute("loading")) e.stopImmediatePropagation(); }, true);
    }
    draw() {
      const primary = this.getAttribute("variant") === "primary";
      const critical = this.getAttribute("tone") === "critical";
      const b = document.createElement("button");
      b.disabled = this.hasAttribute("disabled");
      b.setAttribute("part", "button");
      b.append(document.createElement("slot"));
      if (this.hasAttribute("loading")) b.append(" …");
      const bg = primary ? (critical ? "#c70a24" : "#303030") : "#fff";
      this.shadowRoot.replaceChildren(css("button{font:inherit;font-weight:600;padding:6px 12px;border-radius:8px;border:1px solid #c9c9c9;cursor:pointer;background:" + bg + ";color:" + (primary ? "#fff" : "#303030") + "}button:disabled{opacity:.45;cursor:default}"), b);
    }
  });
  customElements.define("s-number-field", class extends Headed {
    get value() { return this.shadowRoot.querySelector("input")?.value ?? this._value ?? ""; }
    set value(v) { this._value = String(v ?? ""); const i = this.shadowRoot.querySelector("input"); if (i && i.value !== this._value) i.value = this._value; }
    draw() {
      const label = Object.assign(document.createElement("label"), { textContent: this.getAttribute("label") ?? "" });
      const input = Object.assign(document.createElement("input"), { type: "number", value: this._value ?? "", min: this.getAttribute("min") ?? "" });
      input.addEventListener("input", () => this.dispatchEvent(new Event("input")));
      input.addEventListener("change", () => this.dispatchEvent(new Event("change")));
      label.append(input);
      const details = Object.assign(document.createElement("small"), { textContent: this.getAttribute("details") ?? "" });
      const error = Object.assign(document.createElement("small"), { className: "error", textContent: this.getAttribute("error") ?? "" });
      this.shadowRoot.replaceChildren(css(":host{display:block}label{display:flex;flex-direction:column;gap:4px;font-weight:600}input{font:inherit;width:120px;padding:5px 8px;border:1px solid #8a8a8a;border-radius:8px}small{display:block;color:#616161}.error{color:#8e1f0b}"), label, details, error);
    }
  });
  customElements.define("s-spinner", class extends Headed { draw() { this.shadowRoot.replaceChildren("…"); } });
`;

export interface ExtensionHostInput {
  handle: HostedExtension;
  locale: ExtensionLocale;
  /** The order gids `shopify.data.selected` holds. */
  orderIds: readonly string[];
  /** The app's origin: relative `fetch()` URLs go there (Shopify resolves them against `application_url`). */
  appUrl: string;
  /** Where the page gets a fresh session token (the local admin host's `/session-token`). */
  sessionTokenUrl: string;
  /** Where the bundled module is served. */
  bundleUrl: string;
  /** Where the sandbox page (`extensionSandboxPage`) is served. */
  sandboxUrl: string;
}

const json = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);

/**
 * The outer page, as the admin shows an action: a note that this is local mode, the extension's name as the
 * modal's title, and the sandbox in a frame (the extension renders into its own `document.body`).
 */
export function extensionHostPage(input: ExtensionHostInput): string {
  const messages = extensionMessages(input.locale);
  const title = escapeHtml(String(messages[HOSTED_EXTENSIONS[input.handle].nameKey] ?? input.handle));
  const note =
    input.locale === "de"
      ? "Lokaler Modus: die Admin-Erweiterung, von einer lokalen Seite dargestellt (nicht von Shopify admin)."
      : "Local mode: the admin extension, rendered by a local page (not by Shopify admin).";
  return `<!doctype html>
<html lang="${input.locale}"><head><meta charset="utf-8"><title>${title}</title><style>
  body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#303030;background:#e3e3e3}
  .host-note{font-size:12px;color:#616161;padding:8px 24px;background:#fff6d6;border-bottom:1px solid #e8d9a0}
  .modal{max-width:960px;margin:24px auto;background:#fff;border-radius:12px;box-shadow:0 4px 18px rgba(0,0,0,.18);overflow:hidden}
  .modal>h1{font-size:16px;font-weight:650;margin:0;padding:14px 20px;border-bottom:1px solid #e3e3e3}
  iframe{display:block;width:100%;height:240px;border:0}
</style></head>
<body>
<div class="host-note" id="host-note">${note}</div>
<div class="modal"><h1 id="extension-title">${title}</h1>
<iframe id="extension-frame" title="${title}" src="${escapeHtml(input.sandboxUrl)}"></iframe></div>
<script>
  addEventListener("message", (event) => {
    if (event.data?.type !== "extension-host:height") return;
    document.getElementById("extension-frame").style.height = Math.ceil(event.data.height) + "px";
  });
</script>
</body></html>`;
}

/** The sandbox page: the stand-ins, the `shopify` global, then the extension's bundle, which renders into body. */
export function extensionSandboxPage(input: ExtensionHostInput): string {
  const messages = extensionMessages(input.locale);
  const intl = input.locale === "de" ? "de-DE" : "en";
  return `<!doctype html>
<html lang="${input.locale}"><head><meta charset="utf-8"><style>${STYLE}</style></head>
<body>
<script>
${ELEMENTS}
(() => {
  const messages = ${json(messages)};
  const intl = ${json(intl)};
  const appUrl = ${json(input.appUrl)};
  const lookup = (key) => key.split(".").reduce((n, p) => (n && typeof n === "object" ? n[p] : undefined), messages);
  const translate = (key, options = {}) => {
    let message = lookup(key);
    if (message && typeof message === "object" && typeof options.count === "number") {
      message = message[new Intl.PluralRules(intl).select(options.count)] ?? message.other;
    }
    if (typeof message !== "string") throw new Error("No translation for " + key);
    return message.replace(/\\{\\{(\\w+)\\}\\}/g, (_, name) => String(options[name]));
  };
  const strip = ({ inExtensionLocale, ...rest } = {}) => rest;
  const browserFetch = window.fetch.bind(window);
  let token = null;
  async function sessionToken() {
    if (token && token.exp * 1000 > Date.now() + 10000) return token.token;
    const response = await browserFetch(${json(input.sessionTokenUrl)});
    token = await response.json();
    return token.token;
  }
  // Shopify resolves an extension's relative fetch() against the app's URL and adds the session token.
  window.fetch = async (resource, init = {}) => {
    if (typeof resource !== "string" || !resource.startsWith("/")) return browserFetch(resource, init);
    const headers = new Headers(init.headers);
    headers.set("Authorization", "Bearer " + (await sessionToken()));
    return browserFetch(new URL(resource, appUrl).href, { ...init, headers });
  };
  globalThis.shopify = {
    data: { selected: ${json(input.orderIds.map((id) => ({ id })))} },
    i18n: {
      translate,
      formatCurrency: (amount, options) => new Intl.NumberFormat(intl, { style: "currency", ...strip(options) }).format(amount),
      formatNumber: (amount, options) => new Intl.NumberFormat(intl, strip(options)).format(amount),
      formatDate: (date, options) => new Intl.DateTimeFormat(intl, strip(options)).format(date),
    },
    close: () => document.documentElement.setAttribute("data-closed", "true"),
  };
  const report = () => parent.postMessage({ type: "extension-host:height", height: document.body.scrollHeight }, "*");
  new ResizeObserver(report).observe(document.body);
})();
</script>
<script src="${escapeHtml(input.bundleUrl)}"></script>
<script>
  // What the admin does with a target's module: run its default export.
  const module = globalThis.FrankiermeisterExtension;
  void (typeof module === "function" ? module : module.default)();
</script>
</body></html>`;
}

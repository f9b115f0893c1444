// Local mode's stand-in for Shopify's App Bridge (https://cdn.shopify.com/shopifycloud/app-bridge.js),
// served by the local admin host. Like the real one it gives the embedded page `shopify.idToken()`,
// adds a session token to the app's own fetch requests, answers the bounce page's
// `shopify-reload`, and renders <ui-nav-menu>. Tokens come from the admin host, which signs them
// with the app's secret exactly as Shopify admin does.
(function () {
  const script = document.currentScript;
  const hostOrigin = new URL(script.src).origin;
  const apiKey = script.dataset.apiKey || "";
  const params = new URLSearchParams(location.search);
  const shop = params.get("shop") || sessionStorage.getItem("local-shop") || "";
  if (shop) sessionStorage.setItem("local-shop", shop);
  let cached = null;

  async function idToken() {
    const now = Date.now() / 1000;
    if (cached && cached.exp - 10 > now) return cached.token;
    const response = await originalFetch(
      `${hostOrigin}/session-token?shop=${encodeURIComponent(shop)}&apiKey=${encodeURIComponent(apiKey)}`,
    );
    if (!response.ok) throw new Error(`The local admin host refused a session token (${response.status})`);
    cached = await response.json();
    return cached.token;
  }

  const originalFetch = window.fetch.bind(window);
  window.fetch = async function (input, init) {
    const request = new Request(input, init);
    if (new URL(request.url, location.href).origin !== location.origin) return originalFetch(request);
    const headers = new Headers(request.headers);
    if (!headers.has("Authorization")) headers.set("Authorization", `Bearer ${await idToken()}`);
    return originalFetch(new Request(request, { headers }));
  };

  function toast(message) {
    const node = document.createElement("div");
    node.textContent = message;
    node.setAttribute("role", "status");
    node.style.cssText =
      "position:fixed;bottom:24px;left:50%;transform:translateX(-50%);background:#303030;color:#fff;padding:10px 16px;border-radius:8px;z-index:1000;font:14px system-ui";
    document.body.appendChild(node);
    setTimeout(() => node.remove(), 4000);
  }

  window.shopify = {
    config: { apiKey, shop, locale: params.get("locale") || "en", host: params.get("host") || "" },
    environment: { embedded: true, mobile: false, pos: false },
    idToken,
    toast: { show: toast, hide() {} },
    loading() {},
  };

  // Hidden by a style sheet, not an inline style: the server-rendered element must stay as React rendered it.
  const hide = document.createElement("style");
  hide.textContent = "ui-nav-menu{display:none}";
  document.head.appendChild(hide);

  customElements.define(
    "ui-nav-menu",
    class extends HTMLElement {
      connectedCallback() {
        // Shopify admin shows these links in its sidebar; the local admin host shows them above the page.
        // The parser connects the element before it has parsed its links, and React may change them later:
        // send them now and again whenever they change.
        const send = () => {
          const links = [...this.querySelectorAll("a")].map((a) => ({
            href: a.getAttribute("href"),
            text: a.textContent,
          }));
          window.parent.postMessage({ type: "local-admin:nav", links }, hostOrigin);
        };
        this.observer = new MutationObserver(send);
        this.observer.observe(this, {
          childList: true,
          subtree: true,
          characterData: true,
          attributeFilter: ["href"],
        });
        send();
      }
      disconnectedCallback() {
        if (this.observer) this.observer.disconnect();
      }
    },
  );

  // A click on a nav link in the admin host: navigate inside the app like App Bridge does.
  window.addEventListener("message", (event) => {
    if (event.origin !== hostOrigin || !event.data || event.data.type !== "local-admin:navigate") return;
    history.pushState(null, "", event.data.href);
    window.dispatchEvent(new PopStateEvent("popstate"));
  });

  const reload = params.get("shopify-reload");
  if (reload) {
    idToken().then((token) => {
      const target = new URL(reload);
      target.searchParams.set("id_token", token);
      location.replace(target.toString());
    });
  }
})();

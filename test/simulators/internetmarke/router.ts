// One request through the simulator: log, faults, lazy retoure settlement, routing, errors.
import { handleLogin, authenticate, handleProfile } from "./auth";
import { handleCheckout, handleInitCart, handleRetrieveCart } from "./checkout";
import type { SimConfig, SimContext } from "./context";
import { IM_BASE_PATH, PRODUCTS_BASE_PATH } from "./context";
import { isKnownMotif } from "./data";
import { encodeGreyPng } from "./documents/png";
import { handleDownload } from "./downloads";
import { gatewayError, imError, json, serverFailure, SimulatedHttpError } from "./errors";
import type { FaultController, RequestTarget } from "./faults";
import { handleProducts } from "./products-api";
import { handleRetoureRequest, handleRetoureState, settleRetoures } from "./retoure";
import type { Account, SimState } from "./state";
import { handleCatalog, handleTopUp } from "./wallet-catalog";

/** `hold`: no answer at all; the client gives up (its timeout), the connection is closed by the client. */
export type Outcome = { kind: "response"; response: Response } | { kind: "drop" } | { kind: "hold" };

/** A request that got no answer and is carried out once the clock reaches `at` (commitAfterTimeout). */
export interface LateRequest {
  at: Date;
  request: Request;
  target: RequestTarget;
}

export interface Core {
  state: SimState;
  config: SimConfig;
  faults: FaultController;
  requests: Array<{ method: string; path: string; at: Date }>;
  late: LateRequest[];
}

type Handler = (ctx: SimContext, params: string[]) => Response | Promise<Response>;
type AuthedHandler = (ctx: SimContext, account: Account, params: string[]) => Response | Promise<Response>;

interface Route {
  path: string | RegExp;
  methods: Record<string, Handler>;
}

const authed =
  (handler: AuthedHandler): Handler =>
  (ctx, params) =>
    handler(ctx, authenticate(ctx), params);

function health(): Response {
  return json({ amp: { name: "pp-post-internetmarke", version: "v1.30.0", rev: "1", env: "simulator" } });
}

function galleryImage(_ctx: SimContext, [id]: string[]): Response {
  if (!id || !isKnownMotif(Number(id))) return new Response("Not Found", { status: 404 });
  const pixels = new Uint8Array(64 * 64).map((_, i) => ((((i % 64) >> 3) + (i >> 9)) % 2 ? 40 : 220));
  const png = new Uint8Array(encodeGreyPng(64, 64, pixels, { Title: `motif ${id}` }));
  return new Response(png, { headers: { "content-type": "image/png" } });
}

const imRoutes: Route[] = [
  { path: "", methods: { GET: health } },
  { path: "/", methods: { GET: health } },
  { path: "/user", methods: { POST: (ctx) => handleLogin(ctx) } },
  { path: "/user/profile", methods: { GET: authed(handleProfile) } },
  { path: "/app/wallet", methods: { PUT: authed(handleTopUp) } },
  { path: "/app/catalog", methods: { GET: authed(handleCatalog) } },
  { path: "/app/shoppingcart", methods: { POST: authed(handleInitCart) } },
  {
    path: "/app/shoppingcart/pdf",
    methods: { POST: authed((ctx, account) => handleCheckout(ctx, account, "pdf")) },
  },
  {
    path: "/app/shoppingcart/png",
    methods: { POST: authed((ctx, account) => handleCheckout(ctx, account, "png")) },
  },
  {
    path: /^\/app\/shoppingcart\/([^/]+)$/,
    methods: {
      GET: authed((ctx, account, [id]) => handleRetrieveCart(ctx, account, decodeURIComponent(id ?? ""))),
    },
  },
  { path: "/app/retoure", methods: { POST: authed(handleRetoureRequest), GET: authed(handleRetoureState) } },
  { path: /^\/downloads\/([^/]+)$/, methods: { GET: (ctx, [key]) => handleDownload(ctx, key ?? "") } },
  { path: /^\/gallery\/(\d+)\.png$/, methods: { GET: galleryImage } },
];

const productRoutes: Route[] = [{ path: "/products", methods: { GET: handleProducts } }];

function match(routes: Route[], apiPath: string): { route: Route; params: string[] } | null {
  for (const route of routes) {
    if (typeof route.path === "string") {
      if (route.path === apiPath) return { route, params: [] };
      continue;
    }
    const m = route.path.exec(apiPath);
    if (m) return { route, params: m.slice(1) };
  }
  return null;
}

export function describeTarget(request: Request): RequestTarget {
  const pathname = new URL(request.url).pathname;
  const base = [IM_BASE_PATH, PRODUCTS_BASE_PATH].find((b) => pathname === b || pathname.startsWith(`${b}/`));
  return { method: request.method.toUpperCase(), pathname, apiPath: base ? pathname.slice(base.length) : "" };
}

async function route(ctx: SimContext, target: RequestTarget): Promise<Response> {
  const routes = target.pathname.startsWith(PRODUCTS_BASE_PATH) ? productRoutes : imRoutes;
  const inApi = target.pathname.startsWith(IM_BASE_PATH) || target.pathname.startsWith(PRODUCTS_BASE_PATH);
  const found = inApi ? match(routes, target.apiPath) : null;
  if (!found) return gatewayError(404, "Not Found", `No resource at ${target.pathname}`);
  const handler = found.route.methods[target.method];
  if (!handler) {
    const allow = Object.keys(found.route.methods).join(", ");
    return gatewayError(405, "Method Not Allowed", `${target.method} is not supported here`, { allow });
  }
  try {
    return await handler(ctx, found.params);
  } catch (error) {
    if (error instanceof SimulatedHttpError) return error.response;
    const message = error instanceof Error ? error.message : String(error);
    return imError(500, "Internal Server Error", `Simulator failure: ${message}`);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function contextOf(core: Core, request: Request): SimContext {
  const url = new URL(request.url);
  return {
    state: core.state,
    config: core.config,
    request,
    url,
    origin: url.origin,
    retoureInParts: () => core.faults.takeRetoureInParts(),
  };
}

/** Carries out the held requests whose time has come (their answers go nowhere). */
export async function commitLateRequests(core: Core): Promise<void> {
  const now = core.config.now();
  const due = core.late.filter((l) => l.at <= now);
  core.late = core.late.filter((l) => l.at > now);
  for (const late of due) await route(contextOf(core, late.request), late.target);
}

export async function dispatch(core: Core, request: Request): Promise<Outcome> {
  const target = describeTarget(request);
  core.requests.push({ method: target.method, path: target.pathname, at: core.config.now() });
  await commitLateRequests(core);
  if (core.faults.latencyMs > 0) await sleep(core.faults.latencyMs);

  const limited = core.faults.takeRateLimit(target);
  if (limited) {
    const retryAfter = String(limited.retryAfterSeconds);
    const response = gatewayError(429, "Too Many Requests", "Rate limit exceeded, please try again later.", {
      "retry-after": retryAfter,
    });
    return { kind: "response", response };
  }
  if (core.faults.outage !== null) return { kind: "response", response: serverFailure(core.faults.outage) };
  const failure = core.faults.takeFailure(target);
  if (failure) return { kind: "response", response: serverFailure(failure.status) };
  if (core.faults.takeDropBefore(target)) return { kind: "drop" };

  settleRetoures(core.state, core.config.now());
  const lateAfterMs = core.faults.takeLateCommit(target);
  if (lateAfterMs !== undefined) {
    core.late.push({
      at: new Date(core.config.now().getTime() + lateAfterMs),
      request: request.clone(),
      target,
    });
    return { kind: "hold" };
  }
  if (core.faults.takeResend(target)) {
    await route(contextOf(core, request.clone()), target);
  }
  const response = await route(contextOf(core, request), target);
  if (core.faults.takeDropAfter(target)) return { kind: "drop" };
  return { kind: "response", response };
}

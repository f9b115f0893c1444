// Test harness: a simulator with a controllable clock, an app and an approved merchant, and a small
// API caller that talks to it either in process (sim.fetch) or over real HTTP (listen on port 0).
import type { InternetmarkeSimulator, SimulatorOptions } from "../index";
import { createInternetmarkeSimulator, IM_BASE_PATH, PRODUCTS_BASE_PATH } from "../index";

export const APP = { clientId: "test-client-id", clientSecret: "test-client-secret" };
export const MERCHANT = { username: "versand@shop.example", password: "Portokasse-123" };
export const START = new Date("2025-10-06T17:03:39Z");

export class Clock {
  constructor(public current = new Date(START)) {}
  now = (): Date => new Date(this.current);
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface CallOptions {
  token?: string;
  json?: unknown;
  form?: Record<string, string>;
  headers?: Record<string, string>;
}

export interface Api {
  origin: string;
  /** A call below the INTERNETMARKE base path, e.g. api.call("POST", "/app/shoppingcart", { token }). */
  call(method: string, path: string, opts?: CallOptions): Promise<Response>;
  products(query: string, apiKey?: string): Promise<Response>;
  get(url: string): Promise<Response>;
}

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

function makeApi(origin: string, fetchFn: FetchLike): Api {
  return {
    origin,
    call(method, path, opts = {}) {
      const headers: Record<string, string> = { ...opts.headers };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      let body: string | undefined;
      if (opts.json !== undefined) {
        headers["content-type"] = "application/json";
        body = JSON.stringify(opts.json);
      }
      if (opts.form) {
        headers["content-type"] = "application/x-www-form-urlencoded";
        body = new URLSearchParams(opts.form).toString();
      }
      return fetchFn(`${origin}${IM_BASE_PATH}${path}`, { method, headers, body });
    },
    products(query, apiKey) {
      const headers: Record<string, string> = apiKey ? { "dhl-api-key": apiKey } : {};
      return fetchFn(`${origin}${PRODUCTS_BASE_PATH}/products${query}`, { headers });
    },
    get: (url) => fetchFn(url),
  };
}

/** A second approved merchant, for foreign-id checks. */
export const OTHER = { username: "andere@shop.example", password: "pw-other" };

export function setupSimulator(
  options: SimulatorOptions = {},
  merchant: { balanceCents?: number; developer?: boolean } = {},
) {
  const clock = new Clock();
  const sim: InternetmarkeSimulator = createInternetmarkeSimulator({ now: clock.now, ...options });
  sim.addApp(APP);
  sim.addAccount({
    ...MERCHANT,
    balanceCents: merchant.balanceCents ?? 10_000,
    developer: merchant.developer ?? false,
    approvedApps: [APP.clientId],
    serialNumber: "AF188FFFFF",
  });
  sim.addAccount({ ...OTHER, balanceCents: 10_000, approvedApps: [APP.clientId] });
  const api = makeApi("http://internetmarke.test", (input, init) => sim.fetch(input, init));
  return { sim, clock, api };
}

/** The same API over a real HTTP server on port 0. Close it in afterEach. */
export async function overHttp(sim: InternetmarkeSimulator): Promise<Api & { close(): Promise<void> }> {
  const server = await sim.listen();
  return { ...makeApi(server.origin, (input, init) => fetch(input, init)), close: server.close };
}

export function loginForm(overrides: Partial<Record<string, string>> = {}): Record<string, string> {
  const form: Record<string, string> = {
    grant_type: "client_credentials",
    client_id: APP.clientId,
    client_secret: APP.clientSecret,
    username: MERCHANT.username,
    password: MERCHANT.password,
  };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete form[key];
    else form[key] = value;
  }
  return form;
}

export async function login(
  api: Api,
  user: { username: string; password: string } = MERCHANT,
): Promise<string> {
  const response = await api.call("POST", "/user", { form: loginForm(user) });
  const body: unknown = await response.json();
  if (response.status !== 200 || typeof body !== "object" || body === null || !("access_token" in body)) {
    throw new Error(`login failed: ${response.status} ${JSON.stringify(body)}`);
  }
  return String(body.access_token);
}

export async function newCart(api: Api, token: string): Promise<string> {
  const body: unknown = await (await api.call("POST", "/app/shoppingcart", { token })).json();
  if (typeof body !== "object" || body === null || !("shopOrderId" in body)) throw new Error("no cart");
  return String(body.shopOrderId);
}

export const SENDER = {
  name: "Erika Mustermann",
  addressLine1: "Heidestr. 17",
  postalCode: "51147",
  city: "Köln",
  country: "DEU",
};
export const RECEIVER = {
  name: "Bernd Müller",
  addressLine1: "Nußhäherstraße 10",
  postalCode: "12345",
  city: "München",
  country: "DEU",
};

/** Position fields for a stamp with an address binding. */
export function addressZone(
  receiver: Record<string, unknown> = RECEIVER,
  sender: Record<string, unknown> = SENDER,
) {
  return { voucherLayout: "ADDRESS_ZONE", address: { sender, receiver } };
}

export function pdfPosition(
  productCode: number,
  labelX = 1,
  labelY = 1,
  page = 1,
  extra: Record<string, unknown> = {},
) {
  return {
    productCode,
    voucherLayout: "FRANKING_ZONE",
    positionType: "AppShoppingCartPDFPosition",
    position: { labelX, labelY, page },
    ...extra,
  };
}

export function pngPosition(productCode: number, extra: Record<string, unknown> = {}) {
  return { productCode, voucherLayout: "FRANKING_ZONE", positionType: "AppShoppingCartPosition", ...extra };
}

export function pdfRequest(
  shopOrderId: string | undefined,
  total: number,
  positions: unknown[],
  extra: Record<string, unknown> = {},
) {
  return { type: "AppShoppingCartPDFRequest", shopOrderId, pageFormatId: 1, total, positions, ...extra };
}

export function pngRequest(
  shopOrderId: string | undefined,
  total: number,
  positions: unknown[],
  extra: Record<string, unknown> = {},
) {
  return { type: "AppShoppingCartPNGRequest", shopOrderId, total, positions, ...extra };
}

export async function bytesOf(response: Response): Promise<Uint8Array> {
  return new Uint8Array(await response.arrayBuffer());
}

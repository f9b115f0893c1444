/**
 * Test support (imported by tests only): a scripted `fetch` and a client wired to it with a controllable
 * clock, a recording `sleep` and fixed jitter.
 */
import { createInternetmarkeClient, type InternetmarkeClient } from "~/internetmarke/client";
import type { FetchLike, InternetmarkeClientOptions } from "~/internetmarke/config";

export const BASE_URL = "https://im.test/post/de/shipping/im/v1";
export const PRODUCTS_BASE_URL = "https://im.test/post/de/information/products/v1";
export const CLIENT_ID = "app-client-id";
export const CLIENT_SECRET = "app-secret-Zq9x7Wv";
export const USERNAME = "merchant@example.de";
export const PASSWORD = "pw-Kj3#mN8vLq";

export interface RecordedRequest {
  method: string;
  /** Path below the base URL (or the products base URL), without query. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal;
}

export type Reply =
  | { status?: number; json?: unknown; text?: string; headers?: Record<string, string> }
  | Error
  | ((req: RecordedRequest) => Reply | Promise<Reply>);

/** Routes keyed "METHOD /path"; an array is answered in order and its last entry repeats. */
export type Routes = Record<string, Reply | Reply[]>;

export function reply(status: number, json: unknown, headers: Record<string, string> = {}): Reply {
  return { status, json, headers };
}

export function liveError(status: number, title: string, description: string): Reply {
  return reply(status, { statusCode: String(status), title, description, instance: "PCF-A1031" });
}

export function tokenReply(token = "tok-1", extra: Record<string, unknown> = {}): Reply {
  return reply(200, {
    access_token: token,
    userToken: token,
    walletBalance: 10_000,
    showTermsAndConditions: false,
    infoMessage: "",
    issued_at: "Wed, 03 Apr 2024 08:37:17 GMT",
    expires_in: 86_400,
    token_type: "BearerToken",
    external_customer_id: "DHL-0123",
    authenticated_user: USERNAME,
    ...extra,
  });
}

async function materialise(r: Reply, req: RecordedRequest): Promise<Response> {
  if (typeof r === "function") return materialise(await r(req), req);
  if (r instanceof Error) throw r;
  const body = r.text ?? (r.json === undefined ? "" : JSON.stringify(r.json));
  return new Response(body, { status: r.status ?? 200, headers: r.headers ?? {} });
}

export function scriptedFetch(routes: Routes): { fetch: FetchLike; requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const cursor = new Map<string, number>();
  const fetch: FetchLike = async (url, init) => {
    const u = new URL(url);
    const path =
      u.pathname.replace(new URL(BASE_URL).pathname, "").replace(new URL(PRODUCTS_BASE_URL).pathname, "") ||
      "/";
    const req: RecordedRequest = {
      method: init.method,
      path,
      query: u.searchParams,
      headers: init.headers,
      body: init.body,
      signal: init.signal,
    };
    requests.push(req);
    const key = `${init.method} ${path}`;
    const route = routes[key];
    if (route === undefined) return new Response(`no route for ${key}`, { status: 599 });
    if (!Array.isArray(route)) return materialise(route, req);
    const i = cursor.get(key) ?? 0;
    cursor.set(key, i + 1);
    const r = route[Math.min(i, route.length - 1)];
    if (r === undefined) return new Response(`empty route for ${key}`, { status: 599 });
    return materialise(r, req);
  };
  return { fetch, requests };
}

export interface TestClient {
  client: InternetmarkeClient;
  requests: RecordedRequest[];
  sleeps: number[];
  clock: { now: Date; advance(ms: number): void };
  logs: { level: string; message: string; meta: Record<string, unknown> | undefined }[];
}

export function testClient(routes: Routes, options: Partial<InternetmarkeClientOptions> = {}): TestClient {
  const { fetch, requests } = scriptedFetch(routes);
  const sleeps: number[] = [];
  const clock = {
    now: new Date("2025-10-06T12:00:00Z"),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  const logs: TestClient["logs"] = [];
  const client = createInternetmarkeClient({
    baseUrl: BASE_URL,
    productsBaseUrl: PRODUCTS_BASE_URL,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    fetch,
    now: () => clock.now,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    logger: {
      debug: (message, meta) => logs.push({ level: "debug", message, meta }),
      warn: (message, meta) => logs.push({ level: "warn", message, meta }),
    },
    ...options,
  });
  return { client, requests, sleeps, clock, logs };
}

export const credentials = { username: USERNAME, password: PASSWORD };

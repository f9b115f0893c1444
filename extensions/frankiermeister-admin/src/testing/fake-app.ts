/**
 * A small stand-in for the app behind the extensions' `fetch`: routes answer with queued responses
 * (the last one repeats) and every request is recorded. Unrouted requests get a 404 `{error, message}`.
 */

export interface SeenRequest {
  method: string;
  /** As requested, with the query string. */
  url: string;
  body: unknown;
}

export type Answer = (request: SeenRequest) => Response | Promise<Response>;

interface Route {
  method: string;
  path: string;
  answers: Answer[];
}

export const json =
  (status: number, body: unknown): Answer =>
  () =>
    new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

export const text =
  (status: number, body: string): Answer =>
  () =>
    new Response(body, { status, headers: { "Content-Type": "text/html" } });

export const unreachable: Answer = () => {
  throw new TypeError("Failed to fetch");
};

const pathOf = (url: string) => url.split("?")[0] ?? url;

export class FakeApp {
  readonly requests: SeenRequest[] = [];
  #routes: Route[] = [];

  reset(): void {
    this.requests.length = 0;
    this.#routes = [];
  }

  /** Answer `method path` (path without query) with `answers` in turn; the last one repeats. */
  on(method: "GET" | "POST", path: string, ...answers: Answer[]): this {
    this.#routes.push({ method, path, answers });
    return this;
  }

  requestsTo(method: "GET" | "POST", path: string): SeenRequest[] {
    return this.requests.filter((request) => request.method === method && pathOf(request.url) === path);
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.method ?? "GET").toUpperCase();
    const body = typeof init?.body === "string" ? (JSON.parse(init.body) as unknown) : undefined;
    const request: SeenRequest = { method, url, body };
    this.requests.push(request);
    const route = this.#routes.find((r) => r.method === method && r.path === pathOf(url));
    if (route === undefined) {
      return json(404, { error: "not_found", message: `no fake route for ${method} ${url}` })(request);
    }
    const answer = route.answers.length > 1 ? route.answers.shift() : route.answers[0];
    if (answer === undefined) throw new Error(`fake route ${method} ${route.path} has no answer`);
    return answer(request);
  };
}

import type { ResolvedConfig } from "./config";
import { errorFromResponse } from "./error-mapping";
import { NetworkError, TimeoutError, UnexpectedResponseError, type InternetmarkeError } from "./errors";
import { redactRecord, type Redactor } from "./redact";
import { parseRetryAfter, retryDelayMs, shouldRetry, type AttemptOutcome } from "./retry";
import type { z } from "zod";

export interface HttpRequest {
  /** Client operation name, used in errors and logs. */
  operation: string;
  method: "GET" | "POST" | "PUT";
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** "safe" calls may be re-sent on network errors, timeouts, 408/429/5xx; "never" calls are sent once. */
  retry: "safe" | "never";
  /** Checkout, Retoure, top-up: failures without an answer are `outcomeUnknown`. */
  movesMoney: boolean;
  isLogin?: boolean;
}

export interface HttpResponse {
  request: HttpRequest;
  status: number;
  text: string;
  requestId: string | null;
  retryAfterSeconds: number | null;
}

export interface Http {
  send(request: HttpRequest): Promise<HttpResponse>;
  /** Turns a non-2xx response into the matching typed error. */
  toError(response: HttpResponse): InternetmarkeError;
  /** Parses a 2xx body with `schema`, or throws the typed error for a non-2xx one. */
  parse<S extends z.ZodType>(response: HttpResponse, schema: S): z.output<S>;
}

const REQUEST_ID_HEADERS = ["x-request-id", "x-correlation-id", "x-amzn-requestid", "x-b3-traceid"];

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split("?")[0] ?? url;
  }
}

class TimeoutSignal extends Error {}

export function createHttp(config: ResolvedConfig, redact: Redactor): Http {
  const log = (level: "debug" | "warn", message: string, meta: Record<string, unknown>) => {
    const sink = config.logger[level];
    if (sink !== undefined) sink.call(config.logger, redact(message), redactRecord(meta, redact));
  };

  async function once(req: HttpRequest): Promise<HttpResponse> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new TimeoutSignal("timeout")), config.timeoutMs);
    try {
      const res = await config.fetch(req.url, {
        method: req.method,
        headers: { accept: "application/json", ...req.headers },
        ...(req.body === undefined ? {} : { body: req.body }),
        signal: controller.signal,
        ...(config.dispatcher === undefined ? {} : { dispatcher: config.dispatcher }),
      });
      const text = await res.text();
      const requestId =
        REQUEST_ID_HEADERS.map((h) => res.headers.get(h)).find((v) => v !== null && v !== "") ?? null;
      return {
        request: req,
        status: res.status,
        text,
        requestId,
        retryAfterSeconds: parseRetryAfter(res.headers.get("retry-after"), config.now()),
      };
    } catch (error) {
      const timedOut = controller.signal.reason instanceof TimeoutSignal;
      const Cls = timedOut ? TimeoutError : NetworkError;
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      const causeCode =
        error instanceof Error && error.cause instanceof Error && "code" in error.cause
          ? String(error.cause.code)
          : null;
      throw new Cls(
        redact(
          `${timedOut ? `No answer within ${config.timeoutMs} ms` : "Network error"} (${req.operation}${
            req.movesMoney ? ", outcome unknown: reconcile before buying again" : ""
          }): ${timedOut ? "timeout" : reason}${causeCode === null ? "" : ` [${causeCode}]`}`,
        ),
        {
          operation: req.operation,
          method: req.method,
          path: pathOf(req.url),
          outcomeUnknown: req.movesMoney,
        },
      );
    } finally {
      clearTimeout(timer);
    }
  }

  async function send(req: HttpRequest): Promise<HttpResponse> {
    for (let retriesSoFar = 0; ; retriesSoFar++) {
      const started = config.now().getTime();
      let response: HttpResponse | null = null;
      let failure: NetworkError | null = null;
      try {
        response = await once(req);
      } catch (error) {
        if (!(error instanceof NetworkError)) throw error;
        failure = error;
      }
      const outcome: AttemptOutcome =
        response === null
          ? { kind: "network", timedOut: failure instanceof TimeoutError }
          : { kind: "response", status: response.status, retryAfterSeconds: response.retryAfterSeconds };
      const meta = {
        operation: req.operation,
        method: req.method,
        path: pathOf(req.url),
        attempt: retriesSoFar + 1,
        status: response?.status ?? null,
        error: failure?.code ?? null,
        durationMs: config.now().getTime() - started,
      };
      log("debug", "internetmarke request", meta);
      const retry = shouldRetry({
        safe: req.retry === "safe" && req.isLogin !== true,
        retriesSoFar,
        maxRetries: config.maxRetries,
        outcome,
        maxRetryAfterSeconds: config.maxRetryAfterSeconds,
      });
      if (!retry) {
        if (response !== null) return response;
        throw failure ?? new NetworkError("Network error", { operation: req.operation });
      }
      const delay = retryDelayMs({
        retriesSoFar,
        retryAfterSeconds: outcome.kind === "response" ? outcome.retryAfterSeconds : null,
        random: config.random(),
        baseDelayMs: config.retryBaseDelayMs,
        maxDelayMs: config.maxRetryDelayMs,
      });
      log("warn", "internetmarke retry", { ...meta, delayMs: delay });
      await config.sleep(delay);
    }
  }

  function toError(response: HttpResponse): InternetmarkeError {
    const { request } = response;
    return errorFromResponse({
      operation: request.operation,
      method: request.method,
      path: pathOf(request.url),
      status: response.status,
      body: response.text,
      requestId: response.requestId,
      retryAfterSeconds: response.retryAfterSeconds,
      isLogin: request.isLogin === true,
      movesMoney: request.movesMoney,
      redact,
    });
  }

  function parse<S extends z.ZodType>(response: HttpResponse, schema: S): z.output<S> {
    if (response.status < 200 || response.status > 299) throw toError(response);
    const { request } = response;
    const fail = (why: string, fields: { path: string; message: string }[] = []) =>
      new UnexpectedResponseError(
        `Unreadable answer to ${request.operation} (HTTP ${response.status}): ${why}${
          request.movesMoney ? "; outcome unknown: reconcile before buying again" : ""
        }`,
        {
          operation: request.operation,
          method: request.method,
          path: pathOf(request.url),
          status: response.status,
          requestId: response.requestId,
          outcomeUnknown: request.movesMoney,
          fields,
        },
      );
    let json: unknown;
    try {
      json = JSON.parse(response.text);
    } catch {
      throw fail("not JSON");
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => ({
        path: i.path.map(String).join("."),
        message: redact(i.message),
      }));
      throw fail(`unexpected shape at ${fields.map((f) => f.path || "(root)").join(", ")}`, fields);
    }
    return parsed.data;
  }

  return { send, toError, parse };
}

/**
 * One request to the app: JSON in, JSON out, every failure an `AppError`. The relative URL goes to
 * the app's `application_url`; Shopify's admin adds the session token (`Authorization: Bearer …`).
 */
import { ShapeError } from "./parse";

/**
 * network: the app could not be reached; refused: it answered 4xx/5xx with `{error}` (a code, and
 * sometimes `message`, `issues` or `code`), or 401 (it did not accept the session); unexpected: it
 * answered something the contract does not describe.
 */
export type AppErrorKind = "network" | "refused" | "unexpected";

export interface AppErrorDetails {
  status?: number;
  /** The app's error code (refused) or the offending field (unexpected). */
  code?: string;
  /** The app's own explanation, when its error answer had a `message`. */
  appMessage?: string;
  /** Where in the app the merchant can fix the refusal (`acceptUrl`, e.g. the INTERNETMARKE terms page). */
  fixUrl?: string;
  /** What else the error answer said (`issues`, the code of an upstream failure), one line each. */
  details?: readonly string[];
}

export class AppError extends Error {
  readonly status?: number;
  readonly code?: string;
  readonly appMessage?: string;
  readonly fixUrl?: string;
  readonly details: readonly string[];

  constructor(
    readonly kind: AppErrorKind,
    /** e.g. "POST /api/preview" */
    readonly route: string,
    message: string,
    { status, code, appMessage, fixUrl, details = [] }: AppErrorDetails = {},
  ) {
    super(message);
    this.name = "AppError";
    this.status = status;
    this.code = code;
    this.appMessage = appMessage;
    this.fixUrl = fixUrl;
    this.details = details;
  }
}

/** `issues: [{path, message}]` (or plain strings) as lines. */
function issueLines(issues: unknown): string[] {
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((issue: unknown) => {
    if (typeof issue === "string") return [issue];
    if (typeof issue !== "object" || issue === null) return [];
    const { path, message } = issue as Record<string, unknown>;
    if (typeof message !== "string") return [];
    return [typeof path === "string" && path !== "" ? `${path}: ${message}` : message];
  });
}

function errorFromAnswer(route: string, status: number, body: unknown): AppError {
  if (typeof body === "object" && body !== null && !Array.isArray(body)) {
    const { error, message, issues, code, acceptUrl } = body as Record<string, unknown>;
    if (typeof error === "string" && error.trim() !== "") {
      const appMessage = typeof message === "string" && message.trim() !== "" ? message : undefined;
      const details = [...issueLines(issues), ...(typeof code === "string" ? [`code: ${code}`] : [])];
      // Only a page of this app: the answer names where to fix the refusal (the terms page).
      const fixUrl = typeof acceptUrl === "string" && acceptUrl.startsWith("/app/") ? acceptUrl : undefined;
      return new AppError("refused", route, appMessage ?? `HTTP ${status} ${error}`, {
        status,
        code: error,
        appMessage,
        fixUrl,
        details,
      });
    }
  }
  if (status === 401) {
    return new AppError("refused", route, "HTTP 401: the session was not accepted", {
      status,
      code: "unauthorized",
    });
  }
  return new AppError("unexpected", route, `HTTP ${status} without an {error} body`, { status });
}

function readJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function callApp<T>(
  method: "GET" | "POST",
  url: string,
  body: unknown,
  parse: (json: unknown) => T,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  const route = `${method} ${url.split("?")[0]}`;
  let status = 0;
  let text: string;
  try {
    const response = await fetch(url, {
      method,
      headers:
        body === undefined
          ? { Accept: "application/json", ...extraHeaders }
          : { Accept: "application/json", "Content-Type": "application/json", ...extraHeaders },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    status = response.status;
    text = await response.text();
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new AppError("network", route, message, { status: status === 0 ? undefined : status });
  }
  const json = readJson(text);
  if (status < 200 || status > 299) throw errorFromAnswer(route, status, json);
  if (json === undefined) throw new AppError("unexpected", route, "the answer is not JSON", { status });
  try {
    return parse(json);
  } catch (error) {
    if (error instanceof ShapeError) {
      throw new AppError("unexpected", route, error.message, { status, code: error.path });
    }
    throw error;
  }
}

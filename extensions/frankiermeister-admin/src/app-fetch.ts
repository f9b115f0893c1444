/**
 * One request to the app: JSON in, JSON out, every failure an `AppError`. The relative URL goes to
 * the app's `application_url`; Shopify's admin adds the session token (`Authorization: Bearer …`).
 */
import { ShapeError } from "./parse";

/**
 * network: the app could not be reached; refused: it answered 4xx/5xx with `{error, message}`;
 * unexpected: it answered something the contract does not describe.
 */
export type AppErrorKind = "network" | "refused" | "unexpected";

export class AppError extends Error {
  constructor(
    readonly kind: AppErrorKind,
    /** e.g. "POST /api/preview" */
    readonly route: string,
    message: string,
    readonly status?: number,
    /** The app's error code (refused) or the offending field (unexpected). */
    readonly code?: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

function errorFromAnswer(route: string, status: number, body: unknown): AppError {
  if (typeof body === "object" && body !== null) {
    const { error, message } = body as Record<string, unknown>;
    if (typeof error === "string" && typeof message === "string") {
      return new AppError("refused", route, message, status, error);
    }
  }
  return new AppError("unexpected", route, `HTTP ${status} without an {error, message} body`, status);
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
): Promise<T> {
  const route = `${method} ${url.split("?")[0]}`;
  let status = 0;
  let text: string;
  try {
    const response = await fetch(url, {
      method,
      headers:
        body === undefined
          ? { Accept: "application/json" }
          : { Accept: "application/json", "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    status = response.status;
    text = await response.text();
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new AppError("network", route, message, status === 0 ? undefined : status);
  }
  const json = readJson(text);
  if (status < 200 || status > 299) throw errorFromAnswer(route, status, json);
  if (json === undefined) throw new AppError("unexpected", route, "the answer is not JSON", status);
  try {
    return parse(json);
  } catch (error) {
    if (error instanceof ShapeError)
      throw new AppError("unexpected", route, error.message, status, error.path);
    throw error;
  }
}

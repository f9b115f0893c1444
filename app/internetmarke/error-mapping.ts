import { z } from "zod";
import {
  AccountLockedError,
  ApiError,
  AppNotApprovedError,
  AuthenticationError,
  InsufficientBalanceError,
  type InternetmarkeError,
  InvalidCredentialsError,
  InvalidProductError,
  InvalidShopOrderIdError,
  InvalidTotalError,
  LoginRefusedError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitedError,
  ServerError,
  TooManyPositionsError,
  TopUpRefusedError,
  ValidationError,
  type ErrorDetails,
  type FieldProblem,
} from "./errors";
import type { Redactor } from "./redact";

/**
 * Error bodies come as live `{statusCode,title,description,instance}`, spec `{statusCode,title,detail}`,
 * gateway `{status,title,detail}`, or plain text. All fields optional: anything readable is used.
 */
const fieldProblemSchema = z.object({
  field: z.string().optional(),
  path: z.string().optional(),
  propertyPath: z.string().optional(),
  name: z.string().optional(),
  message: z.string().optional(),
  reason: z.string().optional(),
  detail: z.string().optional(),
});

const errorBodySchema = z.object({
  statusCode: z.union([z.string(), z.number()]).optional(),
  status: z.union([z.string(), z.number()]).optional(),
  title: z.string().optional(),
  description: z.string().nullable().optional(),
  detail: z.string().nullable().optional(),
  message: z.string().nullable().optional(),
  instance: z.string().nullable().optional(),
  errors: z.array(fieldProblemSchema).optional(),
  violations: z.array(fieldProblemSchema).optional(),
  invalidParams: z.array(fieldProblemSchema).optional(),
});

export interface ParsedErrorBody {
  title: string | null;
  text: string | null;
  instance: string | null;
  fields: FieldProblem[];
}

export function parseErrorBody(raw: string): ParsedErrorBody {
  const trimmed = raw.trim();
  let json: unknown = undefined;
  try {
    json = trimmed === "" ? undefined : JSON.parse(trimmed);
  } catch {
    json = undefined;
  }
  const parsed = errorBodySchema.safeParse(json);
  if (!parsed.success)
    return { title: null, text: trimmed === "" ? null : trimmed.slice(0, 1000), instance: null, fields: [] };
  const b = parsed.data;
  const text = b.description ?? b.detail ?? b.message ?? null;
  const listed = [...(b.errors ?? []), ...(b.violations ?? []), ...(b.invalidParams ?? [])].flatMap((p) => {
    const path = p.field ?? p.path ?? p.propertyPath ?? p.name;
    return path === undefined ? [] : [{ path, message: p.message ?? p.reason ?? p.detail ?? "invalid" }];
  });
  return {
    title: b.title ?? null,
    text,
    instance: b.instance ?? null,
    fields: listed.length > 0 ? listed : fieldsFromText(text),
  };
}

/**
 * Reads Spring-style field messages out of a description, e.g.
 * "positions[0].address.receiver.postalCode: size must be between 5 and 5; total: must not be null".
 */
export function fieldsFromText(text: string | null): FieldProblem[] {
  if (text === null) return [];
  const out: FieldProblem[] = [];
  for (const part of text.split(/[;\n]/)) {
    const m = /^\s*([A-Za-z_][\w]*(?:(?:\.[A-Za-z_]\w*)|\[\d+\])*)\s*:\s*(.+?)\s*$/.exec(part);
    if (m?.[1] !== undefined && m[2] !== undefined && /[.[]/.test(m[1]) === true) {
      out.push({ path: m[1].replace(/\[(\d+)\]/g, ".$1"), message: m[2] });
    } else if (
      m?.[1] !== undefined &&
      m[2] !== undefined &&
      /^[a-z]\w*$/.test(m[1]) &&
      /must|size|invalid|null|empty|length/i.test(m[2])
    ) {
      out.push({ path: m[1], message: m[2] });
    }
  }
  return out;
}

/** "PPL-total: 190, Cart: 95" -> { server: 190, sent: 95 }. */
export function parseTotals(text: string | null): {
  serverTotalCents: number | null;
  sentTotalCents: number | null;
} {
  const server = text === null ? null : /PPL-total\s*:\s*(-?\d+)/i.exec(text);
  const sent = text === null ? null : /Cart\s*:\s*(-?\d+)/i.exec(text);
  return {
    serverTotalCents: server?.[1] === undefined ? null : Number(server[1]),
    sentTotalCents: sent?.[1] === undefined ? null : Number(sent[1]),
  };
}

export interface ResponseErrorInput {
  operation: string;
  method: string;
  path: string;
  status: number;
  body: string;
  requestId: string | null;
  retryAfterSeconds: number | null;
  /** The call was POST /user: a 401 means the credentials were refused. */
  isLogin: boolean;
  /** Checkout, Retoure, top-up: a 5xx leaves the outcome unknown. */
  movesMoney: boolean;
  redact: Redactor;
}

const APP_NOT_APPROVED = /not\s+authori[sz]ed\s+by\s+(the\s+)?user/i;
const LOCKED = /\b(locked|gesperrt|blocked)\b/i;
const NOT_VALID = /\b(not\s+valid|invalid)\b/i;

/**
 * How many distinct causes a 401 text names. The spec's generic text (openapi 1.30, Error401Response)
 * names all of them in one sentence; one named cause is a diagnosis, several are none.
 */
export function causesNamed(text: string): number {
  return [APP_NOT_APPROVED, LOCKED, NOT_VALID].filter((re) => re.test(text)).length;
}

/** The one factory mapping an HTTP status and body to a typed error. */
export function errorFromResponse(input: ResponseErrorInput): InternetmarkeError {
  const body = parseErrorBody(input.body);
  const title = body.title === null ? null : input.redact(body.title);
  const detail = body.text === null ? null : input.redact(body.text);
  const details: ErrorDetails = {
    operation: input.operation,
    method: input.method,
    path: input.path,
    status: input.status,
    title,
    detail,
    instance: body.instance,
    requestId: input.requestId,
  };
  const what = [title, detail].filter((s): s is string => s !== null && s !== "").join(": ");
  const message = (summary: string) =>
    `${summary} (${input.operation}, HTTP ${input.status}${what === "" ? "" : `, ${what}`})`;
  const t = (title ?? "").toLowerCase();
  const both = `${title ?? ""} ${detail ?? ""}`;
  const { status } = input;

  if (status === 401 || status === 403) {
    if (input.isLogin && causesNamed(both) > 1) {
      return new LoginRefusedError(
        message("Portokasse login refused: wrong username or password, app not approved or account locked"),
        details,
      );
    }
    if (APP_NOT_APPROVED.test(both)) {
      return new AppNotApprovedError(message("The app is not yet approved in this Portokasse"), details);
    }
    if (LOCKED.test(both))
      return new AccountLockedError(message("The Portokasse account is locked"), details);
    if (input.isLogin) return new InvalidCredentialsError(message("Portokasse login refused"), details);
    if (status === 403) return new PermissionDeniedError(message("Not allowed for this Portokasse"), details);
    return new AuthenticationError(message("Authentication failed"), details);
  }
  if (status === 404) return new NotFoundError(message("Not found"), details);
  if (status === 429) {
    return new RateLimitedError(message("Rate limited by the DHL API gateway"), {
      ...details,
      retryAfterSeconds: input.retryAfterSeconds,
    });
  }
  if (status >= 500) {
    return new ServerError(message("Internetmarke server error"), {
      ...details,
      outcomeUnknown: input.movesMoney,
    });
  }
  if (status >= 400 && status < 500) {
    if (t === "walletbalancenotenough")
      return new InsufficientBalanceError(message("Not enough money in the Portokasse"), details);
    if (t === "invalidtotalamount") {
      return new InvalidTotalError(message("The cart total does not match the price list"), {
        ...details,
        ...parseTotals(detail),
      });
    }
    if (t.startsWith("invalidproduct"))
      return new InvalidProductError(message("Unknown or unavailable product"), details);
    if (t === "invalidshoporderid" || t === "unknownshoporderid") {
      return new InvalidShopOrderIdError(message("Invalid or already used shopOrderId"), details);
    }
    if (t === "invalidorderpositioncount" || t === "toomanypositions") {
      return new TooManyPositionsError(message("Too many positions in one cart"), details);
    }
    if (t === "quotaexceeded" || t === "forbiddenpaymentmethod") {
      return new TopUpRefusedError(message("The Portokasse refused the top-up"), details);
    }
    const fields = body.fields.map((f) => ({ path: f.path, message: input.redact(f.message) }));
    return new ValidationError(message("Request rejected as invalid"), { ...details, fields });
  }
  return new ApiError(message("Unexpected answer"), details);
}

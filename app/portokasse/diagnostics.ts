/**
 * What went wrong with a Portokasse login, in the merchant's terms. Each problem has a message in
 * `app/i18n` (`portokasse.problem.<problem>`) that says what to do.
 */
import { z } from "zod";
import { MAX_PASSWORD_LENGTH } from "~/internetmarke";

export const PORTOKASSE_PROBLEMS = [
  "app-not-approved",
  "wrong-password",
  "login-refused",
  "password-too-long",
  "account-locked",
  "zero-balance",
  "unavailable",
  "app-credentials",
  "missing-credentials",
  "unexpected",
] as const;

export type PortokasseProblem = (typeof PORTOKASSE_PROBLEMS)[number];

/** Problems after which the app must not log in by itself: another try fails the same way or counts. */
export const BLOCKING_PROBLEMS: ReadonlySet<string> = new Set<PortokasseProblem>([
  "app-not-approved",
  "wrong-password",
  "login-refused",
  "account-locked",
  "app-credentials",
]);

export function isPortokasseProblem(value: string | null): value is PortokasseProblem {
  return PORTOKASSE_PROBLEMS.some((p) => p === value);
}

/** Checked before anything is sent: Deutsche Post refuses longer passwords, and a refusal counts. */
export function checkCredentials(username: string, password: string): PortokasseProblem | null {
  if (username.trim() === "" || password === "") return "missing-credentials";
  if (password.length > MAX_PASSWORD_LENGTH) return "password-too-long";
  return null;
}

/**
 * The client error's stable `code` and fields, read without `instanceof`: in development the client is
 * kept across Vite's module reloads (and local mode's workers load the app outside Vite), so its error
 * classes can come from another copy of the module than this one. A wrong password then looked
 * "unexpected" although the client had classified it correctly.
 */
const clientErrorSchema = z.object({
  code: z.string(),
  operation: z.string(),
  detail: z.string().nullable().optional(),
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

function clientError(error: unknown) {
  const parsed = clientErrorSchema.safeParse(error);
  if (!parsed.success) return null;
  return { code: parsed.data.code, detail: parsed.data.detail ?? "", fields: parsed.data.fields ?? [] };
}

const UNAVAILABLE = new Set([
  "network_error",
  "timeout",
  "server_error",
  "rate_limited",
  "authentication_failed",
]);

export function diagnose(error: unknown): PortokasseProblem {
  const e = clientError(error);
  if (!e) return "unexpected";
  switch (e.code) {
    case "app_not_approved":
      return "app-not-approved";
    case "account_locked":
      return "account-locked";
    // The spec's generic 401 text: wrong password and unapproved app cannot be told apart.
    case "login_refused":
      return "login-refused";
    case "invalid_credentials":
      // The gateway refuses the app's own client id/secret with the same status; its text names them.
      return /client credentials/i.test(e.detail) ? "app-credentials" : "wrong-password";
    case "validation_failed":
      if (e.fields.some((f) => f.path === "password" && /at most/.test(f.message)))
        return "password-too-long";
      if (e.fields.some((f) => f.message === "required")) return "missing-credentials";
      return "unexpected";
    default:
      return UNAVAILABLE.has(e.code) ? "unavailable" : "unexpected";
  }
}

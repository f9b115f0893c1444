/**
 * What went wrong with a Portokasse login, in the merchant's terms. Each problem has a message in
 * `app/i18n` (`portokasse.problem.<problem>`) that says what to do.
 */
import {
  AccountLockedError,
  AppNotApprovedError,
  AuthenticationError,
  InvalidCredentialsError,
  MAX_PASSWORD_LENGTH,
  NetworkError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  ValidationError,
} from "~/internetmarke";

export const PORTOKASSE_PROBLEMS = [
  "app-not-approved",
  "wrong-password",
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

export function diagnose(error: unknown): PortokasseProblem {
  if (error instanceof AppNotApprovedError) return "app-not-approved";
  if (error instanceof AccountLockedError) return "account-locked";
  if (error instanceof InvalidCredentialsError) {
    // The gateway refuses the app's own client id/secret with the same status; its text names them.
    return /client credentials/i.test(error.detail ?? "") ? "app-credentials" : "wrong-password";
  }
  if (error instanceof ValidationError) {
    if (error.fields.some((f) => f.path === "password" && /at most/.test(f.message)))
      return "password-too-long";
    if (error.fields.some((f) => f.message === "required")) return "missing-credentials";
    return "unexpected";
  }
  if (
    error instanceof NetworkError ||
    error instanceof TimeoutError ||
    error instanceof ServerError ||
    error instanceof RateLimitedError ||
    error instanceof AuthenticationError
  ) {
    return "unavailable";
  }
  return "unexpected";
}

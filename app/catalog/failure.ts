import { InternetmarkeError } from "~/internetmarke";

/**
 * One line about a failed Deutsche Post call, safe to store and show: the client's errors are already
 * redacted (no secrets, tokens or passwords); anything else is reduced to its class name.
 */
export function describeFailure(error: unknown): string {
  if (error instanceof InternetmarkeError) {
    const status = error.status === null ? "" : ` (HTTP ${error.status})`;
    return `${error.code}${status}: ${error.message}`.slice(0, 500);
  }
  return error instanceof Error ? `unexpected: ${error.name}` : "unexpected failure";
}

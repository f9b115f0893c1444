/**
 * Keeps secrets (the app's client secret, Portokasse passwords, bearer tokens) out of everything the client
 * produces for humans or logs: error messages, error JSON, log metadata.
 */
export const REDACTED = "[REDACTED]";

const PATTERNS: readonly RegExp[] = [
  /(\bBearer\s+)[^\s"',;]+/gi,
  /((?:access_token|userToken|client_secret|password|authorization)["']?\s*[:=]\s*["']?)[^\s"'&,;}]+/gi,
];

export interface Redactor {
  (text: string): string;
  /** Remember a further secret (e.g. a freshly issued token). Empty strings are ignored. */
  add(secret: string): void;
}

export function createRedactor(initial: Iterable<string> = []): Redactor {
  const secrets = new Set<string>();
  const apply = (text: string): string => {
    let out = text;
    // Longest first, so a secret containing another secret is removed whole.
    for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
      out = out.split(secret).join(REDACTED);
    }
    for (const pattern of PATTERNS) out = out.replace(pattern, `$1${REDACTED}`);
    return out;
  };
  const redact: Redactor = Object.assign(apply, {
    add(secret: string) {
      if (secret.length > 0) secrets.add(secret);
    },
  });
  for (const secret of initial) redact.add(secret);
  return redact;
}

/** Redacts every string inside log metadata (nested arrays and objects included). */
export function redactRecord(meta: Record<string, unknown>, redact: Redactor): Record<string, unknown> {
  const walk = (value: unknown): unknown => {
    if (typeof value === "string") return redact(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    }
    return value;
  };
  return Object.fromEntries(Object.entries(meta).map(([k, v]) => [k, walk(v)]));
}

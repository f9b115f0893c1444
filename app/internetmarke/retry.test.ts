import { describe, expect, it } from "vitest";
import { parseRetryAfter, retryDelayMs, shouldRetry, type AttemptOutcome } from "./retry";

const res = (status: number, retryAfterSeconds: number | null = null): AttemptOutcome => ({
  kind: "response",
  status,
  retryAfterSeconds,
});
const net: AttemptOutcome = { kind: "network", timedOut: false };
const timeout: AttemptOutcome = { kind: "network", timedOut: true };

describe("shouldRetry", () => {
  // [description, safe, retriesSoFar, outcome, expected]
  const table: [string, boolean, number, AttemptOutcome, boolean][] = [
    ["2xx is final", true, 0, res(200), false],
    ["400 business error is final", true, 0, res(400), false],
    ["401 is not retried here (token refresh is separate)", true, 0, res(401), false],
    ["403 is final", true, 0, res(403), false],
    ["404 is final", true, 0, res(404), false],
    ["408 safe call retried", true, 0, res(408), true],
    ["429 without Retry-After retried", true, 0, res(429), true],
    ["429 with short Retry-After retried", true, 0, res(429, 5), true],
    ["429 with Retry-After at the limit retried", true, 0, res(429, 30), true],
    ["429 with long Retry-After surfaced", true, 0, res(429, 31), false],
    ["500 safe call retried", true, 0, res(500), true],
    ["501 is final", true, 0, res(501), false],
    ["502 safe call retried", true, 0, res(502), true],
    ["503 safe call retried", true, 1, res(503), true],
    ["504 safe call retried", true, 0, res(504), true],
    ["503 with short Retry-After retried", true, 0, res(503, 10), true],
    ["503 with long Retry-After surfaced", true, 0, res(503, 3600), false],
    ["network error safe call retried", true, 0, net, true],
    ["timeout safe call retried", true, 0, timeout, true],
    ["retries exhausted", true, 2, res(503), false],
    ["retries exhausted on network error", true, 2, net, false],
    ["unsafe call: 500 never re-sent", false, 0, res(500), false],
    ["unsafe call: 503 never re-sent", false, 0, res(503), false],
    ["unsafe call: 429 never re-sent", false, 0, res(429, 1), false],
    ["unsafe call: network error never re-sent", false, 0, net, false],
    ["unsafe call: timeout never re-sent", false, 0, timeout, false],
  ];
  it.each(table)("%s", (_name, safe, retriesSoFar, outcome, expected) => {
    expect(shouldRetry({ safe, retriesSoFar, maxRetries: 2, outcome, maxRetryAfterSeconds: 30 })).toBe(
      expected,
    );
  });

  it("never retries with maxRetries 0", () => {
    expect(
      shouldRetry({ safe: true, retriesSoFar: 0, maxRetries: 0, outcome: net, maxRetryAfterSeconds: 30 }),
    ).toBe(false);
  });
});

describe("retryDelayMs", () => {
  const base = { baseDelayMs: 500, maxDelayMs: 8000, retryAfterSeconds: null };
  it.each([
    // retriesSoFar, random, expected: half of 500*2^n fixed + half scaled by random
    [0, 0, 250],
    [0, 0.5, 375],
    [0, 0.999, 500],
    [1, 0, 500],
    [1, 1, 1000],
    [2, 0.5, 1500],
    [5, 1, 8000],
    [10, 0, 4000],
  ])("attempt %i with random %f waits %i ms", (retriesSoFar, random, expected) => {
    expect(retryDelayMs({ ...base, retriesSoFar, random })).toBe(Math.round(expected));
  });

  it("honours Retry-After exactly", () => {
    expect(retryDelayMs({ ...base, retriesSoFar: 3, random: 0.9, retryAfterSeconds: 7 })).toBe(7000);
    expect(retryDelayMs({ ...base, retriesSoFar: 0, random: 0.9, retryAfterSeconds: 0 })).toBe(0);
  });
});

describe("parseRetryAfter", () => {
  const now = new Date("2025-10-06T12:00:00Z");
  it.each([
    [null, null],
    ["", null],
    ["12", 12],
    [" 3 ", 3],
    ["1.5", 1.5],
    ["Mon, 06 Oct 2025 12:00:10 GMT", 10],
    ["Mon, 06 Oct 2025 11:00:00 GMT", 0],
    ["soon", null],
  ])("%s -> %s", (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });
});

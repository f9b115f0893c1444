import { afterEach, beforeEach, vi } from "vitest";

// A test that makes the code under test print an error it did not expect fails:
// errors must be asserted, not scrolled past. Tests that expect one mock console.error themselves.
let unexpected: unknown[][] = [];

beforeEach(() => {
  unexpected = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    unexpected.push(args);
  });
});

afterEach(() => {
  const seen = unexpected;
  unexpected = [];
  vi.mocked(console.error).mockRestore?.();
  if (seen.length > 0) {
    throw new Error(
      `Unexpected console.error during the test:\n${seen.map((a) => a.map(String).join(" ")).join("\n")}`,
    );
  }
});

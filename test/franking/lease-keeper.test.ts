import { describe, expect, it } from "vitest";
import { LeaseLostError } from "~/franking/context";
import { leaseKeeper } from "~/franking/lease.server";

const LEASE_MS = 5 * 60_000;

/** A keeper over a counted renewal that the test settles by hand, on a clock the test moves. */
function keeper(takenAtMs = 0) {
  let clock = takenAtMs;
  const calls: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  const renew = () =>
    new Promise<void>((resolve, reject) => {
      calls.push({ resolve, reject });
    });
  const keep = leaseKeeper(renew, () => new Date(clock), LEASE_MS, new Date(takenAtMs));
  return {
    keep,
    calls,
    at: (ms: number) => {
      clock = ms;
    },
  };
}

describe("a run's lease renewals", () => {
  it("stand for a twentieth of the lease after the take, then renew", async () => {
    const k = keeper();
    k.at(LEASE_MS / 20 - 1);
    await k.keep();
    expect(k.calls).toHaveLength(0);
    k.at(LEASE_MS / 20);
    const renewal = k.keep();
    expect(k.calls).toHaveLength(1);
    k.calls[0]?.resolve();
    await renewal;
  });

  it("share the renewal in flight among concurrent callers", async () => {
    const k = keeper();
    k.at(60_000);
    const all = Promise.all([k.keep(), k.keep(), k.keep()]);
    expect(k.calls).toHaveLength(1);
    k.calls[0]?.resolve();
    await all;
    // Renewed at 60 s: fresh again for 15 s.
    k.at(74_000);
    await k.keep();
    expect(k.calls).toHaveLength(1);
    k.at(75_000);
    void k.keep();
    expect(k.calls).toHaveLength(2);
  });

  it("pass a lost lease to every waiting caller and try again on the next call", async () => {
    const k = keeper();
    k.at(60_000);
    const first = k.keep();
    const second = k.keep();
    k.calls[0]?.reject(new LeaseLostError("b1"));
    await expect(first).rejects.toBeInstanceOf(LeaseLostError);
    await expect(second).rejects.toBeInstanceOf(LeaseLostError);
    // A failed renewal is not a fresh lease: the next step asks the database again.
    const third = k.keep();
    expect(k.calls).toHaveLength(2);
    k.calls[1]?.reject(new LeaseLostError("b1"));
    await expect(third).rejects.toBeInstanceOf(LeaseLostError);
  });

  it("renew after a stop longer than the lease, and when the clock went back", async () => {
    const stopped = keeper(1_000_000);
    stopped.at(1_000_000 + LEASE_MS + 1);
    void stopped.keep();
    expect(stopped.calls).toHaveLength(1);

    const back = keeper(1_000_000);
    back.at(999_000);
    void back.keep();
    expect(back.calls).toHaveLength(1);
  });
});

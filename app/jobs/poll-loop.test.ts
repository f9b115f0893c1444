import { describe, expect, it } from "vitest";
import { createPollLoop, kickWorkers, registerWorker, type PollLoopOptions } from "./poll-loop.server";

/** A sleep that only ends when the test says so (or the loop is kicked). */
function manualSleep() {
  const pending: Array<{ ms: number; end: () => void }> = [];
  return {
    pending,
    sleep: (ms: number) => new Promise<void>((resolve) => pending.push({ ms, end: resolve })),
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function loopWith(passes: Array<() => Promise<boolean>>, extra: Partial<PollLoopOptions> = {}) {
  const clock = manualSleep();
  const errors: unknown[] = [];
  let count = 0;
  const loop = createPollLoop({
    pass: () => {
      const pass = passes[Math.min(count, passes.length - 1)] ?? (async () => false);
      count++;
      return pass();
    },
    waitMs: () => 5_000,
    sleep: clock.sleep,
    onError: (error) => errors.push(error),
    ...extra,
  });
  return { loop, clock, errors, passes: () => count };
}

describe("createPollLoop", () => {
  it("sleeps the poll interval after a pass that found nothing, and a kick ends the sleep", async () => {
    const { loop, clock, passes } = loopWith([async () => false]);
    loop.start();
    await tick();
    expect(passes()).toBe(1);
    expect(clock.pending.map((p) => p.ms)).toEqual([5_000]);
    loop.kick();
    await tick();
    expect(passes()).toBe(2);
    clock.pending[1]?.end();
    await tick();
    expect(passes()).toBe(3);
    await loop.stop();
  });

  it("looks again at once when a pass asks for it or was kicked while it ran", async () => {
    let kickDuringPass: () => void = () => undefined;
    const { loop, clock, passes } = loopWith([
      async () => true,
      async () => {
        kickDuringPass();
        return false;
      },
      async () => false,
    ]);
    kickDuringPass = () => loop.kick();
    loop.start();
    await tick();
    await tick();
    expect(passes()).toBe(3);
    expect(clock.pending).toHaveLength(1);
    await loop.stop();
  });

  it("reports a failing pass and keeps polling", async () => {
    const { loop, clock, errors, passes } = loopWith([
      async () => {
        throw new Error("database gone");
      },
      async () => false,
    ]);
    loop.start();
    await tick();
    expect(errors).toEqual([new Error("database gone")]);
    expect(clock.pending).toHaveLength(1);
    clock.pending[0]?.end();
    await tick();
    expect(passes()).toBe(2);
    await loop.stop();
  });

  it("stops after the current pass and waits for the work the passes started", async () => {
    let finishPass: () => void = () => undefined;
    let drained = false;
    const { loop, passes } = loopWith(
      [() => new Promise<boolean>((resolve) => (finishPass = () => resolve(true)))],
      { drain: async () => (drained = true) },
    );
    loop.start();
    await tick();
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    expect(loop.stopped).toBe(true);
    await tick();
    expect(stopped).toBe(false);
    finishPass();
    await stopping;
    expect(drained).toBe(true);
    expect(passes()).toBe(1);
  });
});

describe("the worker registry", () => {
  it("kicks the started workers of a kind until they stop", async () => {
    const kicks: string[] = [];
    const worker = (name: string) => ({ kick: () => kicks.push(name), stop: async () => undefined });
    const a = registerWorker("test-kind", worker("a"));
    registerWorker("other-kind", worker("b"));
    kickWorkers("test-kind");
    expect(kicks).toEqual(["a"]);
    await a.stop();
    kickWorkers("test-kind");
    expect(kicks).toEqual(["a"]);
    kickWorkers("other-kind");
    expect(kicks).toEqual(["a", "b"]);
  });
});

/**
 * What the background workers (franking, refunds) share: a loop that runs a pass, then sleeps until the
 * next poll unless it is kicked, and a per-process registry so a route can kick the workers after it
 * queued work. The work itself, and the leases that let many processes share one database, stay with
 * each worker.
 */

export interface PollLoopOptions {
  /** One pass over the due work. Answers true when the loop should look again at once. */
  pass(): Promise<boolean>;
  /** How long to sleep after a pass that found nothing to do. */
  waitMs(): Promise<number> | number;
  sleep: (ms: number) => Promise<void>;
  onError(error: unknown): void;
  /** Awaited after the loop has stopped (work the passes started in the background). */
  drain?(): Promise<unknown>;
}

export interface PollLoop {
  start(): void;
  /** Looks again now instead of at the next poll; a kick during a pass makes the loop run another at once. */
  kick(): void;
  /** Ends the loop after the current pass and waits for it (and for `drain`). */
  stop(): Promise<void>;
  readonly stopped: boolean;
}

export function createPollLoop(options: PollLoopOptions): PollLoop {
  let stopped = false;
  let kicked = false;
  let wake: (() => void) | null = null;
  let loop: Promise<void> = Promise.resolve();

  async function run(): Promise<void> {
    while (!stopped) {
      kicked = false;
      let again = false;
      try {
        again = await options.pass();
      } catch (error) {
        options.onError(error);
      }
      if (again || kicked || stopped) continue;
      let wait: number;
      try {
        wait = await options.waitMs();
      } catch (error) {
        options.onError(error);
        continue;
      }
      if (kicked || stopped) continue;
      await new Promise<void>((resolve) => {
        wake = resolve;
        void options.sleep(wait).then(resolve);
      });
      wake = null;
    }
    await options.drain?.();
  }

  return {
    start() {
      loop = run();
    },
    kick() {
      kicked = true;
      wake?.();
    },
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
    get stopped() {
      return stopped;
    },
  };
}

interface Registered {
  kick(): void;
  stop(): Promise<void>;
}

declare global {
  // The running workers of this process by kind, so a route can kick them (survives module reloads).
  var __frankiermeisterWorkerRegistry: Map<string, Set<Registered>> | undefined;
}

function registry(kind: string): Set<Registered> {
  const all = (globalThis.__frankiermeisterWorkerRegistry ??= new Map());
  let workers = all.get(kind);
  if (!workers) all.set(kind, (workers = new Set()));
  return workers;
}

/** Adds a started worker to this process's registry; its `stop()` takes it out again. */
export function registerWorker<W extends Registered>(kind: string, worker: W): W {
  registry(kind).add(worker);
  const stop = worker.stop.bind(worker);
  worker.stop = async () => {
    registry(kind).delete(worker);
    await stop();
  };
  return worker;
}

/** Kicks this process's workers of a kind (other processes find the work at their next poll). */
export function kickWorkers(kind: string): void {
  for (const worker of registry(kind)) worker.kick();
}

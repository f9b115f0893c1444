// A stateful simulator of the Deutsche Post INTERNETMARKE REST API v1 and the Products API,
// answering in the live form (see README.md). Usable as an injected fetch, as a real HTTP
// server on port 0, and behind `npm run sim`.
import type { AccountInput, AccountSnapshot } from "./accounts";
import { addAccount, requireAccount, snapshot } from "./accounts";
import type { SimConfig } from "./context";
import type { Faults } from "./faults";
import { droppedConnectionError, FaultController } from "./faults";
import { settleRetoures } from "./retoure";
import type { Core } from "./router";
import { commitLateRequests, dispatch } from "./router";
import type { RunningServer } from "./server";
import { listen } from "./server";
import { createState } from "./state";

export { IM_BASE_PATH, PRODUCTS_BASE_PATH } from "./context";
export type { AccountInput, AccountSnapshot } from "./accounts";
export type { Faults } from "./faults";
export type { RunningServer } from "./server";

export interface SimulatorOptions {
  now?: () => Date;
  /** How long a refund takes to settle (default 2000 ms, measured with now()). */
  retoureDelayMs?: number;
  /** Lifetime of download links (default 15 minutes, measured with now()). */
  linkTtlMs?: number;
  /** Token lifetime, reported as expires_in (default 86400). */
  tokenTtlSeconds?: number;
  /** Beyond this many positions a checkout answers 400 invalidOrderPositionCount (default: no limit). */
  maxPositionsPerCart?: number;
  /**
   * How a refused login is worded: "spec" (default) answers the spec's one generic 401 text for a wrong
   * password, a locked account and an unapproved app alike; "per-cause" names each cause (an assumption,
   * see README).
   */
  loginRefusals?: "spec" | "per-cause";
}

export interface DemoCredentials {
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
}

export interface InternetmarkeSimulator {
  /** Pure fetch-style handler; the origin of request.url is used for links. A drop rejects like fetch. */
  handle(request: Request): Promise<Response>;
  /** In-process injection; a dropped connection rejects with TypeError("fetch failed"), cause UND_ERR_SOCKET. */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** Real node:http server (port 0, host 127.0.0.1 by default); drops destroy the socket. */
  listen(opts?: { port?: number; host?: string }): Promise<RunningServer>;
  addApp(app: { clientId: string; clientSecret: string }): void;
  addAccount(account: AccountInput): void;
  approveApp(username: string, clientId: string): void;
  /** A snapshot of the account, after settling due refunds. Ledger cents are signed (purchases < 0). */
  account(username: string): AccountSnapshot;
  faults: Faults;
  /** Every request received, faulted ones included. */
  requests: Array<{ method: string; path: string; at: Date }>;
  /**
   * From `validFrom` on (measured with now()), these prices (cents by product code) replace the published
   * ones: the checkout recomputes totals with them, the Products API and contract products answer them.
   */
  schedulePriceList(list: { validFrom: Date; prices: Record<number, number> }): void;
  /** Settles every retoure whose delay has passed according to now(). */
  processRetoures(): void;
  /** Carries out the requests held by `faults.commitAfterTimeout` whose time has come. */
  processLateRequests(): Promise<void>;
  /** Back to empty state, faults cleared, request log emptied. */
  reset(): void;
  /** An app plus an approved developer account (MUSTER stamps) with 100.00 EUR. */
  seedDemo(): DemoCredentials;
}

export const DEMO_CREDENTIALS: DemoCredentials = {
  clientId: "sim-demo-client",
  clientSecret: "sim-demo-secret",
  username: "demo@portokasse.example",
  password: "demo-passwort",
};

/** What a client sees of a request that gets no answer: nothing, until it gives up. */
function heldUntilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}

export function createInternetmarkeSimulator(options: SimulatorOptions = {}): InternetmarkeSimulator {
  const config: SimConfig = {
    now: options.now ?? (() => new Date()),
    retoureDelayMs: options.retoureDelayMs ?? 2000,
    linkTtlMs: options.linkTtlMs ?? 15 * 60 * 1000,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 86_400,
    maxPositionsPerCart: options.maxPositionsPerCart,
    loginRefusals: options.loginRefusals ?? "spec",
  };
  const faults = new FaultController();
  const core: Core = { state: createState(), config, faults, requests: [], late: [] };

  const handle = async (request: Request): Promise<Response> => {
    const outcome = await dispatch(core, request);
    if (outcome.kind === "drop") throw droppedConnectionError();
    if (outcome.kind === "hold") return heldUntilAborted(request.signal);
    return outcome.response;
  };

  return {
    handle,
    fetch: async (input, init) => handle(new Request(input, init)),
    listen: (opts) => listen((request) => dispatch(core, request), opts),
    addApp({ clientId, clientSecret }) {
      core.state.apps.set(clientId, clientSecret);
    },
    addAccount(account) {
      addAccount(core.state, account);
    },
    approveApp(username, clientId) {
      requireAccount(core.state, username).approvedApps.add(clientId);
    },
    account(username) {
      settleRetoures(core.state, config.now());
      return snapshot(requireAccount(core.state, username));
    },
    faults,
    requests: core.requests,
    processLateRequests: () => commitLateRequests(core),
    schedulePriceList({ validFrom, prices }) {
      const entries = Object.entries(prices).map(([code, cents]): [number, number] => [Number(code), cents]);
      for (const [code, cents] of entries) {
        if (!Number.isInteger(cents) || cents < 0)
          throw new RangeError(`price for ${code} must be whole cents: ${cents}`);
      }
      core.state.priceLists.push({ validFrom: new Date(validFrom), prices: new Map(entries) });
    },
    processRetoures() {
      settleRetoures(core.state, config.now());
    },
    reset() {
      core.state = createState();
      core.requests.length = 0;
      core.late = [];
      faults.clear();
    },
    seedDemo() {
      const demo = DEMO_CREDENTIALS;
      core.state.apps.set(demo.clientId, demo.clientSecret);
      addAccount(core.state, {
        username: demo.username,
        password: demo.password,
        balanceCents: 10_000,
        developer: true,
        approvedApps: [demo.clientId],
      });
      return { ...demo };
    },
  };
}

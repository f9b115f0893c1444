/**
 * Integration-test support (imported by `*.sim.test.ts` only): the INTERNETMARKE simulator behind a real
 * HTTP server on port 0, a shared controllable clock, a fresh app + merchant before every test, and a
 * client factory that talks to it over real HTTP.
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import {
  createInternetmarkeSimulator,
  IM_BASE_PATH,
  PRODUCTS_BASE_PATH,
  type AccountInput,
  type InternetmarkeSimulator,
  type RunningServer,
} from "../simulators/internetmarke";
import { createInternetmarkeClient, type InternetmarkeClient } from "~/internetmarke/client";
import type { InternetmarkeClientOptions } from "~/internetmarke/config";

export const APP = { clientId: "frankiermeister-app", clientSecret: "sim-app-secret-4711" };
export const MERCHANT = { username: "versand@shop.example", password: "Portokasse-123" };
export const SERIAL = "AF188FFFFF";
export const START = new Date("2025-10-06T17:03:39Z");

export interface SimEnv {
  sim: InternetmarkeSimulator;
  clock: { now(): Date; advance(ms: number): void };
  origin(): string;
  /** A client over real HTTP; `sleeps` records backoff waits (which are skipped). */
  client(options?: Partial<InternetmarkeClientOptions>): { client: InternetmarkeClient; sleeps: number[] };
  addMerchant(overrides?: Partial<AccountInput>): void;
}

export function useSimulator(
  options: {
    retoureDelayMs?: number;
    maxPositionsPerCart?: number;
    loginRefusals?: "spec" | "per-cause";
  } = {},
): SimEnv {
  let current = new Date(START);
  const clock = {
    now: () => new Date(current),
    advance(ms: number) {
      current = new Date(current.getTime() + ms);
    },
  };
  const sim = createInternetmarkeSimulator({
    now: clock.now,
    retoureDelayMs: options.retoureDelayMs ?? 60_000,
    ...options,
  });
  let server: RunningServer | null = null;

  const addMerchant = (overrides: Partial<AccountInput> = {}) =>
    sim.addAccount({
      ...MERCHANT,
      balanceCents: 10_000,
      serialNumber: SERIAL,
      approvedApps: [APP.clientId],
      ...overrides,
    });

  beforeAll(async () => {
    server = await sim.listen();
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(() => {
    sim.reset();
    current = new Date(START);
    sim.addApp(APP);
    addMerchant();
  });

  const origin = () => {
    if (server === null) throw new Error("simulator not listening yet");
    return server.origin;
  };

  return {
    sim,
    clock,
    origin,
    addMerchant,
    client(overrides = {}) {
      const sleeps: number[] = [];
      const client = createInternetmarkeClient({
        baseUrl: `${origin()}${IM_BASE_PATH}`,
        productsBaseUrl: `${origin()}${PRODUCTS_BASE_PATH}`,
        ...APP,
        now: clock.now,
        sleep: async (ms) => {
          sleeps.push(ms);
        },
        random: () => 0.5,
        timeoutMs: 5_000,
        ...overrides,
      });
      return { client, sleeps };
    },
  };
}

/** How often the simulator saw `METHOD /path-below-base`. */
export function countRequests(sim: InternetmarkeSimulator, method: string, path: string): number {
  return sim.requests.filter((r) => r.method === method && r.path === `${IM_BASE_PATH}${path}`).length;
}

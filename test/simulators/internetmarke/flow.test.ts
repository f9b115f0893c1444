// The main flows end to end over real HTTP, and the demo seed / CLI that `npm run sim` runs.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { createInternetmarkeSimulator, IM_BASE_PATH } from "./index";
import type { Api } from "./testing/harness";
import {
  login,
  MERCHANT,
  newCart,
  overHttp,
  pdfPosition,
  pdfRequest,
  pngPosition,
  pngRequest,
  setupSimulator,
} from "./testing/harness";
import {
  checkoutSchema,
  loginSchema,
  parsed,
  retoureCreatedSchema,
  retoureStateSchema,
} from "./testing/schemas";

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe("a merchant's day over real HTTP", () => {
  it("tops up, buys PDF and PNG stamps, refunds some, and the ledger balances", async () => {
    const { sim, clock } = setupSimulator({ retoureDelayMs: 2000 });
    const http = await overHttp(sim);
    close = http.close;
    const api: Api = http;
    const token = await login(api);

    expect((await api.call("PUT", "/app/wallet?amount=2000", { token })).status).toBe(200);
    const pdfCart = await newCart(api, token);
    const pdf = await parsed(
      checkoutSchema,
      await api.call("POST", "/app/shoppingcart/pdf", {
        token,
        json: pdfRequest(pdfCart, 95 + 330, [pdfPosition(1, 1, 1), pdfPosition(1002, 2, 1)]),
      }),
    );
    const png = await parsed(
      checkoutSchema,
      await api.call("POST", "/app/shoppingcart/png?directCheckout=true", {
        token,
        json: pngRequest(undefined, 110, [pngPosition(11)]),
      }),
    );
    expect(png.walletBallance).toBe(12_000 - 425 - 110);
    expect((await api.get(pdf.link)).status).toBe(200);

    const refund = await parsed(
      retoureCreatedSchema,
      await api.call("POST", "/app/retoure", { token, json: { shoppingCart: { shopOrderId: pdfCart } } }),
    );
    clock.advance(2000);
    const state = await parsed(
      retoureStateSchema,
      await api.call("GET", `/app/retoure?shopRetoureId=${refund.shopRetoureId}`, { token }),
    );
    expect(state.RetrieveRetoureStateResponse[0]).toMatchObject({ countStillOpen: 0, retourePrice: 425 });

    const account = sim.account(MERCHANT.username);
    expect(account.ledger.map((e) => [e.kind, e.cents])).toEqual([
      ["topup", 2000],
      ["purchase", -425],
      ["purchase", -110],
      ["refund", 425],
    ]);
    const sum = account.ledger.reduce((total, e) => total + e.cents, account.openingBalanceCents);
    expect(account.balanceCents).toBe(sum);
    expect(account.balanceCents).toBe(10_000 + 2000 - 110);

    const relogin = await parsed(
      loginSchema,
      await api.call("POST", "/user", {
        form: {
          grant_type: "client_credentials",
          client_id: "test-client-id",
          client_secret: "test-client-secret",
          ...MERCHANT,
        },
      }),
    );
    expect(relogin.walletBalance).toBe(account.balanceCents);
  });
});

describe("seedDemo and the CLI", () => {
  it("seeds an approved developer account with 100.00 EUR", async () => {
    const sim = createInternetmarkeSimulator();
    const demo = sim.seedDemo();
    expect(sim.account(demo.username)).toMatchObject({ balanceCents: 10_000, locked: false });
    expect(demo.password.length).toBeLessThanOrEqual(22);
    const response = await sim.fetch(`http://demo.test${IM_BASE_PATH}/user`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: demo.clientId,
        client_secret: demo.clientSecret,
        username: demo.username,
        password: demo.password,
      }),
    });
    expect(response.status).toBe(200);
  });

  it("`npm run sim` starts on SIM_PORT, prints the URLs and demo credentials, and stops on SIGTERM", async () => {
    const cli = fileURLToPath(new URL("./cli.ts", import.meta.url));
    const tsx = fileURLToPath(new URL("../../../node_modules/.bin/tsx", import.meta.url));
    const child = spawn(tsx, [cli], {
      env: { ...process.env, SIM_PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = once(child, "exit");
    let output = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => (output += chunk));
    try {
      const deadline = Date.now() + 15_000;
      while (!/Stop with Ctrl\+C/.test(output) && Date.now() < deadline && child.exitCode === null) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const origin = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      expect(origin).toBeDefined();
      expect(output).toContain(`${origin}${IM_BASE_PATH}`);
      expect(output).toContain("sim-demo-client");
      const health = await fetch(`${origin}${IM_BASE_PATH}/`);
      expect(health.status).toBe(200);
    } finally {
      if (child.exitCode === null) child.kill("SIGTERM");
    }
    const [code] = await exited;
    expect(code).toBe(0);
  });
});

/** Starts crash-child.ts as a separate Node process and reports how it ended. */
import { spawn } from "node:child_process";
import { APP, MERCHANT } from "../support/internetmarke-sim";
import { IM_BASE_PATH, PRODUCTS_BASE_PATH } from "../simulators/internetmarke";

export interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface ChildConfig {
  databaseUrl: string;
  simOrigin: string;
  fakeOrigin: string;
  shopDomain: string;
  accessToken: string;
  crashAt: string | null;
  clockStartMs: number;
  owner: string;
  untilIdle?: boolean;
  leaseMs?: number;
  report?: boolean;
  shops?: Array<{ domain: string; accessToken: string; username: string; password: string }>;
  background?: { concurrency: number; perShop: number } | null;
}

export function runChild(config: ChildConfig): Promise<ChildRun> {
  const payload = {
    ...config,
    imBaseUrl: `${config.simOrigin}${IM_BASE_PATH}`,
    productsBaseUrl: `${config.simOrigin}${PRODUCTS_BASE_PATH}`,
    clientId: APP.clientId,
    clientSecret: APP.clientSecret,
    username: MERCHANT.username,
    password: MERCHANT.password,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "test/franking/crash-child.ts"], {
      env: { ...process.env, FRANKING_CHILD: JSON.stringify(payload) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import type { RequestHandler } from "express";
import { parse as parseToml } from "smol-toml";
import { z } from "zod";
import { databaseTarget } from "~/db/database-url";
import { migrate } from "~/db/migrate.server";
import { startAppServer } from "~/server/http.server";
import { createShopifyFake } from "../shopify-fake";
import { createInternetmarkeSimulator, IM_BASE_PATH, PRODUCTS_BASE_PATH } from "../simulators/internetmarke";
import { startAdminHost } from "./admin-host";

/** Fixed, public demo credentials: they exist only inside local mode's fakes. */
export const LOCAL_APP = {
  apiKey: "local-demo-api-key",
  apiSecret: "local-demo-api-secret",
  encryptionKey: "6c6f63616c2d6d6f64652d6f6e6c792d6e6f742d612d7265616c2d6b65792121",
};

export interface LocalModeOptions {
  appPort: number;
  adminPort: number;
  databaseUrl: string;
}

const tomlSchema = z.object({
  webhooks: z.object({
    subscriptions: z.array(z.object({ topics: z.array(z.string()).optional(), uri: z.string() }).loose()),
  }),
});

/** The webhook topics and paths of shopify.app.toml (compliance topics are never sent by the fake). */
export function appWebhookSubscriptions(): Array<{ topics: string[]; uri: string }> {
  const toml = tomlSchema.parse(parseToml(readFileSync("shopify.app.toml", "utf8")));
  return toml.webhooks.subscriptions.flatMap((s) => (s.topics ? [{ topics: s.topics, uri: s.uri }] : []));
}

/**
 * shopify-app-remix allows only Shopify admin's domains to frame the app (CSP frame-ancestors);
 * in local mode the local admin host plays that role, so its origin is added to the list.
 */
function allowFramingBy(origin: string): RequestHandler {
  return (_req, res, next) => {
    const setHeader = res.setHeader.bind(res);
    res.setHeader = (name, value) => {
      if (name.toLowerCase() === "content-security-policy" && typeof value === "string") {
        return setHeader(name, value.replace("frame-ancestors", `frame-ancestors ${origin}`));
      }
      return setHeader(name, value);
    };
    next();
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === "object" && address ? address.port : 0;
}

export async function startLocalMode(options: LocalModeOptions) {
  const appPort = options.appPort || (await freePort());
  const appUrl = `http://localhost:${appPort}`;

  const fake = createShopifyFake({ apiKey: LOCAL_APP.apiKey, apiSecret: LOCAL_APP.apiSecret });
  const { shopDomain } = fake.seedDemoShop();
  const fakeServer = await fake.listen();
  for (const { topics, uri } of appWebhookSubscriptions())
    fake.subscribeWebhooks(shopDomain, new URL(uri, appUrl).toString(), topics);

  const simulator = createInternetmarkeSimulator();
  const portokasse = simulator.seedDemo();
  const simulatorServer = await simulator.listen();

  const adminHost = await startAdminHost({
    apiKey: LOCAL_APP.apiKey,
    apiSecret: LOCAL_APP.apiSecret,
    appUrl: () => appUrl,
    shopDomain,
    fakeAdminUrl: `${fakeServer.origin}/admin`,
    deutschePost: {
      setOutage: (down) => (down ? simulator.faults.startOutage() : simulator.faults.endOutage()),
      isDown: () => simulator.faults.isDown(),
    },
    orderId: (name) => {
      const order = fake.shop(shopDomain).order(name);
      return order ? `gid://shopify/Order/${order.id}` : null;
    },
    port: options.adminPort,
  });

  Object.assign(process.env, {
    SHOPIFY_API_KEY: LOCAL_APP.apiKey,
    SHOPIFY_API_SECRET: LOCAL_APP.apiSecret,
    SHOPIFY_APP_URL: appUrl,
    // Allows the two local-only settings below (refused anywhere else) and binds the app to 127.0.0.1.
    FRANKIERMEISTER_LOCAL_MODE: "1",
    SHOPIFY_ADMIN_API_ORIGIN: fakeServer.origin,
    APP_BRIDGE_URL: `${adminHost.origin}/app-bridge.js`,
    DATABASE_URL: options.databaseUrl,
    ENCRYPTION_KEY: LOCAL_APP.encryptionKey,
    INTERNETMARKE_CLIENT_ID: portokasse.clientId,
    INTERNETMARKE_CLIENT_SECRET: portokasse.clientSecret,
    INTERNETMARKE_BASE_URL: simulatorServer.origin + IM_BASE_PATH,
    PRODUCTS_API_BASE_URL: simulatorServer.origin + PRODUCTS_BASE_PATH,
  });

  const generated = spawnSync(process.execPath, ["--import", "tsx", "scripts/generate.ts"], {
    stdio: "inherit",
  });
  if (generated.status !== 0) throw new Error("prisma generate failed");
  await migrate(databaseTarget(options.databaseUrl));

  const app = await startAppServer({
    mode: "development",
    port: appPort,
    before: (server) => server.use(allowFramingBy(adminHost.origin)),
  });

  // Imported only now: the workers read the configuration set above.
  const { startBackgroundWorkers } = await import("~/workers.server");
  const workers = startBackgroundWorkers();

  return {
    appUrl,
    adminUrl: adminHost.appPageUrl,
    extensionUrl: adminHost.extensionUrl,
    fakeAdminUrl: `${fakeServer.origin}/admin`,
    simulatorUrl: simulatorServer.origin + IM_BASE_PATH,
    portokasse,
    fake,
    simulator,
    shopDomain,
    close: async () => {
      await workers.stop();
      await app.close();
      await adminHost.close();
      await simulatorServer.close();
      await fakeServer.close();
    },
  };
}

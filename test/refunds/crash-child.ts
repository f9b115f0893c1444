/**
 * One refund worker pass in a process of its own that kills itself (SIGKILL: no cleanup, no finally) when
 * it reaches the crash point named in CRASH_AT. Spawned by crash.db.test.ts; exits 0 if never reached.
 */
import { z } from "zod";
import { createDb } from "~/db/client.server";
import { databaseTarget } from "~/db/database-url";
import { createInternetmarkeClient } from "~/internetmarke";
import { createRefundWorker } from "~/refunds/worker.server";
import { IM_BASE_PATH, PRODUCTS_BASE_PATH } from "../simulators/internetmarke";

const env = z
  .object({
    DB_URL: z.string(),
    SIM_ORIGIN: z.string(),
    NOW: z.iso.datetime(),
    CRASH_AT: z.enum(["after-record", "before-send", "after-send"]),
    IM_CLIENT_ID: z.string(),
    IM_CLIENT_SECRET: z.string(),
    IM_USERNAME: z.string(),
    IM_PASSWORD: z.string(),
  })
  .parse(process.env);

const now = () => new Date(env.NOW);
const db = createDb(databaseTarget(env.DB_URL));
const internetmarke = createInternetmarkeClient({
  baseUrl: `${env.SIM_ORIGIN}${IM_BASE_PATH}`,
  productsBaseUrl: `${env.SIM_ORIGIN}${PRODUCTS_BASE_PATH}`,
  clientId: env.IM_CLIENT_ID,
  clientSecret: env.IM_CLIENT_SECRET,
  now,
});
const worker = createRefundWorker({
  db,
  internetmarke,
  portokasseFor: async (_shop, im) => im.portokasse({ username: env.IM_USERNAME, password: env.IM_PASSWORD }),
  adminFor: async () => {
    throw new Error("no Shopify in the crash child");
  },
  now,
  owner: "crash-child",
  hooks: {
    at(point) {
      if (point === env.CRASH_AT) process.kill(process.pid, "SIGKILL");
    },
  },
});
await worker.workOnce();
await db.$disconnect();
process.exit(0);

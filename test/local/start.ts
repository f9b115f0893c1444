/**
 * `npm run demo`: the app on localhost with no Shopify account and no internet.
 * Starts the Shopify fake (seeded demo shop), the Deutsche Post simulator (seeded Portokasse),
 * the local admin host that frames the embedded app, and the app itself (Vite, development mode),
 * all against a local SQLite database. Prints the URL to open.
 */
import { startLocalMode } from "./local-mode";

const running = await startLocalMode({
  appPort: Number(process.env.PORT ?? 3000),
  adminPort: Number(process.env.ADMIN_PORT ?? 3100),
  databaseUrl: process.env.DATABASE_URL ?? "file:./data/local.sqlite",
});

console.info(`
Frankiermeister runs in local mode.

  Open the app (embedded, as in Shopify admin):  ${running.adminUrl}
  The fake shop's orders and fulfillments:       ${running.fakeAdminUrl}
  The admin extension "Frank orders" (stand-in): ${running.extensionUrl}?orders=%231001,%231002&locale=de
  Deutsche Post simulator (INTERNETMARKE API):   ${running.simulatorUrl}

  Link the simulator's Portokasse in Settings -> Portokasse with
    username ${running.portokasse.username}   password ${running.portokasse.password}

Press Ctrl+C to stop.`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void running.close().then(() => process.exit(0));
  });
}

/**
 * Child process of `startTestApp` (app-server.ts): the app's real HTTP server (Express + Remix, the same
 * `startAppServer` `npm start` and local mode use) with the environment the parent passed. Prints its
 * origin, then serves until killed.
 */
import { startAppServer } from "../../app/server/http.server";

const app = await startAppServer({ mode: "development", port: 0, host: "127.0.0.1", hmr: false });
console.info(`APP_ORIGIN=${app.origin.replace("localhost", "127.0.0.1")}`);
process.once("SIGTERM", () => {
  void app.close().then(() => process.exit(0));
});

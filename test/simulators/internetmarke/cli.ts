// `npm run sim`: the INTERNETMARKE simulator on http://127.0.0.1:8090 (SIM_PORT) with the demo account.
import { createInternetmarkeSimulator, IM_BASE_PATH, PRODUCTS_BASE_PATH } from "./index";

const port = Number(process.env.SIM_PORT ?? 8090);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`SIM_PORT must be a port number, got ${process.env.SIM_PORT}`);
  process.exit(2);
}

const simulator = createInternetmarkeSimulator();
const demo = simulator.seedDemo();
const server = await simulator.listen({ port, host: "127.0.0.1" });

console.info(`INTERNETMARKE simulator listening on ${server.origin}
  INTERNETMARKE API: ${server.origin}${IM_BASE_PATH}
  Products API:      ${server.origin}${PRODUCTS_BASE_PATH}/products?profile=IM-PARTNER&shortVersion=true
Demo credentials (simulator only):
  client_id      ${demo.clientId}
  client_secret  ${demo.clientSecret}
  username       ${demo.username}
  password       ${demo.password}
  wallet         100,00 EUR, developer account (stamps print "MUSTER")
Stop with Ctrl+C.`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.info(`${signal}: stopping the simulator`);
  await server.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));

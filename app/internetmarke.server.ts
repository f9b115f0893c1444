import { config } from "./config.server";
import { createInternetmarkeClient, type InternetmarkeClient } from "./internetmarke";

declare global {
  // One client per process (it holds the token cache and the memory of refused logins), also across
  // Vite's module reloads in development.
  var __frankiermeisterInternetmarke: InternetmarkeClient | undefined;
}

/** The process-wide Deutsche Post client, built from the configuration on first use. */
export function internetmarke(): InternetmarkeClient {
  if (!globalThis.__frankiermeisterInternetmarke) {
    const settings = config();
    globalThis.__frankiermeisterInternetmarke = createInternetmarkeClient({
      baseUrl: settings.INTERNETMARKE_BASE_URL,
      productsBaseUrl: settings.PRODUCTS_API_BASE_URL,
      clientId: settings.INTERNETMARKE_CLIENT_ID,
      clientSecret: settings.INTERNETMARKE_CLIENT_SECRET,
    });
  }
  return globalThis.__frankiermeisterInternetmarke;
}

import { fetch as undiciFetch } from "undici";
import { createTokenStore, type PortokasseCredentials } from "./auth";
import { resolveConfig, type FetchLike, type InternetmarkeClientOptions } from "./config";
import { createHttp } from "./http";
import { createPortokasse, type Portokasse } from "./portokasse";
import { fetchProducts, type ProductList } from "./products";
import { createRedactor } from "./redact";
import { healthResponseSchema, type Health } from "./schemas";

export interface InternetmarkeClient {
  /** `GET /` without authentication: is the API up, and which version. */
  health(): Promise<Health>;
  /** Product codes and prices (cents) from the Products API. */
  products(): Promise<ProductList>;
  /** Calls on behalf of one merchant's Portokasse. Tokens are cached client-wide per Portokasse. */
  portokasse(credentials: PortokasseCredentials): Portokasse;
}

const globalFetch: FetchLike = (url, init) => globalThis.fetch(url, init);

/**
 * Create once at start-up and share: the client holds the token cache and the memory of refused logins.
 * Options are validated here; secrets never appear in errors, logs or `JSON.stringify(client)`.
 */
export function createInternetmarkeClient(options: InternetmarkeClientOptions): InternetmarkeClient {
  const config = resolveConfig(options, options.dispatcher === undefined ? globalFetch : undiciFetch);
  const redact = createRedactor([config.clientSecret]);
  const http = createHttp(config, redact);
  const tokens = createTokenStore(config, http, redact);

  return {
    async health() {
      const res = await http.send({
        operation: "health",
        method: "GET",
        url: `${config.baseUrl}/`,
        retry: "safe",
        movesMoney: false,
      });
      return http.parse(res, healthResponseSchema);
    },
    products: () => fetchProducts(config, http),
    portokasse(credentials) {
      redact.add(credentials.password);
      return createPortokasse(config, http, tokens, credentials);
    },
  };
}

import { vi } from "vitest";

/** The app's configuration for a test process; the Shopify values match shopify-api's test helpers. */
export const TEST_APP = {
  apiKey: "testApiKey",
  apiSecret: "testApiSecretKey",
  appUrl: "https://my-test-app.myshopify.io",
  encryptionKey: "3c".repeat(32),
};

export function stubAppEnv(overrides: Record<string, string> = {}) {
  const env: Record<string, string> = {
    SHOPIFY_API_KEY: TEST_APP.apiKey,
    SHOPIFY_API_SECRET: TEST_APP.apiSecret,
    SHOPIFY_APP_URL: TEST_APP.appUrl,
    INTERNETMARKE_CLIENT_ID: "test-im-client",
    INTERNETMARKE_CLIENT_SECRET: "test-im-secret",
    ENCRYPTION_KEY: TEST_APP.encryptionKey,
    ...overrides,
  };
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return env;
}

/** Calls a Remix action or loader and returns its Response, whether it was returned or thrown. */
export async function responseOf(run: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await run();
    if (result instanceof Response) return result;
    return Response.json(result);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

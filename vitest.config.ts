import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

const shared = {
  setupFiles: ["test/setup/fail-on-console-error.ts"],
  testTimeout: 20_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  test: {
    globalSetup: ["test/setup/global-postgres.ts"],
    pool: "forks",
    reporters: ["default"],
    projects: [
      {
        plugins: [tsconfigPaths()],
        test: {
          ...shared,
          name: "app",
          include: ["app/**/*.test.{ts,tsx}", "test/**/*.test.{ts,tsx}"],
          exclude: ["**/node_modules/**", "build/**", ".stryker-tmp/**", "reports/**"],
        },
      },
      {
        // Admin UI extensions render with Preact in a mock DOM (@shopify/ui-extensions-tester).
        esbuild: { jsx: "automatic", jsxImportSource: "preact" },
        test: {
          ...shared,
          name: "extensions",
          environment: "jsdom",
          include: ["extensions/**/*.test.{ts,tsx}"],
          // The tester ships .tsx sources; let Vite transform them instead of Node.
          server: { deps: { inline: ["@shopify/ui-extensions-tester"] } },
          exclude: ["**/node_modules/**", ".stryker-tmp/**"],
        },
      },
    ],
  },
});

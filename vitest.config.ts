import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["app/**/*.test.{ts,tsx}", "test/**/*.test.{ts,tsx}", "extensions/**/*.test.{ts,tsx}"],
    exclude: ["**/node_modules/**", "build/**"],
    setupFiles: ["test/setup/fail-on-console-error.ts"],
    globalSetup: ["test/setup/global-postgres.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: "forks",
    reporters: ["default"],
  },
});

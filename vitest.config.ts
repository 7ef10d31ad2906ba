import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "~": path.resolve(import.meta.dirname, "src"),
      // Outside Next the "server-only" guard would throw; tests are server code by definition.
      "server-only": path.resolve(import.meta.dirname, "src/test/empty.ts"),
    },
  },
  test: {
    include: ["src/**/*.test.ts", "prisma/**/*.test.ts"],
    exclude: ["src/test/after-e2e/**", "src/test/faults/**", "node_modules/**"],
    environment: "node",
    pool: "forks",
    globalSetup: ["src/test/global-setup.ts"],
    setupFiles: ["src/test/setup-db.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { NODE_ENV: "test", WV_TEST: "1" },
  },
});

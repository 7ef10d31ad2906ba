import path from "node:path";
import { defineConfig } from "vitest/config";

// `npm run test:faults`: tests that break things on purpose (issue 14). Each file starts its own
// PostgreSQL server (cluster.ts) or embedded data directory and the built app through serve.mjs,
// so the files run one at a time, after the other suites.
const root = path.resolve(import.meta.dirname, "..", "..", "..");
export default defineConfig({
  resolve: {
    alias: {
      "~": path.join(root, "src"),
      "server-only": path.join(root, "src/test/empty.ts"),
    },
  },
  test: {
    root,
    include: ["src/test/faults/**/*.faults.test.ts"],
    environment: "node",
    pool: "forks",
    fileParallelism: false,
    setupFiles: ["src/test/faults/setup.ts"],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    env: { NODE_ENV: "test", WV_TEST: "1" },
  },
});

import path from "node:path";
import { defineConfig } from "vitest/config";

// Runs after the end-to-end suite, on what it left behind in .e2e-data.
export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "..", "..") } },
  test: { include: ["src/test/after-e2e/**/*.test.ts"], root: path.resolve(import.meta.dirname, "..", "..", ".."), testTimeout: 120_000 },
});

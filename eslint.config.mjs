import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { hotRouteModules, REQUEST_SCOPED } from "./src/scripts/lib/hot-build.mjs";

const tsPlugin = nextTs.find((c) => c.plugins?.["@typescript-eslint"])?.plugins?.["@typescript-eslint"];

// The conventions in CONTRIBUTING.md that matter most are enforced here.
const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", ".hot/**", "src/server/db/generated/**", "data/**", ".e2e-data/**", "reports/**", "test-results/**", "next-env.d.ts"] },
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/**/data.ts", "src/**/mutations.ts", "src/server/**", "src/**/*.test.ts", "src/test/**", "src/bench/**", "src/scripts/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "~/server/db", message: "Prisma is used only in a feature's data.ts or mutations.ts." }],
          patterns: [{ group: ["~/server/db/generated/client", "@prisma/*"], message: "Prisma is used only in a feature's data.ts or mutations.ts." }],
        },
      ],
    },
  },
  {
    files: ["src/**/components/**/*.{ts,tsx}", "src/lib/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "~/env", message: "The server env module must never reach client code (Rallly #2474)." }],
          patterns: [{ group: ["~/server/*", "!~/server/api/root"], message: "Client code must not import server modules." }],
        },
      ],
    },
  },
  {
    // The hot write routes run outside Next's request context (src/server/api/hot-routes.ts):
    // every module they reach, as esbuild finds them, may not use Next's request-scoped APIs.
    // typescript-eslint's copy of the rule, so the core rule's options above still hold here.
    files: hotRouteModules(),
    plugins: { "@typescript-eslint": tsPlugin },
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { paths: REQUEST_SCOPED }] },
  },
];

export default config;

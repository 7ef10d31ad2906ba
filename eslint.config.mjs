import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The conventions in CONTRIBUTING.md that matter most are enforced here.
const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "src/server/db/generated/**", "data/**", ".e2e-data/**", "reports/**", "test-results/**", "next-env.d.ts"] },
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
];

export default config;

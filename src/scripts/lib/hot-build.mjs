import path from "node:path";
import * as esbuild from "esbuild";

// The hot write routes (src/server/api/hot-routes.ts) bundled apart from Next's build, for
// src/scripts/serve.mjs (through ./hot-routes.mjs). esbuild, not tsx at run time: the bundle is
// made once with the build (`npm run build`, and buildIfNeeded for `npm start`), the server
// starts without compiling anything and without a loader hook, and what the bundle reaches is
// known at build time (the lint rule in eslint.config.mjs uses the same list).
// Packages stay external (node_modules is what Next's build uses too); the sources, including
// the generated Prisma client, are bundled, with the react-server condition as in Next's server
// build, so "server-only" is the empty module it is there.

export const root = path.resolve(import.meta.dirname, "..", "..", "..");
export const HOT_ENTRY = "src/server/api/hot-routes.ts";
export const HOT_BUNDLE = path.join(".hot", "handlers.mjs");

/** Next APIs that read or change Next's per-request state: unavailable to the hot routes. */
export const REQUEST_SCOPED = [
  { name: "next/headers", message: "cookies(), headers() and draftMode() need Next's request context, which the hot write routes (src/server/api/hot-routes.ts) run without." },
  { name: "next/server", importNames: ["after", "connection"], message: "after() and connection() need Next's request context, which the hot write routes (src/server/api/hot-routes.ts) run without." },
  { name: "next/cache", message: "Next's cache needs its request context, which the hot write routes (src/server/api/hot-routes.ts) run without." },
  { name: "next/navigation", message: "redirect() and notFound() are caught only by Next, which the hot write routes (src/server/api/hot-routes.ts) bypass." },
];

/** @type {import("esbuild").Plugin} */
const serverOnly = {
  name: "server-only",
  setup(build) {
    build.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
    build.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "", loader: "js" }));
  },
};

/** @param {string} dir @returns {import("esbuild").BuildOptions & { metafile: true }} */
const options = (dir) => ({
  absWorkingDir: dir,
  entryPoints: [HOT_ENTRY],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  conditions: ["react-server"],
  tsconfig: "tsconfig.json",
  plugins: [serverOnly],
  metafile: true,
  logLevel: "warning",
  legalComments: "none",
});

/** Writes .hot/handlers.mjs. @param {string} [dir] */
export async function buildHotRoutes(dir = root) {
  const result = await esbuild.build({ ...options(dir), outfile: path.join(dir, HOT_BUNDLE) });
  const banned = new Set(REQUEST_SCOPED.filter((r) => !r.importNames).map((r) => r.name));
  for (const [file, input] of Object.entries(result.metafile.inputs)) {
    for (const imp of input.imports) if (banned.has(imp.path)) throw new Error(`${file} imports ${imp.path}, which the hot write routes cannot use`);
  }
  return result;
}

/** The source files the hot routes reach (relative to the project), for the lint rule. @param {string} [dir] @returns {string[]} */
export function hotRouteModules(dir = root) {
  // buildSync (ESLint loads its config synchronously enough) takes no plugins; nothing is written.
  const result = esbuild.buildSync({ ...options(dir), plugins: [], external: ["server-only"], write: false, outfile: "hot.mjs" });
  return Object.keys(result.metafile.inputs).filter((f) => f.startsWith("src/") && !f.startsWith("src/server/db/generated/"));
}

import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..", "..", "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);

/** Runs a command in the project, inheriting output; rejects on a non-zero exit. */
export function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: "inherit", env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env, ...opts.env } });
    child.on("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited with ${code ?? signal}`))));
  });
}

// The Prisma 6.19 CLI over the PGlite adapter sometimes finishes `migrate deploy` and then never
// exits (the embedded database keeps its event loop alive). Once it has said the migrations are
// applied (each one committed), it gets a few seconds to exit on its own and is then stopped.
const MIGRATE_DONE = /All migrations have been successfully applied|No pending migrations to apply/;
export function prisma(args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin("prisma"), args, { cwd: root, stdio: ["inherit", "pipe", "inherit"], env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env, ...env } });
    let done = false;
    child.stdout.on("data", (chunk) => {
      process.stdout.write(chunk);
      if (!done && MIGRATE_DONE.test(String(chunk))) {
        done = true;
        setTimeout(() => child.exitCode === null && child.kill("SIGTERM"), 3000).unref();
      }
    });
    child.on("exit", (code, signal) => (code === 0 || (done && signal) ? resolve() : reject(new Error(`prisma ${args.join(" ")} exited with ${code ?? signal}`))));
  });
}
export const next = (args, env) => run(bin("next"), args, { env });
/** The built app as `npm start` serves it (serve.mjs: Next plus the direct write routes). */
export const serve = (args, env) => run(process.execPath, [path.join(import.meta.dirname, "..", "serve.mjs"), ...args], { env });
/** TypeScript scripts run with the react-server condition so "server-only" modules load. */
export const tsx = (file, args = [], env) => run(process.execPath, ["--conditions=react-server", "--import", "tsx", file, ...args], { env });

// A build is reused while nothing it is made from has changed since it was made.
const SOURCES = ["src", "public", "prisma/schema", "next.config.js", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];
function sourceStamp() {
  const hash = createHash("sha256");
  const walk = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) {
      if (p.endsWith(`${path.sep}generated`)) return;
      for (const e of readdirSync(p).sort()) walk(path.join(p, e));
    } else hash.update(`${path.relative(root, p)}:${s.size}:${s.mtimeMs}\n`);
  };
  for (const s of SOURCES) walk(path.join(root, s));
  return hash.digest("hex");
}

export async function buildIfNeeded() {
  const stampFile = path.join(root, ".next", "wv-source-stamp");
  const stamp = sourceStamp();
  const built = existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp;
  // The hot write routes' bundle (serve.mjs) is made from the same sources, after Next's build.
  const { buildHotRoutes, HOT_BUNDLE } = await import("./hot-build.mjs");
  if (built) {
    if (!existsSync(path.join(root, HOT_BUNDLE))) await buildHotRoutes(root);
    return;
  }
  console.log("Building the app (first start, or the sources changed)…");
  await next(["build"]);
  await buildHotRoutes(root);
  writeFileSync(stampFile, stamp);
}

import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, openSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..", "..");

// Benchmarks talk to the built app over real HTTP, on PostgreSQL, as `npm start` serves it.
// Rate limits are switched off (every request comes from 127.0.0.1) and the benchmark process
// shares the server's secrets so it can mint session tokens for its synthetic workers.
export const BENCH_SECRETS = {
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  NULLIFIER_KEY: randomBytes(32).toString("base64url"),
  TOTP_KEY: randomBytes(32).toString("base64url"),
  TOKEN_KEY: randomBytes(32).toString("base64url"),
  PROFILE_KEY: randomBytes(32).toString("base64url"),
};

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: "inherit", env });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited with ${code}`))));
  });
}

/** Points this process at the benchmark database; call before importing ~/server/db. */
export function pointAtDatabase(databaseUrl: string) {
  Object.assign(process.env, { DATABASE_URL: databaseUrl, DATA_DIR: mkdtempSync(path.join(tmpdir(), "wv-bench-")), ...BENCH_SECRETS });
}

export async function migrate(databaseUrl: string) {
  await run(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], { ...process.env, DATABASE_URL: databaseUrl });
}

export async function buildApp() {
  const { buildIfNeeded } = (await import(path.join(root, "src", "scripts", "lib", "run.mjs"))) as { buildIfNeeded: () => Promise<void> };
  await buildIfNeeded();
}

/**
 * What every HTTP benchmark starts with: a fresh database `name`, this process pointed at it
 * (before anything imports ~/server/db), migrated, and the app built. Returns the database URL.
 */
export async function prepareBench(name: string): Promise<string> {
  const { freshDatabase } = await import("./database");
  const databaseUrl = await freshDatabase(name);
  pointAtDatabase(databaseUrl);
  await migrate(databaseUrl);
  await buildApp();
  return databaseUrl;
}

export type RunningApp = { url: string; pid: number; child: ChildProcess; stop: () => Promise<void> };

// serve.mjs writes one line per request here (method, path, status, ms from arrival to last
// byte), which gives timeRequests the server's own time beside the wall time seen over loopback.
let timingFile: string | null = null;

/** BENCH_PORT_OFFSET shifts every benchmark's port, for several checkouts on one machine. */
/**
 * `extraEnv` overrides the benchmark defaults, e.g. rate limits on for the soak; `stderrFile`
 * takes the server's log instead of the terminal; `timing` has the server log each request's
 * time for timeRequests (a file write per request that a production server does not make, so
 * the throughput benchmarks leave it off).
 */
export async function startApp(databaseUrl: string, basePort = 3300, extraEnv: Record<string, string> = {}, opts: { stderrFile?: string; timing?: boolean } = {}): Promise<RunningApp> {
  const port = basePort + Number(process.env.BENCH_PORT_OFFSET ?? 0);
  // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server under load.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const serve = path.join(root, "src", "scripts", "serve.mjs");
  timingFile = opts.timing ? path.join(mkdtempSync(path.join(tmpdir(), "wv-timing-")), "requests.log") : null;
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, serve, "-p", String(port)], {
    cwd: root,
    stdio: ["ignore", "ignore", opts.stderrFile ? openSync(opts.stderrFile, "a") : "inherit"],
    env: {
      ...process.env,
      ...BENCH_SECRETS,
      DATABASE_URL: databaseUrl,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      WV_DISABLE_RATE_LIMITS: "1",
      NEXTAUTH_URL: `http://localhost:${port}`,
      ...(timingFile ? { WV_TIMING_FILE: timingFile } : {}),
      ...extraEnv,
    },
  });
  const url = `http://127.0.0.1:${port}`;
  let up = false;
  for (let i = 0; i < 120 && !up && child.exitCode === null; i++) {
    try {
      up = (await fetch(`${url}/api/health`)).ok;
    } catch {
      /* not up yet */
    }
    if (!up) await new Promise((r) => setTimeout(r, 500));
  }
  // A server that never answered (or exited: the port taken, a bad setting) fails here, clearly.
  if (!up) {
    child.kill("SIGKILL");
    throw new Error(`the app on port ${port} did not answer /api/health (exit code ${child.exitCode ?? "none"}); is the port taken? BENCH_PORT_OFFSET moves it`);
  }
  return {
    url,
    pid: child.pid!,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Warms the server up with a few sequential requests. */
export async function warm(url: string, n = 50) {
  for (let i = 0; i < n; i++) await fetch(url).then((r) => r.arrayBuffer());
}

const timingLines = () => (timingFile && existsSync(timingFile) ? readFileSync(timingFile, "utf8").split("\n").filter(Boolean) : []);

/**
 * Median and p95 of sequential GETs: wall time over loopback, and server time (arrival to last
 * byte, as serve.mjs records it) of the same requests.
 */
export async function timeRequests(url: string, n = 50, headers: Record<string, string> = {}) {
  if (!timingFile) throw new Error("timeRequests needs the server's timing log: start it with startApp(..., { timing: true })");
  const before = timingLines().length;
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    times.push(performance.now() - started);
  }
  const sorted = times.sort((a, b) => a - b);
  await new Promise((r) => setTimeout(r, 100)); // the log is written asynchronously
  const pathname = new URL(url).pathname;
  const server = timingLines()
    .slice(before)
    .map((line) => line.split(" "))
    .filter(([method, p]) => method === "GET" && p === pathname)
    .map((f) => Number(f[3]))
    .sort((a, b) => a - b);
  if (server.length !== n) throw new Error(`expected ${n} timed requests to ${pathname} in the server's log, found ${server.length}`);
  return {
    median: sorted[Math.floor(n / 2)]!,
    p95: sorted[Math.floor(n * 0.95)]!,
    server: { median: server[Math.floor(n / 2)]!, p95: server[Math.floor(n * 0.95)]! },
  };
}

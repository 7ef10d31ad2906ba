import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// A PostgreSQL server of the fault tests' own, so they can restart it and drop its connections
// without touching the machine's shared cluster (other suites, other checkouts). Made with the
// Debian package's initdb and pg_ctl; as root (CI) they run as the postgres user, which owns
// the data directory, since PostgreSQL refuses to run as root.

function binDir(): string {
  const base = "/usr/lib/postgresql";
  const version = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a))[0] : undefined;
  if (!version) throw new Error("PostgreSQL server binaries not found under /usr/lib/postgresql");
  return path.join(base, version, "bin");
}

const asRoot = process.getuid?.() === 0;

const run = promisify(execFile);

/** A server binary, as the postgres user when this process is root; asynchronous, so a burst of
 * requests goes on while the server stops and starts. */
async function pgctl(args: string[]) {
  const bin = path.join(binDir(), args[0]!);
  const rest = args.slice(1);
  if (asRoot) await run("runuser", ["-u", "postgres", "--", bin, ...rest], { cwd: "/tmp" });
  else await run(bin, rest, { cwd: "/tmp" });
}

export type Cluster = {
  url: string;
  port: number;
  /** `fast` rolls back open transactions and closes connections; `immediate` is a crash. */
  restart(mode: "fast" | "immediate"): Promise<void>;
  stop(mode?: "fast" | "immediate"): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and removes its files. */
  destroy(): Promise<void>;
  /** Runs SQL as the superuser through psql, e.g. to drop every connection. */
  psql(sql: string): string;
};

export async function startCluster(port: number): Promise<Cluster> {
  const dir = mkdtempSync(path.join(tmpdir(), "wv-faults-pg-"));
  if (asRoot) chownSync(dir, uidOf("postgres"), gidOf("postgres"));
  const data = path.join(dir, "data");
  await pgctl(["initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
  // A socket directory of its own, and a log file beside the data.
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=60 -c fsync=on -c synchronous_commit=on`;
  const log = path.join(dir, "server.log");
  const start = () => pgctl(["pg_ctl", "-D", data, "-o", opts, "-l", log, "-w", "-t", "60", "start"]);
  const stop = (mode: "fast" | "immediate" = "fast") => pgctl(["pg_ctl", "-D", data, "-m", mode, "-w", "-t", "60", "stop"]);
  await start();
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    start,
    stop,
    async restart(mode) {
      await stop(mode);
      await start();
    },
    async destroy() {
      await stop("immediate").catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
    psql(sql) {
      return execFileSync("psql", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-d", "postgres", "-Atqc", sql], { encoding: "utf8" });
    },
  };
}

function uidOf(user: string) {
  return Number(execFileSync("id", ["-u", user], { encoding: "utf8" }).trim());
}
function gidOf(user: string) {
  return Number(execFileSync("id", ["-g", user], { encoding: "utf8" }).trim());
}

import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..", "..");

export type ServedApp = {
  url: string;
  child: ChildProcess;
  /** What the app printed on stdout, when asked for (serveApp's `captureStdout`). */
  stdout: string[];
  exited: Promise<void>;
  /** SIGKILL: no shutdown hook runs, as in a crash or the kernel's OOM killer. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
};

/**
 * The built app as `npm start` serves it in production (src/scripts/serve.mjs), on `databaseUrl`
 * (PostgreSQL) or, when it is empty, on the embedded database in process.env.DATA_DIR. It gets
 * this process's environment, so the secrets set by setup.ts.
 */
export async function serveApp(port: number, databaseUrl: string, extraEnv: Record<string, string> = {}, opts: { captureStdout?: boolean } = {}): Promise<ServedApp> {
  const child = spawn(process.execPath, [path.join(root, "src", "scripts", "serve.mjs"), "-p", String(port)], {
    cwd: root,
    stdio: ["ignore", opts.captureStdout ? "pipe" : "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      ...extraEnv,
    },
  });
  const stdout: string[] = [];
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => stdout.push(...chunk.split("\n").filter(Boolean)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`serve.mjs exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* starting */
    }
    if (i > 240) throw new Error("the app did not start");
    await new Promise((r) => setTimeout(r, 250));
  }
  const signal = (sig: NodeJS.Signals) => async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
    await exited;
  };
  return { url, child, stdout, exited, kill9: signal("SIGKILL"), stop: signal("SIGTERM") };
}

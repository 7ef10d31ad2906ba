import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// nginx in front of app instances on this machine, for the two-instance fault test and
// benchmark: the very rules of nginx-http.conf and nginx-proxy.conf (beside this file), as README
// "Several instances" deploys them; only the listening port, the upstream's ports and the paths
// (a temporary prefix: config, pid, logs, temp files, cache) are its own. A child process in the
// foreground (daemon off), stopped with SIGQUIT.

const here = import.meta.dirname;
const NGINX = process.env.NGINX ?? "/usr/sbin/nginx";

export type Nginx = { url: string; child: ChildProcess; stop(): Promise<void> };

export async function startNginx(port: number, upstreams: number[]): Promise<Nginx> {
  const dir = mkdtempSync(path.join(tmpdir(), "wv-nginx-"));
  // As root (CI) the master keeps root and the workers run as root too, so they can write here.
  const asRoot = process.getuid?.() === 0;
  for (const sub of ["body", "proxy", "fastcgi", "uwsgi", "scgi", "cache", "logs"]) mkdirSync(path.join(dir, sub));
  chmodSync(dir, 0o700);
  const conf = `
daemon off;
${asRoot ? "user root;" : ""}
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 512; }
http {
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${here}/nginx-http.conf;
  upstream worker_voice {
    least_conn;
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=2 fail_timeout=5s;`).join("\n")}
    keepalive 8;
  }
  proxy_cache_path ${dir}/cache levels=1:2 keys_zone=wv_pages:1m max_size=64m inactive=1m use_temp_path=off;
  server {
    listen 127.0.0.1:${port};
    server_name localhost;
    include ${here}/nginx-proxy.conf;
  }
}
`;
  const file = path.join(dir, "nginx.conf");
  writeFileSync(file, conf);
  const args = ["-p", dir, "-c", file, "-e", path.join(dir, "logs", "error.log")];
  const child = spawn(NGINX, args, { stdio: ["ignore", "inherit", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}`);
    try {
      await fetch(`${url}/api/health`);
      break;
    } catch {
      /* starting */
    }
    if (i > 80) throw new Error("nginx did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGQUIT");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

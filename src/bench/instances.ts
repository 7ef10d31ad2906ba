import { availableParallelism } from "node:os";
import pg from "pg";
import { startNginx } from "~/deploy/start-nginx";
import { buildApp, migrate, pointAtDatabase, startApp, warm } from "./lib/app";
import { freshDatabase } from "./lib/database";
import { machineLine, median, printFigure } from "./lib/machine";
import { createWorkers, type BenchWorker } from "./lib/workers";
import { runWrk, type WrkRequest } from "./lib/wrk";

// Two app instances behind nginx (src/deploy/), one PostgreSQL, one Redis, beside one instance
// alone and one instance behind the same nginx (what nginx itself costs), on the same machine
// in the same run (issue 15): a petition page read anonymously and signatures from distinct
// workers, 32 connections. On a 2-core machine the instances, nginx, PostgreSQL and wrk share
// the same two cores, so a second instance cannot add throughput; this shows it costs little
// and that the path works. Several instances pay off with a core (or a host) per instance.

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const SIGNERS = Number(process.env.BENCH_SIGNERS ?? 12_000);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379/15";
const offset = Number(process.env.BENCH_PORT_OFFSET ?? 0);
const [ONE, TWO_A, TWO_B, NGINX] = [3385, 3386, 3387, 3388];

const databaseUrl = await freshDatabase("wv_bench_instances");
pointAtDatabase(databaseUrl);
await migrate(databaseUrl);
await buildApp();

const sql = new pg.Pool({ connectionString: databaseUrl, max: 2 });
const platform = (await sql.query(`INSERT INTO "Platform" (id, slug, "nameZh", "nameEn", sector) VALUES ('flasheats', 'flasheats', '闪送外卖', 'FlashEats', 'FOOD_DELIVERY') RETURNING id`)).rows[0].id as string;
async function petition(id: string) {
  await sql.query(
    `INSERT INTO "Petition" (id, "shortCode", "ownerKey", title, ask, reason, "targetKind", "platformId", status, "sponsorCount", threshold, "publishedOn", "closesOn")
     VALUES ($1, $2, 'bench-owner', '等餐超过 10 分钟应计入工时', 'Pay waiting time at restaurants beyond five minutes.', 'Riders wait unpaid while the app counts them late.',
       'PLATFORM', $3, 'PUBLISHED', 5, 1000, wv_today(), wv_today() + 90)`,
    [id, Math.random().toString(36).slice(2, 9), platform],
  );
}
const SETUPS = ["one instance", "one instance behind nginx", "two instances behind nginx"] as const;
for (const s of SETUPS.keys()) await petition(`bench-sign-${s}`);
await petition("bench-page");
const workers = await createWorkers(SIGNERS, () => ({ city: "beijing", sectors: ["FOOD_DELIVERY"], platformSlugs: ["flasheats"] }));
const signs = (petitionId: string, list: BenchWorker[]): WrkRequest[] => list.map((w) => ({ method: "POST", path: "/api/signatures", body: JSON.stringify({ petitionId }), cookie: w.cookie }));
const env = { REDIS_URL, TRUSTED_PROXIES: "127.0.0.1,::1" };

type Figures = { page: number; pageP99: number; sign: number; signP99: number };
async function measure(url: string, setup: number): Promise<Figures> {
  await warm(`${url}/petitions/bench-page`, 100);
  const pages = [0, 1, 2].map(() => runWrk(url, [{ method: "GET", path: "/petitions/bench-page" }], { seconds: SECONDS, connections: 32 }));
  const sign = runWrk(url, signs(`bench-sign-${setup}`, workers), { seconds: SECONDS, connections: 32, threads: 1 });
  return { page: median(pages.map((r) => r.rps)), pageP99: median(pages.map((r) => r.p99)), sign: sign.rps, signP99: sign.p99 };
}

const results: Figures[] = [];
try {
  console.log(`\nSeveral instances benchmark on ${machineLine()}`);
  const one = await startApp(databaseUrl, ONE, env);
  results.push(await measure(one.url, 0));
  const front = await startNginx(NGINX + offset, [ONE + offset]);
  results.push(await measure(front.url, 1));
  await front.stop();
  await one.stop();

  const two = await Promise.all([startApp(databaseUrl, TWO_A, env), startApp(databaseUrl, TWO_B, env)]);
  const nginx = await startNginx(NGINX + offset, [TWO_A + offset, TWO_B + offset]);
  try {
    results.push(await measure(nginx.url, 2));
  } finally {
    await nginx.stop();
    await Promise.all(two.map((a) => a.stop()));
  }

  for (const [i, r] of results.entries()) {
    printFigure(`${SETUPS[i]}: petition page, anonymous, req/s (p99 ms)`, `${r.page.toFixed(0)} (${r.pageP99.toFixed(0)})`);
    printFigure(`${SETUPS[i]}: signatures, req/s (p99 ms)`, `${r.sign.toFixed(0)} (${r.signP99.toFixed(0)})`);
  }
  console.log(
    `  ${availableParallelism()} cores here run every instance, nginx, PostgreSQL and wrk at once: a second instance adds` +
      " processes, not cores, so expect the same figures or a little less; the gain needs a core or a host per instance.",
  );
} finally {
  await sql.end();
  const { closeDb } = await import("~/server/db");
  await closeDb();
}

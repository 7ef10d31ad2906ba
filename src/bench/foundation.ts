import { buildApp, migrate, startApp, timeRequests, pointAtDatabase, warm } from "./lib/app";
import { measurePageJs, NEXT_FLOOR_KB } from "./lib/bundle";
import { freshDatabase, rawInsertRate } from "./lib/database";
import { machineLine, median, printFigure } from "./lib/machine";
import { createWorkers } from "./lib/workers";
import { runWrk } from "./lib/wrk";
import { noopRate } from "./lib/yardsticks";

// Foundation figures: the yardsticks (a no-op Next route, raw PostgreSQL inserts), pages a
// worker opens, and how much JavaScript those pages make a phone download.
const databaseUrl = await freshDatabase("wv_bench_foundation");
pointAtDatabase(databaseUrl);
await migrate(databaseUrl);
await buildApp();
const [worker] = await createWorkers(1, () => ({ city: "shenzhen", sectors: ["FOOD_DELIVERY"] }));
const app = await startApp(databaseUrl, undefined, {}, { timing: true });

try {
  console.log(`\nFoundation benchmark on ${machineLine()}`);
  await warm(`${app.url}/api/ping`);
  await warm(`${app.url}/`, 20);

  const runs = (path: string, cookie?: string) => [0, 1, 2].map(() => runWrk(app.url, [{ method: "GET", path, cookie }], { seconds: 5, connections: 32 }));
  printFigure("no-op Next route (yardstick), req/s, median of 3", noopRate(app.url).toFixed(0));
  const home = runs("/");
  printFigure("home page (anonymous), req/s, median of 3", median(home.map((r) => r.rps)).toFixed(0));
  const me = runs("/me", worker!.cookie);
  printFigure("My account page (signed-in worker), req/s", median(me.map((r) => r.rps)).toFixed(0));
  printFigure("  p99 latency, ms", median(me.map((r) => r.p99)).toFixed(1));
  const raw = await rawInsertRate(databaseUrl);
  printFigure("raw PostgreSQL single-row inserts/s (32 connections)", raw.toFixed(0));
  const t = await timeRequests(`${app.url}/me`, 30, { cookie: worker!.cookie });
  printFigure("My account page, median sequential latency, ms", t.median.toFixed(1));

  console.log("\n  JavaScript a phone downloads per worker page (gzipped):");
  for (const r of await measurePageJs(app.url, ["/", "/join", "/sign-in"])) printFigure(`    ${r.path}`, `${r.kb.toFixed(1)} KB`, `~${NEXT_FLOOR_KB + 50} KB = floor ${NEXT_FLOOR_KB} + 50`);
  for (const r of await measurePageJs(app.url, ["/me"], worker!.cookie)) printFigure(`    ${r.path} (signed in)`, `${r.kb.toFixed(1)} KB`, `~${NEXT_FLOOR_KB + 50} KB`);
} finally {
  await app.stop();
  const { closeDb } = await import("~/server/db");
  await closeDb();
}

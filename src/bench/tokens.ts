import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { prepareBench, startApp, warm } from "./lib/app";
import { measurePageJs } from "./lib/bundle";
import { rawInsertRate } from "./lib/database";
import { machineLine, median, printFigure } from "./lib/machine";
import { createWorkers } from "./lib/workers";
import { printWrkRuns, runWrk, type WrkRequest } from "./lib/wrk";

// Issue 11 figures: verified ballots through the token path (POST /api/tokens/ballot, no
// session: verify the RFC 9474 signature, then one statement writes the ballot and the tally)
// beside the unverified path (POST /api/ballots, signed in) and the yardsticks of the same run
// (a no-op route through serve.mjs and Next, raw single-row inserts into the same PostgreSQL); the cost per operation of issuance (Node's raw RSA), of the client's
// blinding and of verification; and the size of the token JavaScript a phone loads lazily.
// BENCH_SECONDS shortens the HTTP runs (default 10 s each, median of 3).
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const databaseUrl = await prepareBench("wv_bench_tokens");

const { db, closeDb } = await import("~/server/db");
const { createUnion } = await import("~/features/accounts/mutations");
const { ranking, sessionBallotRequests, voterProfile, votingCampaign } = await import("./lib/ballots");
const { ensureCampaignKey, issueToken } = await import("~/features/tokens/mutations");
const { getTokenStatus, campaignVerifyKey } = await import("~/features/tokens/data");
const { blindToken, finishToken } = await import("~/features/tokens/token-client");
const { fromBase64Url } = await import("~/features/tokens/message");
const { signBlinded, verifyToken } = await import("~/features/tokens/signer");
const { openSigningKey } = await import("~/features/tokens/key-seal");

const ms = (t0: number) => performance.now() - t0;
const union = await createUnion({ slug: "bench-union", nameZh: "基准工会", nameEn: "Bench union" });
const open = await votingCampaign(union.id, 10);
const verified = await votingCampaign(union.id, 10, { verifiedOnly: true });
const voters = await createWorkers(1000, voterProfile);
const holders = await createWorkers(200, voterProfile);
await db.verification.createMany({ data: holders.map((h) => ({ accountId: h.accountId, unionId: union.id })) });
const key = (await ensureCampaignKey(verified.id))!;

// Tokens as phones get them; the client's blinding and the server's issuance timed apart.
const blindTimes: number[] = [];
const issueTimes: number[] = [];
const tokens: Awaited<ReturnType<typeof finishToken>>[] = [];
for (const h of holders) {
  const { profile: p } = await getTokenStatus(h.accountId, verified.id);
  let t0 = performance.now();
  const blinded = await blindToken(key.publicKey, verified.id, p!);
  blindTimes.push(ms(t0));
  t0 = performance.now();
  const { blindSignature } = await issueToken(h.accountId, verified.id, fromBase64Url(blinded.blindedMsg)!);
  issueTimes.push(ms(t0));
  tokens.push(await finishToken(blinded, blindSignature));
}
const app = await startApp(databaseUrl, 3314);

try {
  console.log(`\nTokens benchmark on ${machineLine()}`);
  printFigure("token issuance, server (checks, raw RSA sign and check, one transaction), ms per op (median)", median(issueTimes).toFixed(2));
  const pkcs8 = openSigningKey(verified.id, key.sealedKey);
  const spki = Buffer.from(key.publicKey, "base64url");
  const sample = await blindToken(key.publicKey, verified.id, { city: "shenzhen", platform: "unknown", sector: "COURIER" });
  const raw = Array.from({ length: 200 }, () => {
    const t0 = performance.now();
    signBlinded(pkcs8, spki, fromBase64Url(sample.blindedMsg)!);
    return ms(t0);
  });
  printFigure("  of which the RSA private step (Node, RSA_NO_PADDING) and its check, ms per op", median(raw).toFixed(2));
  printFigure("client blinding (library, in Node; a phone is slower), ms per op (median)", median(blindTimes).toFixed(1));
  const verifyKey = (await campaignVerifyKey(verified.id))!;
  const verifyTimes: number[] = [];
  for (const t of tokens) {
    const t0 = performance.now();
    await verifyToken(verifyKey, fromBase64Url(t.signature)!, fromBase64Url(t.token)!);
    verifyTimes.push(ms(t0));
  }
  printFigure("token verification (RSASSA-PSS, WebCrypto), ms per op (median)", median(verifyTimes).toFixed(3));

  // Each token casts once, then changes its ballot: the same mix as the campaigns benchmark.
  const tokenRequests: WrkRequest[] = Array.from({ length: tokens.length * 10 }, (_, n) => ({
    method: "POST",
    path: "/api/tokens/ballot",
    body: JSON.stringify({ campaignId: verified.id, ...tokens[n % tokens.length]!, demandIds: ranking(verified.ids, n) }),
  }));
  const openRequests = sessionBallotRequests(voters, open, 3);
  await warm(`${app.url}/api/ping`);
  runWrk(app.url, tokenRequests.slice(0, 200), { seconds: 3, connections: 8 }); // warm-up
  runWrk(app.url, openRequests.slice(0, 200), { seconds: 3, connections: 8 });
  const runs = [0, 1, 2].map(() => ({
    token: runWrk(app.url, tokenRequests, { seconds, connections: 32 }),
    open: runWrk(app.url, openRequests, { seconds, connections: 32 }),
    ping: runWrk(app.url, [{ method: "GET", path: "/api/ping" }], { seconds: Math.min(seconds, 5), connections: 32 }),
  }));
  printWrkRuns("verified ballots cast or changed with a token, no session", runs.map((r) => r.token), { rps: "≥ 500", p99: "≤ 150" });
  printWrkRuns("unverified ballots cast or changed, signed in (POST /api/ballots)", runs.map((r) => r.open));
  await new Promise((r) => setTimeout(r, 3000));
  printFigure("  token ballots stored / tokens", `${await db.ballot.count({ where: { campaignId: verified.id } })} / ${tokens.length}`);
  printFigure("no-op Next route (yardstick), req/s, median of 3", median(runs.map((r) => r.ping.rps)).toFixed(0));
  printFigure("raw PostgreSQL single-row inserts/s (32 connections)", (await rawInsertRate(databaseUrl)).toFixed(0));

  // The token code: the lazily loaded chunk of Next's build that holds the library, and proof
  // that the campaign page does not load it until a token is needed.
  const chunks = path.join(process.cwd(), ".next", "static", "chunks");
  const files = readdirSync(chunks, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".js"));
  const tokenChunks = files.filter((f) => readFileSync(path.join(chunks, f), "utf8").includes("RSABSSA"));
  const kb = tokenChunks.reduce((s, f) => s + gzipSync(readFileSync(path.join(chunks, f))).length, 0) / 1024;
  printFigure(`token JavaScript, gzipped (${tokenChunks.length} chunk${tokenChunks.length === 1 ? "" : "s"})`, `${kb.toFixed(1)} KB`, "≤ 15 KB");
  for (const r of await measurePageJs(app.url, [`/campaigns/${open.id}`, `/campaigns/${verified.id}`])) {
    printFigure(`  JavaScript of ${r.path === `/campaigns/${open.id}` ? "an unverified" : "a verified-only"} campaign's page before a token is needed, gzipped`, `${r.kb.toFixed(1)} KB`);
  }
} finally {
  await app.stop();
  await closeDb();
}

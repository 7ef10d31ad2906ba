import { webcrypto } from "node:crypto";
import { createChallenge, solveChallenge as solveNative } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { migrate, pointAtDatabase } from "./lib/app";
import { freshDatabase } from "./lib/database";
import { machineLine, median, printFigure } from "./lib/machine";

// What minting accounts costs one machine (issue 13), in-process on PostgreSQL: CPU time
// (user + system, all threads: argon2 runs on libuv's pool) for N accounts without proof of
// work (argon2 + insert) and with it (challenge, a script's native SHA-256 solve, server
// verification, spent-challenge insert, argon2 + insert); then how long the join page's own
// WebCrypto solver takes for the hardest challenge, which is what a phone pays.

const N = Number(process.env.BENCH_ACCOUNTS ?? 1_000);
// One at a time: process.cpuUsage() is process-wide, so phases must not overlap to be told apart.
const CONCURRENCY = 1;

const databaseUrl = await freshDatabase("wv_bench_accounts");
pointAtDatabase(databaseUrl);
await migrate(databaseUrl);
const { createWorkerAccount, createProvenWorkerAccount } = await import("~/features/accounts/mutations");
const { createJoinChallenge, verifyJoinProof } = await import("~/features/accounts/proof-of-work");
const { JOIN_POW, solveChallenge: solvePhone } = await import("~/features/accounts/solve-challenge");

type Split = { solve: number; server: number };

const cpuMs = (since?: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

async function inParallel(n: number, task: () => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next++ < n) await task();
  }));
}

async function mintWithout(n: number) {
  const start = process.cpuUsage();
  const wall = performance.now();
  await inParallel(n, async () => void (await createWorkerAccount()));
  return { cpu: cpuMs(start), wall: performance.now() - wall };
}

// Solving and serving run in one process here, so their CPU is split by timing each phase alone.
async function mintWith(n: number) {
  const split: Split = { solve: 0, server: 0 };
  const wall = performance.now();
  await inParallel(n, async () => {
    let t = process.cpuUsage();
    const challenge = await createJoinChallenge();
    split.server += cpuMs(t);
    t = process.cpuUsage();
    const solution = await solveNative({ challenge, deriveKey });
    split.solve += cpuMs(t);
    t = process.cpuUsage();
    const proof = await verifyJoinProof({ challenge, solution: { counter: solution!.counter, derivedKey: solution!.derivedKey } });
    await createProvenWorkerAccount(proof);
    split.server += cpuMs(t);
  });
  return { ...split, wall: performance.now() - wall };
}

/** The join page's WebCrypto solver on a challenge whose counter is the highest the server draws. */
async function phoneWorstCase(runs: number) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const challenge = await createChallenge({ algorithm: "SHA-256", cost: 1, counter: JOIN_POW.maxCounter, deriveKey, hmacSignatureSecret: "bench", hmacKeySignatureSecret: "bench-key" });
    const t = performance.now();
    const solution = await solvePhone(challenge as never, { maxCounter: JOIN_POW.maxCounter, subtle: webcrypto.subtle as SubtleCrypto });
    times.push(performance.now() - t);
    if (solution?.counter !== JOIN_POW.maxCounter) throw new Error("solver missed the counter");
  }
  return median(times);
}

console.log(machineLine());
console.log(`Minting ${N.toLocaleString("en")} accounts, ${CONCURRENCY} at a time; counter drawn from ${JOIN_POW.minCounter}-${JOIN_POW.maxCounter}`);
await mintWithout(20); // warm-up: argon2's first hashes and Prisma's first queries
const without = await mintWithout(N);
const withPow = await mintWith(N);
const withTotal = withPow.solve + withPow.server;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const per = (ms: number) => `${(ms / N).toFixed(1)} ms`;
printFigure("without proof of work, CPU total (per account)", `${s(without.cpu)} (${per(without.cpu)}); wall ${s(without.wall)}`);
printFigure("with proof of work, CPU total (per account)", `${s(withTotal)} (${per(withTotal)}); wall ${s(withPow.wall)}`);
printFigure("  of which solving with native SHA-256 (a script)", `${s(withPow.solve)} (${per(withPow.solve)})`);
printFigure("  of which the server (challenge, verify, spend, argon2, insert)", `${s(withPow.server)} (${per(withPow.server)})`);
const worst = await phoneWorstCase(5);
printFigure("join page's WebCrypto solver, hardest challenge, in Node (median of 5)", `${worst.toFixed(0)} ms; a cheap phone ~5-10x: ${((worst * 5) / 1000).toFixed(1)}-${((worst * 10) / 1000).toFixed(1)} s`);
printFigure("phone's average (half the hardest) vs a script's native solve", `${(worst / 2).toFixed(0)} ms in Node vs ${per(withPow.solve)}`);
process.exit(0);

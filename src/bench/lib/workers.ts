import { encode } from "next-auth/jwt";
import { BENCH_SECRETS } from "./app";

export type BenchWorker = { accountId: string; cookie: string };

/**
 * Synthetic signed-in workers: accounts created through the feature function, sessions opened
 * as sign-in opens them, and the session cookie minted with the server's secret (signing in a
 * thousand workers through argon2 would only measure argon2).
 * Call after pointAtDatabase(); imports the app's modules lazily for that reason.
 */
export async function createWorkers(n: number, profile?: (i: number) => { city?: string; sectors?: string[]; platformSlugs?: string[] }): Promise<BenchWorker[]> {
  const { db } = await import("~/server/db");
  const { openSession } = await import("~/features/accounts/mutations");
  const { randomToken } = await import("~/features/accounts/credentials");
  const { sealProfile } = await import("~/features/accounts/profile-seal");
  const rows = Array.from({ length: n }, (_, i) => ({
    role: "WORKER" as const,
    pseudonym: `Bench-${randomToken(10)}`,
    keyLookup: randomToken(10),
    secretHash: "$argon2id$bench-unusable",
    profileSealed: sealProfile({ city: profile?.(i).city ?? null, sectors: (profile?.(i).sectors ?? []) as never[], platformSlugs: profile?.(i).platformSlugs ?? [] }),
  }));
  await db.account.createMany({ data: rows });
  const accounts = await db.account.findMany({ where: { pseudonym: { in: rows.map((r) => r.pseudonym) } }, select: { id: true } });
  const workers: BenchWorker[] = [];
  for (const a of accounts) {
    const session = await openSession(a.id);
    const token = await encode({ token: { sid: session.id, role: "WORKER" }, secret: BENCH_SECRETS.AUTH_SECRET });
    // The served app runs in production, which uses Secure, __Secure- prefixed cookies (src/env.js).
    workers.push({ accountId: a.id, cookie: `__Secure-next-auth.session-token=${token}` });
  }
  return workers;
}

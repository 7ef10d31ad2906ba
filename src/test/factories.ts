import { randomBytes } from "node:crypto";
import { createPlatform, createStaffAccount, createUnion, createWorkerAccount, signInWithKey } from "~/features/accounts/mutations";
import { getSessionAccount, type SessionAccount } from "~/features/accounts/data";
import { openSession } from "~/features/accounts/mutations";
import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { createJoinChallenge } from "~/features/accounts/proof-of-work";
import type { JoinProof } from "~/features/accounts/schema";
import { listModerationAssignments } from "~/features/moderation/data";
import { assignModeration } from "~/features/moderation/mutations";
import { getPlatformBySlug } from "~/features/petitions/data";
import { createCaller } from "~/server/api/root";
import { createContext } from "~/server/api/trpc";

// Factories seed through the feature functions, as the app would, with unique names so test
// files can share a PostgreSQL database.
export const uid = () => randomBytes(4).toString("hex");

export async function makePlatform() {
  const id = uid();
  return createPlatform({ slug: `p-${id}`, nameZh: `平台${id}`, nameEn: `Platform ${id}`, sector: "FOOD_DELIVERY" });
}

export async function makeUnion() {
  const id = uid();
  return createUnion({ slug: `u-${id}`, nameZh: `工会${id}`, nameEn: `Union ${id}` });
}

export const STRONG_PASSWORD = "Correct-Horse-Battery-42!";

async function sessionFor(accountId: string): Promise<SessionAccount> {
  const session = await openSession(accountId);
  return (await getSessionAccount(session.id))!;
}

/** A solved join proof of work, as the join page sends it (solved with Node's native SHA-256). */
export async function solvedJoinProof(): Promise<JoinProof> {
  const challenge = await createJoinChallenge();
  const solution = await solveChallenge({ challenge, deriveKey });
  return { challenge, solution: { counter: solution!.counter, derivedKey: solution!.derivedKey } };
}

// Accounts are made by the inner function, without proof of work: that is not what these tests test.
export async function makeWorker() {
  const { key } = await createWorkerAccount();
  const signedIn = await signInWithKey(key);
  return { key, account: await sessionFor(signedIn.accountId) };
}

export async function makeStaff(role: "ORGANISER" | "PLATFORM_REP" | "ADMIN", orgId?: string) {
  const username = `staff-${uid()}`;
  const created =
    role === "ORGANISER"
      ? await createStaffAccount({ role, username, password: STRONG_PASSWORD, unionId: orgId! })
      : role === "PLATFORM_REP"
        ? await createStaffAccount({ role, username, password: STRONG_PASSWORD, platformId: orgId! })
        : await createStaffAccount({ role, username, password: STRONG_PASSWORD });
  return { username, totpSecret: created.totpSecret, account: await sessionFor(created.id) };
}

/** A tRPC caller acting as this account (or anonymous), through the real procedure ladder. */
export function callerFor(account: SessionAccount | null, ip = "203.0.113.7") {
  return createCaller(createContext({ headers: new Headers({ "x-forwarded-for": ip }), account }));
}

/**
 * The union that moderates a platform's petitions and narratives (P7), assigned to a new union
 * when the platform has none yet, so tests on one platform share one moderating union.
 */
export async function moderatingUnionOf(platform: { id: string } | { slug: string } | "OTHER") {
  const id = platform === "OTHER" ? platform : "id" in platform ? platform.id : (await getPlatformBySlug(platform.slug))!.id;
  const current = (await listModerationAssignments()).find((a) => a.scope === id)?.unionId;
  if (current) return current;
  const union = await makeUnion();
  await assignModeration({ scope: id, unionId: union.id });
  return union.id;
}

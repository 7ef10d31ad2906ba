import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { updateWorkerProfile } from "~/features/accounts/mutations";
import { callerFor, makePlatform, makeWorker } from "~/test/factories";
import { makeCampaign } from "~/test/campaign-factories";
import { publishedPetition } from "~/test/petition-factories";
import { writerFor } from "~/test/write-client";

// Way 1 of issue 11 as a hostile reader of a dump tries it: acts copy the actor's city, platform
// and sector for breakdowns; if Account held the same profile, a rare one would be a fingerprint.

/** Every scalar and array element in a row, as text: what an equality join on any column can use. */
function values(row: unknown): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
    else if (v !== null && v !== undefined) out.add(String(v));
  };
  walk(row);
  return out;
}

async function dumpAccounts() {
  const rows = await db.$queryRaw<{ row: Record<string, unknown> }[]>`SELECT to_jsonb(a) AS row FROM "Account" a WHERE a."role" = 'WORKER'`;
  return rows.map((r) => ({ id: String(r.row.id), row: r.row, values: values(r.row) }));
}

/** Accounts whose stored values include every known part of an act's profile. */
function candidates(accounts: Awaited<ReturnType<typeof dumpAccounts>>, profile: (string | null)[]) {
  const known = profile.filter((v): v is string => !!v && v !== "unknown" && v !== "several");
  return accounts.filter((a) => known.every((v) => a.values.has(v)));
}

describe("a worker's profile on the account (issue 11, way 1)", () => {
  it("a worker with a rare profile who voted and signed cannot be joined to their account on profile columns", async () => {
    const rare = await makePlatform();
    const { campaignId, demandIds } = await makeCampaign({ demands: 2, phase: "VOTING" });
    const petition = await publishedPetition({ platformId: rare.id });
    const worker = await makeWorker();
    await updateWorkerProfile(worker.account.accountId, { city: "kunming", platformSlugs: [rare.slug], sectors: ["LIVE_STREAMING"] });
    const me = callerFor(worker.account);
    await writerFor(worker.account).ballots.cast({ campaignId, demandIds: [demandIds[1]!] });
    await writerFor(worker.account).petitions.sign({ petitionId: petition.id });

    const ballot = await db.ballot.findFirstOrThrow({ where: { campaignId }, select: { city: true, platform: true, sector: true } });
    const signature = await db.petitionSignature.findFirstOrThrow({ where: { petitionId: petition.id }, select: { city: true, platformSlug: true, sector: true } });
    // The acts keep their breakdown columns (P4 allows them)...
    expect(ballot).toEqual({ city: "kunming", platform: rare.slug, sector: "LIVE_STREAMING" });
    expect(signature).toEqual({ city: "kunming", platformSlug: rare.slug, sector: "LIVE_STREAMING" });

    // ...but no column of Account, in any form, carries them.
    const accounts = await dumpAccounts();
    expect(candidates(accounts, [ballot.city, ballot.platform, ballot.sector]).map((a) => a.id)).toEqual([]);
    expect(candidates(accounts, [signature.city, signature.platformSlug, signature.sector]).map((a) => a.id)).toEqual([]);
    const mine = accounts.find((a) => a.id === worker.account.accountId)!;
    expect(JSON.stringify(mine.row)).not.toMatch(/kunming|LIVE_STREAMING/);
    expect(JSON.stringify(mine.row)).not.toContain(rare.slug);

    // Nor does its size: a sealed profile has one length whatever it holds, set or not. (Rows
    // with none are left out: on a shared PostgreSQL, sealing.integration.test.ts clears one
    // worker's on purpose while this runs; the sealing job fills them.)
    const bare = await makeWorker();
    const sealed = (await dumpAccounts()).filter((a) => a.row.profileSealed !== null);
    expect(sealed.map((a) => a.id)).toEqual(expect.arrayContaining([worker.account.accountId, bare.account.accountId]));
    const lengths = new Set(sealed.map((a) => String(a.row.profileSealed).length));
    expect(lengths.size).toBe(1);
    expect([...lengths][0]).toBeGreaterThan(0);

    // The worker still sees and keeps their own profile.
    expect(await me.accounts.profile()).toMatchObject({ city: "kunming", platformSlugs: [rare.slug], sectors: ["LIVE_STREAMING"] });
  });
});

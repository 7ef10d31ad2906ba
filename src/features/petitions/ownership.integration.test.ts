import { describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { callerFor, makePlatform, makeWorker } from "~/test/factories";

// Way 7 of issue 11: the starter's key must not link one worker's petitions to each other.

const text = {
  title: "Stop unpaid waiting time at pickup",
  ask: "Pay riders for every minute they wait at restaurants beyond five minutes.",
  reason: "We wait twenty minutes for orders and lose income while the app counts us late.",
};

describe("petition ownership (issue 11, way 7)", () => {
  it("two petitions of one starter share no owner key, and the starter still manages both", async () => {
    const platform = await makePlatform();
    const starter = (await makeWorker()).account;
    const me = callerFor(starter);
    const a = await me.petitions.start({ ...text, target: { kind: "PLATFORM", platformId: platform.id } });
    const b = await me.petitions.start({ ...text, title: "Rest days without losing the bonus", target: { kind: "PLATFORM", platformId: platform.id } });
    const rows = await db.$queryRaw<{ row: Record<string, unknown> }[]>`SELECT to_jsonb(p) AS row FROM "Petition" p WHERE p."id" IN (${a.id}, ${b.id})`;
    expect(rows).toHaveLength(2);
    const [ra, rb] = rows.map((r) => r.row);
    // No column that a starter sets without choosing it (key, hashes) has the same value on both.
    const shared = Object.keys(ra!).filter((k) => !["title", "ask", "reason", "targetKind", "platformId", "unionId", "targetName", "campaignId", "status", "sponsorCount", "threshold", "durationDays", "verifiedOnly", "createdOn", "milestoneReached"].includes(k) && ra![k] !== null && JSON.stringify(ra![k]) === JSON.stringify(rb![k]));
    expect(shared).toEqual([]);
    expect(ra!.ownerKey).not.toEqual(rb!.ownerKey);

    // The starter: sees both unpublished, lists both, cannot sponsor their own; another worker sees neither.
    expect((await me.petitions.get({ petitionId: a.id })).id).toBe(a.id);
    expect((await me.petitions.get({ petitionId: b.id })).id).toBe(b.id);
    expect((await me.petitions.mine()).map((p) => p.id).sort()).toEqual([a.id, b.id].sort());
    await expect(me.petitions.sponsor({ petitionId: a.id, token: a.sponsorToken })).rejects.toMatchObject({ cause: { code: "OWN_PETITION" } });
    const other = callerFor((await makeWorker()).account);
    await expect(other.petitions.get({ petitionId: a.id })).rejects.toMatchObject({ cause: { code: "NOT_FOUND" } });
    expect(await other.petitions.mine()).toEqual([]);
  });
});

import "server-only";
import { db } from "~/server/db";
import type { AppErrorCode } from "~/lib/app-error";
import { matchesProfile } from "~/features/campaigns/policy";
import { isVerified } from "~/features/verification/data";
import { getWorkerProfile } from "~/features/accounts/data";
import { verdictsOpen } from "~/features/verdicts/policy";
import { VERDICT_VALUES, type VerdictCounts, type VerdictValue } from "~/features/verdicts/outcome";
import { nullifier } from "~/server/nullifier";
import { readReleases } from "~/features/stats/releases/data";
import { cellOf } from "~/features/stats/releases/rule";

/** One verdict per account per answer, and nothing that points back to the account (P3, P6). */
export const verdictNullifier = (accountId: string, answerId: string) => nullifier("verdict", accountId, answerId);

/**
 * Verdict counts per answer as last released (src/features/stats/releases): each value a
 * multiple of 5 that moves only after 5 or more workers gave or changed a verdict. The only
 * reader of verdict counts; live counts are never sent anywhere.
 */
export async function countVerdicts(answerIds: string[]): Promise<Map<string, VerdictCounts>> {
  const releases = await readReleases("verdict", answerIds);
  return new Map(answerIds.map((id) => [id, Object.fromEntries(VERDICT_VALUES.map((v) => [v, cellOf(releases.get(id), v)])) as VerdictCounts]));
}

type CampaignScope = { unionId: string; verifiedOnly: boolean; scopePlatformSlugs: string[]; scopeSectors: string[]; scopeCities: string[] };

/**
 * Whether this worker may judge the campaign's commitments: their profile meets the campaign's
 * scope (an empty scope is everyone) and, for a campaign of verified workers, the union verified
 * them. Returns the profile for the verdict's coarse breakdown columns.
 */
export async function judgeEligibility(accountId: string, campaign: CampaignScope) {
  const profile = await getWorkerProfile(accountId);
  let refusal: AppErrorCode | null = null;
  if (!matchesProfile(campaign, profile)) refusal = "OUT_OF_SCOPE";
  else if (campaign.verifiedOnly && !(await isVerified(accountId, campaign.unionId))) refusal = "NOT_VERIFIED";
  return { refusal, profile };
}

/** For the answers page: may this worker judge, and what they said so far on each open commitment. */
export async function getMyVerdicts(accountId: string, submissionId: string, today: Date) {
  const s = await db.submission.findFirst({
    where: { id: submissionId, firstPublishedOn: { not: null } },
    select: { campaign: { select: { unionId: true, verifiedOnly: true, scopePlatformSlugs: true, scopeSectors: true, scopeCities: true } } },
  });
  if (!s) return { refusal: "NOT_FOUND" as AppErrorCode, mine: {} as Record<string, VerdictValue> };
  const answers = await db.answer.findMany({
    where: { party: { submissionId }, current: true, status: { in: ["ACCEPTED", "PARTLY_ACCEPTED"] }, dueOn: { lt: today } },
    select: { id: true, status: true, current: true, dueOn: true },
  });
  const open = answers.filter((a) => verdictsOpen(a, today));
  const byNullifier = new Map(open.map((a) => [verdictNullifier(accountId, a.id), a.id]));
  const [{ refusal }, rows] = await Promise.all([
    judgeEligibility(accountId, s.campaign),
    byNullifier.size ? db.itemVerdict.findMany({ where: { nullifier: { in: [...byNullifier.keys()] } }, select: { nullifier: true, value: true } }) : [],
  ]);
  const mine: Record<string, VerdictValue> = {};
  for (const r of rows) if (VERDICT_VALUES.includes(r.value)) mine[byNullifier.get(r.nullifier)!] = r.value;
  return { refusal, mine };
}

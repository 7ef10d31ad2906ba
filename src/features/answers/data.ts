import "server-only";
import { db } from "~/server/db";
import { AppError } from "~/lib/app-error";
import { isCommitment } from "~/features/answers/schema";
import { countVerdicts } from "~/features/verdicts/data";
import { verdictsOpen } from "~/features/verdicts/policy";
import { publishVerdicts } from "~/features/verdicts/outcome";

// Reads for the answer desks (a platform's representatives, the union's organisers) and the
// public answers page. Only published submissions are ever returned (firstPublishedOn set);
// a party is always found from the session's platform or union, never from input (P7).

export type PartyRef = { kind: "PLATFORM"; platformId: string } | { kind: "UNION"; unionId: string };

export const partyWhere = (p: PartyRef) =>
  p.kind === "PLATFORM" ? { kind: "PLATFORM" as const, platformId: p.platformId } : { kind: "UNION" as const, unionId: p.unionId };

const named = { select: { slug: true, nameZh: true, nameEn: true } } as const;
const published = { firstPublishedOn: { not: null } } as const;

/** A platform's inbox: the published submissions addressed to it, soonest deadline first. */
export async function listPlatformInbox(platformId: string) {
  const parties = await db.submissionParty.findMany({
    where: { kind: "PLATFORM", platformId, submission: published },
    orderBy: [{ submission: { respondBy: "asc" } }, { id: "asc" }],
    select: {
      id: true,
      firstAnsweredOn: true,
      completedOn: true,
      _count: { select: { answers: { where: { current: true } } } },
      submission: {
        select: { id: true, firstPublishedOn: true, respondBy: true, currentVersion: true, campaign: { select: { title: true } }, _count: { select: { items: true } } },
      },
    },
  });
  return parties.map((p) => ({
    partyId: p.id,
    submissionId: p.submission.id,
    title: p.submission.campaign.title,
    version: p.submission.currentVersion,
    publishedOn: p.submission.firstPublishedOn!,
    respondBy: p.submission.respondBy!,
    firstAnsweredOn: p.firstAnsweredOn,
    completedOn: p.completedOn,
    items: p.submission._count.items,
    answered: p._count.answers,
  }));
}

/**
 * One submission as the answering party sees it: its items with the party's current answer.
 * NOT_FOUND when the submission is unpublished or not addressed to this party, so a
 * representative cannot even learn that another platform's submission exists.
 */
export async function getAnswerDesk(submissionId: string, party: PartyRef) {
  const found = await db.submissionParty.findFirst({
    where: { submissionId, ...partyWhere(party), submission: published },
    select: {
      id: true,
      kind: true,
      firstAnsweredOn: true,
      completedOn: true,
      platform: named,
      union: named,
      submission: {
        select: {
          id: true,
          firstPublishedOn: true,
          respondBy: true,
          currentVersion: true,
          campaign: { select: { id: true, title: true } },
          items: { orderBy: { rank: "asc" }, select: { id: true, rank: true, title: true, category: true } },
        },
      },
    },
  });
  if (!found) throw new AppError("NOT_FOUND");
  const answers = await db.answer.findMany({
    where: { partyId: found.id },
    orderBy: [{ answeredOn: "desc" }, { current: "desc" }, { id: "desc" }],
    select: { id: true, itemId: true, status: true, text: true, dueOn: true, answeredOn: true, current: true },
  });
  const { submission: s, ...partyRow } = found;
  return {
    submission: { id: s.id, title: s.campaign.title, campaignId: s.campaign.id, version: s.currentVersion, publishedOn: s.firstPublishedOn!, respondBy: s.respondBy! },
    party: { ...partyRow, name: found.platform ?? found.union! },
    items: s.items.map((item) => ({
      ...item,
      current: answers.find((a) => a.itemId === item.id && a.current) ?? null,
      earlier: answers.filter((a) => a.itemId === item.id && !a.current),
    })),
  };
}

/**
 * The public answers page: the response clock per party, each item's current claims beside the
 * workers' verdicts (k=5 with complementary suppression, via publishVerdicts), and every answer
 * ever given as a timeline. Null when the submission is not published.
 */
export async function getPublicAnswers(submissionId: string, today: Date) {
  const s = await db.submission.findFirst({
    where: { id: submissionId, ...published },
    select: {
      id: true,
      firstPublishedOn: true,
      respondBy: true,
      currentVersion: true,
      campaign: { select: { id: true, title: true, scopePlatformSlugs: true, scopeSectors: true, scopeCities: true } },
      items: { orderBy: { rank: "asc" }, select: { id: true, rank: true, title: true, category: true } },
      parties: {
        orderBy: [{ kind: "asc" }, { id: "asc" }],
        select: { id: true, kind: true, firstAnsweredOn: true, completedOn: true, platform: named, union: named },
      },
    },
  });
  if (!s) return null;
  const answers = await db.answer.findMany({
    where: { party: { submissionId } },
    orderBy: [{ answeredOn: "asc" }, { current: "asc" }, { id: "asc" }],
    select: { id: true, itemId: true, partyId: true, status: true, text: true, dueOn: true, answeredOn: true, current: true },
  });
  const open = answers.filter((a) => verdictsOpen(a, today));
  const counts = await countVerdicts(open.map((a) => a.id));
  const claim = (itemId: string, partyId: string) => {
    const answer = answers.find((a) => a.itemId === itemId && a.partyId === partyId && a.current) ?? null;
    if (!answer) return { partyId, answer: null, verdictsOpen: false, verdicts: null };
    const isOpen = verdictsOpen(answer, today);
    return {
      partyId,
      answer,
      verdictsOpen: isOpen,
      /** Null while no verdict can be asked (not a commitment, or its date has not passed). */
      verdicts: isOpen && isCommitment(answer.status) ? publishVerdicts(counts.get(answer.id) ?? { YES: 0, PARTLY: 0, NO: 0 }) : null,
    };
  };
  return {
    submission: {
      id: s.id,
      title: s.campaign.title,
      campaignId: s.campaign.id,
      version: s.currentVersion,
      publishedOn: s.firstPublishedOn!,
      respondBy: s.respondBy!,
      scoped: s.campaign.scopePlatformSlugs.length + s.campaign.scopeSectors.length + s.campaign.scopeCities.length > 0,
    },
    parties: s.parties.map((p) => ({
      id: p.id,
      kind: p.kind,
      name: p.platform ?? p.union!,
      firstAnsweredOn: p.firstAnsweredOn,
      completedOn: p.completedOn,
      answered: answers.filter((a) => a.partyId === p.id && a.current).length,
    })),
    items: s.items.map((item) => ({ ...item, claims: s.parties.map((p) => claim(item.id, p.id)) })),
    timeline: answers.slice().reverse(),
  };
}

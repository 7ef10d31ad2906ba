import { PRINCIPLES, type Principle } from "~/features/scorecard/method";
import type { PrincipleScore } from "~/features/scorecard/score";
import type { PlatformScorecard, ScopeScore } from "~/features/scorecard/types";
import type { DocumentScorecard } from "~/features/submissions/document";
import { round4 } from "~/features/submissions/policy";

// The scorecard section of a submission (issue 16): an addressed platform's overall scorecard,
// copied into the document when it is compiled, so the published version keeps it as it stood
// that day (inside the digest, like every other figure), and read back for rendering.

export function toDocumentScorecard(card: PlatformScorecard): DocumentScorecard {
  const { overall } = card;
  return {
    platform: { slug: card.slug, nameZh: card.nameZh, nameEn: card.nameEn },
    methodVersion: overall.card.methodVersion,
    quarters: [...overall.quarters],
    reports: overall.reports,
    verifiedShare: overall.verifiedShare === null ? null : round4(overall.verifiedShare),
    total: overall.card.total,
    principles: PRINCIPLES.map((principle) => {
      const { points, basic, advanced } = overall.card.principles[principle];
      return { principle, points, basic: { ...basic }, advanced: { ...advanced } };
    }),
  };
}

/** The stored section in the read model's shape, so the page renders it with the scorecard's own components. */
export function scopeScoreOf(doc: DocumentScorecard): ScopeScore {
  const principles = Object.fromEntries(doc.principles.map((p) => [p.principle, { points: p.points, basic: p.basic as PrincipleScore["basic"], advanced: p.advanced as PrincipleScore["advanced"] }])) as Record<Principle, PrincipleScore>;
  return {
    city: null,
    sector: null,
    quarters: doc.quarters as ScopeScore["quarters"],
    card: { methodVersion: doc.methodVersion, principles, total: doc.total },
    reports: doc.reports,
    verifiedShare: doc.verifiedShare,
  };
}

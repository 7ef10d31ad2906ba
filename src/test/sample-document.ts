import { DOCUMENT_SCHEMA, type SubmissionDocument } from "~/features/submissions/document";

const figures = {
  n: 120,
  noContract: 0.85,
  noSocialInjury: 0.7,
  pension: { EMPLOYEE_FLEXIBLE: 0.05, EMPLOYEE_EMPLOYER: 0.02, RESIDENT: 0.45, NONE: 0.28, UNKNOWN: 0.2 },
  residentLowest: 0.65,
  over8h: 0.9,
  over6d: 0.55,
  accident: 0.3,
  deactivated: 0.18,
  health: { stomach: 0.4, back: 0.3 },
  medianHours: 11,
  medianHourly: 21.5,
};

/** A complete, valid document in both languages, for tests of the exports. */
export function sampleDocument(over: Partial<SubmissionDocument> = {}): SubmissionDocument {
  return {
    schema: DOCUMENT_SCHEMA,
    submission: { id: "sub-1", version: 1, publishedOn: "2026-11-28", changelog: null, previousDigest: null, respondBy: "2026-12-28" },
    campaign: {
      id: "camp-1",
      title: "2027 外卖骑手集体协商：休息、罚款与封号",
      description: "Riders ranked their priorities. 骑手为诉求排序。",
      union: { slug: "demo", nameZh: "新就业形态劳动者工会", nameEn: "New Forms of Employment Workers' Union" },
      scope: { platforms: ["flasheats"], sectors: ["FOOD_DELIVERY"], cities: [] },
      addressees: { platforms: [{ slug: "flasheats", nameZh: "闪电外卖", nameEn: "FlashEats" }], union: false, government: null },
      phases: { proposingFrom: "2026-09-01", votingFrom: "2026-10-01", closesOn: "2026-11-10" },
      verifiedOnly: false,
    },
    coverLetter: "致闪电外卖：请逐项答复。To FlashEats: please answer item by item.",
    method: {
      eligibility: { zh: "参与范围：在闪电外卖的劳动者。", en: "Who could take part: workers on FlashEats." },
      counting: { zh: "首选得 5 分。", en: "A first choice earns 5 points." },
      tieBreak: { zh: "同分时首选次数多者在前。", en: "Ties are broken by more first choices." },
      k: 5,
      kQuotes: 10,
    },
    participation: { ballots: 160, verifiedShare: 0.4, demandsProposed: 9, demandsApproved: 2 },
    demands: [
      { rank: 1, demandId: "d1", number: 2, title: "取消超时罚款", text: "配送时限应考虑天气。", category: "pay_and_deductions", points: 420, firsts: 60, includes: 120, share: 0.75 },
      { rank: 2, demandId: "d2", number: 1, title: "Clear rules for account suspensions", text: "Tell drivers why.", category: "algorithm_and_deactivation", points: 300, firsts: null, includes: 90, share: 0.5625 },
    ],
    breakdowns: [{ dim: "city", groups: [{ value: "shenzhen", ballots: 100, rows: [{ demandId: "d1", points: 300, firsts: 40, includes: 80, share: 0.8 }] }], hiddenGroups: 2 }],
    petitions: [{ id: "p1", shortCode: "abc1234", title: "等餐超过 10 分钟应计入工时", ask: "按分钟补贴。", signatures: 212, threshold: 1000, thresholdReachedOn: null, closesOn: "2027-01-01" }],
    conditions: { period: { from: "2026-09", to: "2026-10" }, reports: 120, figures, breakdowns: [{ dim: "city", groups: [{ key: "shenzhen", figures }] }] },
    quotes: [{ text: "系统给的时间根本送不到。", month: "2026-10" }],
    ...over,
  };
}

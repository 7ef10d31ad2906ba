import "server-only";
import type { SessionAccount } from "~/features/accounts/data";
import { matchingCampaignIds } from "~/features/campaigns/data";
import { listMyProposals } from "~/features/demands/data";
import { readCampaignPageState, readWorkerPageState } from "~/features/personal/data";
import { listMyPetitions } from "~/features/petitions/data";
import { signatureNullifier } from "~/features/petitions/policy";
import { listMyReports } from "~/features/reports/data";
import { getTokenStatus } from "~/features/tokens/data";
import { ensureCampaignKey } from "~/features/tokens/mutations";
import { getMyVerdicts } from "~/features/verdicts/data";
import { verifiedUnionIds } from "~/features/verification/data";
import { chinaToday } from "~/lib/days";

/**
 * What a cached public page shows differently to one visitor (issue 15): who is signed in, the
 * bell, and the worker's own part of the page shown (a signature, a ballot, their reports...).
 * Cached pages render as for nobody (src/scripts/lib/page-cache.mjs); this arrives after first
 * paint through GET /api/me/page, and islands refetch it after a write instead of the page.
 * Each page part is null unless a worker looks at that page. Dates travel as ISO strings.
 */
export type PageState = {
  account: { role: SessionAccount["role"]; pseudonym: string } | null;
  unread: number | null;
  petition: { signedOn: string | null } | null;
  petitions: { mine: Jsonish<Awaited<ReturnType<typeof listMyPetitions>>> } | null;
  campaigns: { matching: string[] } | null;
  campaign: CampaignState | null;
  answers: Awaited<ReturnType<typeof getMyVerdicts>> | null;
  reports: { mine: Awaited<ReturnType<typeof listMyReports>> } | null;
};

export type CampaignState = {
  ballot: string[] | null;
  following: boolean;
  supported: string[];
  proposals: Awaited<ReturnType<typeof listMyProposals>>;
  /** False only in a verified-only campaign whose union has not verified this worker. */
  verified: boolean;
  /** Verified-only campaigns, before the close: what getting a blind token needs. */
  token: ({ publicKey: string } & Awaited<ReturnType<typeof getTokenStatus>>) | null;
};

/** A value as it arrives through JSON: dates become strings. */
type Jsonish<T> = T extends Date ? string : T extends (infer U)[] ? Jsonish<U>[] : T extends object ? { [K in keyof T]: Jsonish<T[K]> } : T;

type Parts = Omit<PageState, "account" | "unread">;
const NONE: Parts = { petition: null, petitions: null, campaigns: null, campaign: null, answers: null, reports: null };

/** The path patterns of the pages with a personal part, and how each is read for a worker. */
const PAGES: [RegExp, (accountId: string, id: string) => Promise<Partial<Parts>>][] = [
  [/^\/petitions()$/, async (a) => ({ petitions: { mine: asJson(await listMyPetitions(a)) } })],
  [/^\/campaigns()$/, async (a) => ({ campaigns: { matching: await matchingCampaignIds(a) } })],
  [/^\/submissions\/([A-Za-z0-9_-]{1,40})\/answers$/, async (a, id) => ({ answers: await getMyVerdicts(a, id, chinaToday()) })],
  [/^\/reports()$/, async (a) => ({ reports: { mine: await listMyReports(a) } })],
];

/** The hottest pages, a petition and a campaign: their part comes with the bell in one statement. */
const PETITION_PATH = /^\/petitions\/(?!new$)([A-Za-z0-9_-]{1,40})$/;
const CAMPAIGN_PATH = /^\/campaigns\/([A-Za-z0-9_-]{1,40})$/;

/** The bell (and on a petition, the signature) in one statement (readWorkerPageState); staff have neither. */
export async function pageState(account: SessionAccount | null, path: string): Promise<PageState> {
  if (!account) return { account: null, unread: null, ...NONE };
  const me = { role: account.role, pseudonym: account.pseudonym };
  if (account.role !== "WORKER") return { account: me, unread: null, ...NONE };
  const campaignId = CAMPAIGN_PATH.exec(path)?.[1];
  if (campaignId) return { account: me, ...NONE, ...(await campaignPage(account.accountId, campaignId)) };
  const petitionId = PETITION_PATH.exec(path)?.[1];
  const page = petitionId ? undefined : PAGES.map(([pattern, read]) => [pattern.exec(path), read] as const).find(([m]) => m);
  const [{ unread, signedOn }, parts] = await Promise.all([
    readWorkerPageState(account.accountId, petitionId ? signatureNullifier(account.accountId, petitionId) : null),
    page ? page[1](account.accountId, page[0]![1] ?? "") : {},
  ]);
  // The signature's day as its Date would serialise (the islands read it as such).
  const petition = petitionId ? { signedOn: signedOn ? `${signedOn}T00:00:00.000Z` : null } : null;
  return { account: me, unread, ...NONE, petition, ...parts };
}

/** The JSON the client gets from a value with dates (Response.json writes them as ISO strings). */
const asJson = <T>(value: T) => value as unknown as Jsonish<T>;

/**
 * The worker's part of a campaign page, reading only what its phase shows: one statement
 * (readCampaignPageState) with the bell, then the proposals only for a worker who made some, and
 * the verification and token only in a verified-only campaign.
 */
async function campaignPage(accountId: string, campaignId: string): Promise<{ unread: number; campaign: CampaignState | null }> {
  const row = await readCampaignPageState(accountId, campaignId);
  if (!row) return { unread: (await readWorkerPageState(accountId, null)).unread, campaign: null };
  const { phase, verifiedOnly, unionId } = row;
  const [proposals, verified] = await Promise.all([
    row.proposed ? listMyProposals(campaignId, accountId) : [],
    verifiedOnly ? verifiedUnionIds(accountId).then((ids) => ids.includes(unionId)) : true,
  ]);
  // Verified-only campaigns vote with a blind-signed token (src/features/tokens), fetched as
  // early as proposing so that getting it and voting need not happen in the same minute.
  const key = verifiedOnly && verified && phase !== "CLOSED" ? await ensureCampaignKey(campaignId) : null;
  const token = key ? { publicKey: key.publicKey, ...(await getTokenStatus(accountId, campaignId)) } : null;
  return { unread: row.unread, campaign: { ballot: row.ballot, following: row.following, supported: row.supported, proposals, verified, token } };
}

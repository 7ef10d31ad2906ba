import "server-only";
import { AppError } from "~/lib/app-error";
import { METHOD_VERSION } from "~/features/scorecard/method";
import { readLeagueTable, readPlatformScorecard } from "~/features/scorecard/data";

// The scorecard (src/features/scorecard/data.ts) in the API's shape: links instead of internal ids.

const platformOf = (r: { slug: string; nameZh: string; nameEn: string }) => ({ slug: r.slug, nameZh: r.nameZh, nameEn: r.nameEn });

export async function getPublicLeagueTable() {
  const rows = await readLeagueTable();
  return {
    methodVersion: METHOD_VERSION,
    data: rows.map((r) => ({ platform: platformOf(r), overall: r.overall, links: { self: `/api/v1/scorecards/${r.slug}`, page: `/platforms/${r.slug}` } })),
  };
}

export async function getPublicScorecard(slug: string) {
  const card = await readPlatformScorecard(slug);
  if (!card) throw new AppError("NOT_FOUND");
  return {
    platform: platformOf(card),
    overall: card.overall,
    scopes: card.scopes,
    history: card.history,
    links: { self: `/api/v1/scorecards/${card.slug}`, page: `/platforms/${card.slug}`, league: "/api/v1/scorecards" },
  };
}

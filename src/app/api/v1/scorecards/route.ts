import { handle, ok } from "~/features/opendata/respond";
import { leagueTable } from "~/features/opendata/scorecards/schema";
import { getPublicLeagueTable } from "~/features/opendata/scorecards/data";

export const dynamic = "force-dynamic";

export function GET() {
  return handle(async () => ok(leagueTable, await getPublicLeagueTable()));
}

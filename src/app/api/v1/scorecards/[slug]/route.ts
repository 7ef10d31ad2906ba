import { handle, ok, publicSlug } from "~/features/opendata/respond";
import { scorecardDetail } from "~/features/opendata/scorecards/schema";
import { getPublicScorecard } from "~/features/opendata/scorecards/data";

export const dynamic = "force-dynamic";

export function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handle(async () => ok(scorecardDetail, await getPublicScorecard(publicSlug((await params).slug))));
}

import { listPublicCampaigns } from "~/features/opendata/campaigns/data";
import { handle, ok, parseQuery } from "~/features/opendata/respond";
import { campaignList, listQuery } from "~/features/opendata/schema";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handle(async () => ok(campaignList, await listPublicCampaigns(parseQuery(listQuery, request))));
}

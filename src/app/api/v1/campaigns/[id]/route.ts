import { getPublicCampaign } from "~/features/opendata/campaigns/data";
import { handle, ok, publicId } from "~/features/opendata/respond";
import { campaignDetail } from "~/features/opendata/schema";

export const dynamic = "force-dynamic";

export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => ok(campaignDetail, await getPublicCampaign(publicId((await params).id))));
}

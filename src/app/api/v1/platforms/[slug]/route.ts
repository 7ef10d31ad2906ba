import { getPublicPlatformRecord } from "~/features/opendata/platforms/data";
import { handle, ok, parseQuery, publicSlug } from "~/features/opendata/respond";
import { listQuery, platformRecord } from "~/features/opendata/schema";

export const dynamic = "force-dynamic";

export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handle(async () => ok(platformRecord, await getPublicPlatformRecord(publicSlug((await params).slug), parseQuery(listQuery, request))));
}

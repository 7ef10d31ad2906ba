import { getPublicPlatformRecord } from "~/features/opendata/platforms/data";
import { handle, ok, parseQuery, publicSlug } from "~/features/opendata/respond";
import { listQuery, platformRecord } from "~/features/opendata/schema";

export const dynamic = "force-dynamic";

export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handle(async () => {
    // The page parameters first: a malformed one is a 400 whatever the slug, as on every list.
    const query = parseQuery(listQuery, request);
    return ok(platformRecord, await getPublicPlatformRecord(publicSlug((await params).slug), query));
  });
}

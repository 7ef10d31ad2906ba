import { getPublicPlatformRecord } from "~/features/opendata/platforms/data";
import { handle, ok, publicSlug } from "~/features/opendata/respond";
import { platformRecord } from "~/features/opendata/schema";

export const dynamic = "force-dynamic";

export function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handle(async () => ok(platformRecord, await getPublicPlatformRecord(publicSlug((await params).slug))));
}

import { listPublicPlatformRecords } from "~/features/opendata/platforms/data";
import { handle, ok } from "~/features/opendata/respond";
import { platformRecordList } from "~/features/opendata/schema";

export const dynamic = "force-dynamic";

export function GET() {
  return handle(async () => ok(platformRecordList, await listPublicPlatformRecords()));
}

import { handle, ok, parseQuery } from "~/features/opendata/respond";
import { listQuery, submissionList } from "~/features/opendata/schema";
import { listPublishedSubmissions } from "~/features/opendata/submissions/data";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handle(async () => ok(submissionList, await listPublishedSubmissions(parseQuery(listQuery, request))));
}

import { listPublishedPetitions } from "~/features/opendata/petitions/data";
import { handle, ok, parseQuery } from "~/features/opendata/respond";
import { listQuery, petitionList } from "~/features/opendata/schema";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handle(async () => ok(petitionList, await listPublishedPetitions(parseQuery(listQuery, request))));
}

import { getPublishedPetition } from "~/features/opendata/petitions/data";
import { handle, ok, publicId } from "~/features/opendata/respond";
import { petitionDetail } from "~/features/opendata/schema";

export const dynamic = "force-dynamic";

export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => ok(petitionDetail, await getPublishedPetition(publicId((await params).id))));
}

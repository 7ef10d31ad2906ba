import { handle, ok, publicId } from "~/features/opendata/respond";
import { submissionDetail } from "~/features/opendata/schema";
import { getPublishedSubmission } from "~/features/opendata/submissions/data";

export const dynamic = "force-dynamic";

export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => ok(submissionDetail, await getPublishedSubmission(publicId((await params).id))));
}

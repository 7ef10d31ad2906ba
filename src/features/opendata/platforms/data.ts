import "server-only";
import { AppError } from "~/lib/app-error";
import { omit } from "~/lib/omit";
import { day } from "~/features/campaigns/format";
import { getPlatformRecord, listPlatformRecords, type PlatformRecordSummary } from "~/features/records/data";
import type { ListQuery } from "~/features/opendata/schema";

// Platform records (src/features/records) in the API's shape: dates as days, links instead of
// internal ids.

function toSummary(r: PlatformRecordSummary) {
  const platform = omit(r.platform, ["id"]);
  return {
    platform,
    responses: r.responses,
    commitments: r.commitments,
    links: { self: `/api/v1/platforms/${platform.slug}`, page: `/platforms/${platform.slug}` },
  };
}

export async function listPublicPlatformRecords() {
  return { data: (await listPlatformRecords()).map(toSummary) };
}

/** The record with one page of its submissions: `nextCursor`, passed back as `cursor`, reads the next. */
export async function getPublicPlatformRecord(slug: string, query: ListQuery) {
  const r = await getPlatformRecord(slug, query);
  if (!r) throw new AppError("NOT_FOUND");
  return {
    ...toSummary(r),
    submissions: r.submissions.map((s) => ({
      ...s,
      firstPublishedOn: day(s.firstPublishedOn),
      respondBy: day(s.respondBy),
      firstAnsweredOn: s.firstAnsweredOn ? day(s.firstAnsweredOn) : null,
      completedOn: s.completedOn ? day(s.completedOn) : null,
      links: { self: `/api/v1/submissions/${s.id}`, page: `/submissions/${s.id}`, answers: `/submissions/${s.id}/answers` },
    })),
    nextCursor: r.nextCursor,
    awaitingPetitions: r.awaitingPetitions.map((p) => ({
      id: p.id,
      title: p.title,
      signatures: p.signatures,
      thresholdReachedOn: p.thresholdReachedOn ? day(p.thresholdReachedOn) : null,
      links: { self: `/api/v1/petitions/${p.id}`, page: `/petitions/${p.id}` },
    })),
  };
}

import "server-only";
import { narrativesModeratedBy } from "~/features/moderation/policy";
import { db, hotQuery } from "~/server/db";
import { nullifier } from "~/server/nullifier";
import { AppError } from "~/lib/app-error";
import { omit } from "~/lib/omit";
import { redactPii } from "~/lib/pii/scan";
import { forgetStatistics } from "~/features/stats/cache";
import { isEditable, monthKey, monthStart } from "~/features/reports/months";
import type { ReportInput } from "~/features/reports/schema";
import { chinaToday } from "~/lib/days";
import { newId } from "~/server/ids";
import { reportVerifiedTag, unverifiedReportTag } from "~/features/reports/verified-tag";

/** The per-platform, per-month nullifier: one report per person, findable only by its author. */
export function reportNullifier(accountId: string, platformId: string, month: string) {
  return nullifier("report", accountId, `${platformId}:${month}`);
}

// Platforms are created by admins and never renamed or removed, so a slug's id is remembered
// for the life of the process (unknown slugs are not: they are asked again).
const globalForPlatforms = globalThis as unknown as { wvPlatformIds?: Map<string, string> };
const platformIds = (globalForPlatforms.wvPlatformIds ??= new Map());

async function platformIdOf(slug: string) {
  const known = platformIds.get(slug);
  if (known) return known;
  const platform = await db.platform.findUnique({ where: { slug }, select: { id: true } });
  if (!platform) throw new AppError("UNKNOWN_PLATFORM");
  if (platformIds.size < 10_000) platformIds.set(slug, platform.id);
  return platform.id;
}

function checkMonth(month: string, today: Date) {
  const start = monthStart(month);
  if (start > today) throw new AppError("FUTURE_MONTH");
  if (!isEditable(start, today)) throw new AppError("EDIT_WINDOW_CLOSED");
  return start;
}

/** The stored columns: the narrative is redacted here, whatever the client already did. */
function columns(input: ReportInput) {
  const rest = omit(input, ["platformSlug", "month", "narrative"]);
  const narrative = input.narrative;
  const text = narrative?.trim() ? redactPii(narrative.trim()).text : null;
  return {
    ...rest,
    appealPossible: input.deactivated ? input.appealPossible : null,
    compensatedBy: input.accident === "NONE" ? null : input.compensatedBy,
    narrative: text,
  };
}

const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(", ");
const dateOnly = (d: Date) => d.toISOString().slice(0, 10);

/**
 * INSERT ... ON CONFLICT on the nullifier in one prepared statement (hotQuery). The row travels
 * as one JSON value that PostgreSQL reads with the table's own column types (enums, arrays,
 * dates), so the statement follows the schema instead of repeating it; through Prisma's upsert
 * the same write cost ~4 ms of CPU to compile on every call. `update` names the columns a
 * refiling replaces, besides the verified tag. Column names come from the zod schema's keys,
 * never from the request.
 * The verified tag is chosen in the same statement: `tags.verified` when any union verified the
 * author in person (one probe of Verification's primary-key prefix, as for signatures), else
 * `tags.unverified`; the account id is a parameter only, never stored (P3).
 */
function upsertReport(row: Record<string, unknown>, update: string[], accountId: string, tags: { verified: string; unverified: string }) {
  const columns = Object.keys(row);
  const replaced = [...update, "verifiedTag"];
  if (![...columns, ...replaced].every((c) => /^[A-Za-z]+$/.test(c))) throw new AppError("INTERNAL");
  return hotQuery<{ id: string }>(
    `INSERT INTO "Report" (${quoted(columns)}, "verifiedTag")
     SELECT ${quoted(columns)}, CASE WHEN EXISTS (SELECT 1 FROM "Verification" WHERE "accountId" = $2) THEN $3 ELSE $4 END
     FROM json_populate_record(NULL::"Report", $1::json)
     ON CONFLICT ("nullifier") DO UPDATE SET (${quoted(replaced)}) = ROW(${replaced.map((c) => `EXCLUDED."${c}"`).join(", ")})
     RETURNING "id"`,
    [JSON.stringify(row), accountId, tags.verified, tags.unverified],
  );
}

/**
 * Files the worker's report for a platform and month, or replaces the one they already filed:
 * a double tap, a retry after a time-out or a concurrent duplicate leaves one row (the insert
 * and the update on conflict are one statement).
 */
export async function submitReport({ accountId, input, today = chinaToday() }: { accountId: string; input: ReportInput; today?: Date }) {
  const platformId = await platformIdOf(input.platformSlug);
  const month = checkMonth(input.month, today);
  const data = columns(input);
  const reportKey = reportNullifier(accountId, platformId, input.month);
  const update = { ...data, narrativeStatus: data.narrative ? "PENDING" : "NONE", updatedOn: dateOnly(today) };
  const row = { ...update, id: newId(), nullifier: reportKey, platformId, month: dateOnly(month), filedOn: dateOnly(today) };
  // Whether the author is verified goes into the report only as a tag a dump cannot read (P3).
  const tags = { verified: reportVerifiedTag(reportKey), unverified: unverifiedReportTag(reportKey) };
  try {
    const [stored] = await upsertReport(row, Object.keys(update), accountId, tags);
    return { id: stored!.id };
  } finally {
    forgetStatistics(month);
  }
}

async function ownReport(accountId: string, id: string) {
  const row = await db.report.findUnique({ where: { id }, select: { nullifier: true, platformId: true, month: true, narrative: true, narrativeStatus: true } });
  if (!row || row.nullifier !== reportNullifier(accountId, row.platformId, monthKey(row.month))) throw new AppError("NOT_FOUND");
  return row;
}

/** Changes a report while its month's window is open; platform and month stay as filed. */
export async function updateReport({ accountId, id, input, today = chinaToday() }: { accountId: string; id: string; input: ReportInput; today?: Date }) {
  const row = await ownReport(accountId, id);
  if (monthKey(row.month) !== input.month || row.platformId !== (await platformIdOf(input.platformSlug))) throw new AppError("BAD_INPUT");
  if (!isEditable(row.month, today)) throw new AppError("EDIT_WINDOW_CLOSED");
  const data = columns(input);
  // An unchanged narrative keeps its moderation decision; a changed one is moderated again.
  const narrativeStatus = !data.narrative ? "NONE" : data.narrative === row.narrative ? row.narrativeStatus : "PENDING";
  await db.report.update({ where: { id, nullifier: row.nullifier }, data: { ...data, narrativeStatus, updatedOn: today } });
  forgetStatistics(row.month);
  return { id };
}

/** Workers can withdraw their own report at any time. */
export async function deleteReport({ accountId, id }: { accountId: string; id: string }) {
  const row = await ownReport(accountId, id);
  await db.report.deleteMany({ where: { id, nullifier: row.nullifier } });
  forgetStatistics(row.month);
  return { ok: true as const };
}

export async function moderateNarrative({ unionId, id, decision }: { unionId: string; id: string; decision: "APPROVED" | "REJECTED" }) {
  const { count } = await db.report.updateMany({
    where: { id, narrative: { not: null }, ...narrativesModeratedBy(unionId) },
    data: { narrativeStatus: decision },
  });
  if (count === 0) throw new AppError("NOT_FOUND");
  return { ok: true as const };
}

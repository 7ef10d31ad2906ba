import "server-only";
import { db } from "~/server/db";
import { Prisma } from "~/server/db/generated/client";
import { AppError } from "~/lib/app-error";
import { statsPeriod } from "~/features/reports/months";
import { cached } from "~/features/stats/cache";
import { quotesAllowed, shuffle } from "~/features/stats/k-anonymity";
import { TenthsHistogram } from "~/features/stats/histogram";
import { COUNT_KEYS, publish, type CountKey, type Period, type Row } from "~/features/stats/publish";
import { chinaToday } from "~/lib/days";

// Every statistic any page, procedure or export shows comes out of this file (or scoped.ts,
// which reads through it), and only after `publish` (P4): callers never see a raw count.
// Figures are read from the per-month summary (prisma/schema/stats.prisma), never by scanning
// reports: counts are additive, medians come from per-value histograms.

export type { Breakdown, Figures, Period } from "~/features/stats/publish";

type Dim = "city" | "sector" | "platform";
const DIM_COLUMN: Record<Dim, string> = { platform: `"platformId"`, city: `"city"`, sector: `"sector"` };

/** The months (first days, inclusive) and cells a statistic covers; missing or empty lists mean all. */
export type SummaryScope = { fromDate: string; toDate: string; platformIds?: string[]; cities?: string[]; sectors?: string[] };

const pascal = (code: string) =>
  code
    .toLowerCase()
    .split("_")
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");
/** The summary column holding each count. */
const SUMMARY_COLUMN = Object.fromEntries(
  COUNT_KEYS.map((k) => [k, k.startsWith("p_") ? `pension${pascal(k.slice(2))}` : k.startsWith("h_") ? `health${pascal(k.slice(2))}` : k]),
) as Record<CountKey, string>;
const SUMS = Prisma.raw(COUNT_KEYS.map((k) => `sum("${SUMMARY_COLUMN[k]}")::int AS "${k}"`).join(", "));

function scopeSql(scope: SummaryScope) {
  const parts = [Prisma.sql`"month" BETWEEN ${scope.fromDate}::date AND ${scope.toDate}::date`];
  if (scope.platformIds?.length) parts.push(Prisma.sql`"platformId" IN (${Prisma.join(scope.platformIds)})`);
  if (scope.cities?.length) parts.push(Prisma.sql`"city" IN (${Prisma.join(scope.cities)})`);
  if (scope.sectors?.length) parts.push(Prisma.sql`"sector"::text IN (${Prisma.join(scope.sectors)})`);
  return Prisma.join(parts, " AND ");
}

/**
 * Summarises the closed months of a period that are not summarised yet (once per month, the
 * first time a statistic needs it; see the stats_summary migration). Returns how many it did.
 */
export async function sealMonths(fromDate: string, toDate: string): Promise<number> {
  const [row] = await db.$queryRaw<{ sealed: number }[]>`SELECT wv_summary_seal(${fromDate}::date, ${toDate}::date) AS "sealed"`;
  return row?.sealed ?? 0;
}

type Cell = Record<CountKey, number> & Record<string, string>;
type Histogram = Record<string, string> & { measure: "HOURS_PER_DAY" | "NET_PER_HOUR"; tenths: number[]; counts: number[] };

/**
 * Every joint cell's counts, summed over the scope's months, and the cells' histograms, one
 * per month and measure, in one statement (one snapshot).
 */
async function readSummary<D extends Dim>(dims: readonly D[], scope: SummaryScope) {
  const where = scopeSql(scope);
  const select = Prisma.raw(dims.map((d) => `${DIM_COLUMN[d]}::text AS "${d}"`).join(", "));
  const grouping = Prisma.raw(dims.map((d) => DIM_COLUMN[d]).join(", "));
  const [result] = await db.$queryRaw<{ cells: Cell[] | null; histograms: Histogram[] | null }[]>`
    WITH cells AS (
      SELECT ${select}, ${SUMS} FROM "ReportSummary" WHERE ${where} GROUP BY ${grouping} HAVING sum("n") > 0
    ), histograms AS (
      -- The statistics' two measures; the scorecard's (NET_AFTER_COSTS_PER_ACTIVE_HOUR) is read by it alone.
      SELECT ${select}, "measure", "tenths", "counts" FROM "ReportHistogram" WHERE ${where} AND "measure" IN ('HOURS_PER_DAY', 'NET_PER_HOUR')
    )
    SELECT (SELECT json_agg(cells) FROM cells) AS "cells", (SELECT json_agg(histograms) FROM histograms) AS "histograms"`;
  return { cells: result?.cells ?? [], histograms: result?.histograms ?? [] };
}

/** Rows for every joint cell, every one-dimension margin and the total, as `publish` wants. */
export async function summaryRows<D extends Dim>(dims: readonly D[], scope: SummaryScope): Promise<Row<D>[]> {
  await sealMonths(scope.fromDate, scope.toDate);
  const { cells, histograms } = await readSummary(dims, scope);
  type Group = { row: Row<D>; hours: TenthsHistogram; hourly: TenthsHistogram };
  const groups = new Map<string, Group>();
  const group = (keys: (string | null)[]) => {
    const id = JSON.stringify(keys);
    let g = groups.get(id);
    if (!g) {
      const counts = Object.fromEntries(COUNT_KEYS.map((k) => [k, 0]));
      const named = Object.fromEntries(dims.map((d, i) => [d, keys[i]]));
      const row = { ...counts, ...named, medianHours: null, medianHourly: null } as Row<D>;
      groups.set(id, (g = { row, hours: new TenthsHistogram(), hourly: new TenthsHistogram() }));
    }
    return g;
  };
  // A joint cell feeds itself, each one-dimension margin it belongs to, and the total. Only
  // margins and the total are published with medians.
  const margins = (keys: string[]) => [dims.map(() => null), ...dims.map((_, i) => keys.map((k, j) => (i === j ? k : null)))];
  for (const cell of cells) {
    const keys = dims.map((d) => cell[d]!);
    for (const target of dims.length > 1 ? [...margins(keys), keys] : margins(keys)) {
      const { row } = group(target);
      for (const k of COUNT_KEYS) row[k] += cell[k];
    }
  }
  for (const h of histograms) {
    for (const target of margins(dims.map((d) => h[d]!))) {
      const g = group(target);
      (h.measure === "HOURS_PER_DAY" ? g.hours : g.hourly).add(h.tenths, h.counts);
    }
  }
  return [...groups.values()].map(({ row, hours, hourly }) => ({ ...row, medianHours: hours.median(), medianHourly: hourly.median() }));
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Platforms by slug, or all of them for an empty list; an unknown slug is an error. */
export async function findPlatforms(slugs: string[]) {
  const platforms = await db.platform.findMany({ where: slugs.length ? { slug: { in: slugs } } : {}, select: { id: true, slug: true } });
  if (platforms.length < new Set(slugs).size) throw new AppError("UNKNOWN_PLATFORM");
  return platforms;
}

function period(today: Date): Period & { fromDate: string; toDate: string } {
  const { from, to } = statsPeriod(today);
  return { from: iso(from).slice(0, 7), to: iso(to).slice(0, 7), fromDate: iso(from), toDate: iso(to) };
}

/** A platform's conditions page: overall figures and breakdowns by city and by sector. */
export function getPlatformConditions(slug: string, today = chinaToday()) {
  return cached(`conditions:${slug}:${today.toISOString()}`, () => computePlatformConditions(slug, today));
}

/** Uncached, for the benchmark's cold-query figure. */
export async function computePlatformConditions(slug: string, today: Date) {
  const platform = await db.platform.findUnique({ where: { slug }, select: { id: true, slug: true, nameZh: true, nameEn: true } });
  if (!platform) throw new AppError("NOT_FOUND");
  const p = period(today);
  const dims = ["city", "sector"] as const;
  const rows = await summaryRows(dims, { fromDate: p.fromDate, toDate: p.toDate, platformIds: [platform.id] });
  const published = publish(rows, dims);
  return { platform, period: { from: p.from, to: p.to }, ...published };
}

/** The public overview: all platforms together and one row per platform. */
export function getOverview(today = chinaToday()) {
  return cached(`overview:${today.toISOString()}`, () => computeOverview(today));
}

async function computeOverview(today: Date) {
  const p = period(today);
  const [platforms, rows] = await Promise.all([
    db.platform.findMany({ select: { id: true, slug: true, nameZh: true, nameEn: true }, orderBy: { slug: "asc" } }),
    summaryRows(["platform"] as const, { fromDate: p.fromDate, toDate: p.toDate }),
  ]);
  const published = publish(rows, ["platform"] as const);
  return { platforms, period: { from: p.from, to: p.to }, total: published.total, byPlatform: published.breakdowns.platform };
}

const quarterOf = (month: Date) => `${month.getUTCFullYear()}-Q${Math.floor(month.getUTCMonth() / 3) + 1}`;

/**
 * Approved quotes for a platform's page: only when the platform's period has K_QUOTES reports,
 * in random order, dated to the quarter.
 */
export async function getQuotes(platformId: string, groupSize: number | undefined, today = chinaToday(), limit = 6) {
  if (!groupSize || !quotesAllowed(groupSize)) return [];
  const p = period(today);
  const rows = await db.report.findMany({
    where: { platformId, narrativeStatus: "APPROVED", month: { gte: new Date(p.fromDate), lte: new Date(p.toDate) } },
    select: { narrative: true, month: true },
    take: 200,
  });
  return shuffle(rows)
    .slice(0, limit)
    .map((r) => ({ text: r.narrative ?? "", quarter: quarterOf(r.month) }));
}


import "server-only";
import { db } from "~/server/db";
import { Prisma } from "~/server/db/generated/client";
import { AppError } from "~/lib/app-error";
import { cached } from "~/features/stats/cache";
import { quotesAllowed, shuffle } from "~/features/stats/k-anonymity";
import { TenthsHistogram } from "~/features/stats/histogram";
import { COUNT_KEYS, SUMMARY_COLUMN, publish, type CountKey, type Row } from "~/features/stats/publish";
import { ensureSealed, latticeWhere, quotesFromCells, type LatticeScope } from "~/features/stats/lattice/data";
import { isSealed, lastSealedQuarters, quarterPeriod } from "~/features/stats/lattice/quarters";
import { chinaToday } from "~/lib/days";

// Every statistic any page, procedure or export shows comes out of this file (or scoped.ts,
// which reads through it), and only as sums of shown, frozen lattice cells (lattice/data.ts,
// PRIVACY.md P4, CONTRIBUTING.md "Statistics from a fixed lattice"): callers never see a raw
// count, a hidden cell or a month that is not part of a sealed quarter. Medians come from the
// sealed cells' per-value histograms.

export type { Breakdown, Figures, Period } from "~/features/stats/publish";

type Dim = "city" | "sector" | "platform";
const DIM_COLUMN: Record<Dim, string> = { platform: `"platformId"`, city: `"city"`, sector: `"sector"` };

/** The whole sealed quarters and cells a statistic covers; missing or empty lists mean all. */
export type SummaryScope = LatticeScope;

const SUMS = Prisma.raw(COUNT_KEYS.map((k) => `sum("${SUMMARY_COLUMN[k]}")::int AS "${k}"`).join(", "));

/**
 * Summarises the closed months of a period that are not summarised yet (the exact month
 * summary sealed quarters are copied from; see the stats_summary migration).
 */
export async function sealMonths(fromDate: string, toDate: string): Promise<number> {
  const [row] = await db.$queryRaw<{ sealed: number }[]>`SELECT wv_summary_seal(${fromDate}::date, ${toDate}::date) AS "sealed"`;
  return row?.sealed ?? 0;
}

type Cell = Record<CountKey, number> & Record<string, string>;
type Histogram = Record<string, string> & { measure: "HOURS_PER_DAY" | "NET_PER_HOUR"; tenths: number[]; counts: number[] };

/**
 * The shown cells' counts grouped by `dims`, summed over the scope's quarters, and the cells'
 * histograms, in one statement (one snapshot). Only SealedCell is read: a sum of shown cells.
 */
async function readSummary<D extends Dim>(dims: readonly D[], scope: SummaryScope, today: Date) {
  await ensureSealed(scope, today);
  const where = latticeWhere(scope);
  const select = Prisma.raw(dims.map((d) => `${DIM_COLUMN[d]}::text AS "${d}"`).join(", "));
  const grouping = Prisma.raw(dims.map((d) => DIM_COLUMN[d]).join(", "));
  const [result] = await db.$queryRaw<{ cells: Cell[] | null; histograms: Histogram[] | null }[]>`
    WITH cells AS (
      SELECT ${select}, ${SUMS} FROM "SealedCell" WHERE ${where} GROUP BY ${grouping}
    ), histograms AS (
      -- The statistics' two measures; the scorecard's (NET_AFTER_COSTS_PER_ACTIVE_HOUR) is read by it alone.
      SELECT ${select}, "measure", "tenths", "counts" FROM "SealedHistogram" WHERE ${where} AND "measure" IN ('HOURS_PER_DAY', 'NET_PER_HOUR')
    )
    SELECT (SELECT json_agg(cells) FROM cells) AS "cells", (SELECT json_agg(histograms) FROM histograms) AS "histograms"`;
  return { cells: result?.cells ?? [], histograms: result?.histograms ?? [] };
}

/** Rows for every joint cell, every one-dimension margin and the total, as `publish` wants. */
export async function summaryRows<D extends Dim>(dims: readonly D[], scope: SummaryScope, today = chinaToday()): Promise<Row<D>[]> {
  const quarters = scope.quarters.filter((q) => isSealed(q, today));
  if (quarters.length === 0) return [];
  const { cells, histograms } = await readSummary(dims, { ...scope, quarters }, today);
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


/** Platforms by slug, or all of them for an empty list; an unknown slug is an error. */
export async function findPlatforms(slugs: string[]) {
  const platforms = await db.platform.findMany({ where: slugs.length ? { slug: { in: slugs } } : {}, select: { id: true, slug: true } });
  if (platforms.length < new Set(slugs).size) throw new AppError("UNKNOWN_PLATFORM");
  return platforms;
}

/** The public pages' period: the last STATS_QUARTERS sealed quarters (never rolling months). */
function period(today: Date) {
  const quarters = lastSealedQuarters(today);
  return { quarters, ...quarterPeriod(quarters)! };
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
  const rows = await summaryRows(dims, { quarters: p.quarters, platformIds: [platform.id] }, today);
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
    summaryRows(["platform"] as const, { quarters: p.quarters }, today),
  ]);
  const published = publish(rows, ["platform"] as const);
  return { platforms, period: { from: p.from, to: p.to }, total: published.total, byPlatform: published.breakdowns.platform };
}

/**
 * Approved quotes for a platform's page (P4: a group of K_QUOTES): only from reports whose
 * sealed lattice cell holds at least K_QUOTES, so a scope that adds a small city to a big one
 * adds no quote; random order, dated to the quarter. `groupSize` is the page's published n.
 */
export async function getQuotes(platformId: string, groupSize: number | undefined, today = chinaToday(), limit = 6) {
  if (!groupSize || !quotesAllowed(groupSize)) return [];
  const rows = await quotesFromCells({ quarters: period(today).quarters, platformIds: [platformId] }, today, 200);
  return shuffle(rows)
    .slice(0, limit)
    .map((r) => ({ text: r.text, quarter: r.quarter }));
}

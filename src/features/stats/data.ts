import "server-only";
import { db } from "~/server/db";
import { Prisma } from "~/server/db/generated/client";
import { AppError } from "~/lib/app-error";
import { HEALTH, SCHEMES } from "~/features/reports/schema";
import { statsPeriod, todayInChina } from "~/features/reports/months";
import { cached } from "~/features/stats/cache";
import { quotesAllowed, shuffle, suppress, type JointCell, type Suppression } from "~/features/stats/k-anonymity";

// Every statistic any page, procedure or export shows comes out of this file, and only after
// `suppress` (P4): callers never see a raw count.

type Dim = "city" | "sector" | "platform";
type Row = Record<string, unknown> & { n: number; residentN: number; medianHours: number | null; medianHourly: number | null };

export type Figures = {
  n: number;
  noContract: number;
  noSocialInjury: number;
  pension: Record<(typeof SCHEMES)[number], number>;
  /** Share at the lowest level among resident-scheme members, when that group is big enough. */
  residentLowest: number | null;
  over8h: number;
  over6d: number;
  accident: number;
  deactivated: number;
  health: Record<(typeof HEALTH)[number], number>;
  medianHours: number | null;
  medianHourly: number | null;
};
export type Breakdown = { key: string; figures: Figures }[];
export type Period = { from: string; to: string };

const SHARES = {
  noContract: `"contract" <> 'LABOUR_CONTRACT'`,
  noSocialInjury: `"workInjury" <> 'SOCIAL'`,
  residentN: `"pensionScheme" = 'RESIDENT'`,
  residentLowest: `"pensionScheme" = 'RESIDENT' AND "pensionLevel" = 'LOWEST'`,
  over8h: `"hoursPerDay" > 8`,
  over6d: `"daysPerWeek" > 6`,
  accident: `"accident" <> 'NONE'`,
  deactivated: `"deactivated"`,
  ...Object.fromEntries(SCHEMES.map((s) => [`p_${s}`, `"pensionScheme" = '${s}'`])),
  ...Object.fromEntries(HEALTH.map((h) => [`h_${h}`, `'${h}' = ANY("health")`])),
} as Record<string, string>;

// Built from the constants above only; user input reaches the query as parameters. Counts are
// additive, so SQL computes them once per joint cell (one hash aggregate, no sort) and the
// margins are sums; medians come from per-cell histograms (hours are in half-hour steps, hourly
// income is rounded to 0.1 yuan), merged in JS. This keeps a platform with hundreds of
// thousands of reports to two scans of its index range.
const COUNTS = Prisma.raw(
  [`count(*)::int AS "n"`, ...Object.entries(SHARES).map(([name, cond]) => `count(*) FILTER (WHERE ${cond})::int AS "${name}"`)].join(",\n"),
);
const COUNT_KEYS = ["n", ...Object.keys(SHARES)];

type Col<D extends Dim> = { name: D; sql: string };
type Hist = Map<number, number>;

function medianOf(hist: Hist | undefined): number | null {
  if (!hist || hist.size === 0) return null;
  const entries = [...hist.entries()].sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((s, [, c]) => s + c, 0);
  let seen = 0;
  // percentile_disc(0.5): the first value whose cumulative share reaches one half.
  for (const [value, c] of entries) if ((seen += c) * 2 >= total) return value;
  return null;
}

/** Rows for every joint cell, every single-dimension margin and the total, as publish() wants. */
async function aggregate<D extends Dim>(cols: readonly Col<D>[], where: Prisma.Sql) {
  const select = Prisma.raw(cols.map((c) => `${c.sql} AS "${c.name}"`).join(", "));
  const keys = Prisma.raw(cols.map((_, i) => i + 1).join(", "));
  const k = cols.length;
  const [cells, hist] = await Promise.all([
    db.$queryRaw<Record<string, unknown>[]>`SELECT ${select}, ${COUNTS} FROM "Report" WHERE ${where} GROUP BY ${keys}`,
    db.$queryRaw<Record<string, unknown>[]>`
      SELECT ${select}, 'h' AS "kind", "hoursPerDay" AS "v", count(*)::int AS "c" FROM "Report" WHERE ${where} GROUP BY ${keys}, ${Prisma.raw(String(k + 2))}
      UNION ALL
      SELECT ${select}, 'r', round("netPerHour"::numeric, 1)::float8, count(*)::int FROM "Report" WHERE ${where} GROUP BY ${keys}, ${Prisma.raw(String(k + 2))}`,
  ]);
  type Acc = { counts: Record<string, number>; h: Hist; r: Hist; keys: Record<D, string | null> };
  const groups = new Map<string, Acc>();
  // Each joint cell feeds itself, each one-dimension margin it belongs to, and the total.
  const targets = (row: Record<string, unknown>) => {
    const patterns: (D | "total" | "joint")[] = k > 1 ? ["total", ...cols.map((c) => c.name), "joint"] : ["total", "joint"];
    return patterns.map((only) => {
      const g = Object.fromEntries(cols.map((c) => [c.name, only === "joint" || only === c.name ? String(row[c.name]) : null])) as Record<D, string | null>;
      const id = JSON.stringify(g);
      let acc = groups.get(id);
      if (!acc) groups.set(id, (acc = { counts: Object.fromEntries(COUNT_KEYS.map((key) => [key, 0])), h: new Map(), r: new Map(), keys: g }));
      return acc;
    });
  };
  for (const row of cells) for (const acc of targets(row)) for (const key of COUNT_KEYS) acc.counts[key]! += row[key] as number;
  for (const row of hist) {
    const v = Number(row.v);
    const c = row.c as number;
    for (const acc of targets(row)) {
      const h = row.kind === "h" ? acc.h : acc.r;
      h.set(v, (h.get(v) ?? 0) + c);
    }
  }
  return [...groups.values()].map(
    (acc) => ({ ...acc.counts, ...acc.keys, medianHours: medianOf(acc.h), medianHourly: medianOf(acc.r) }) as unknown as Row & Record<D, string | null>,
  );
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const share = (part: number, n: number) => Math.round((part / n) * 1000) / 1000;

function figures(row: Row, residentShown: boolean): Figures {
  const n = row.n;
  const num = (k: string) => share(row[k] as number, n);
  return {
    n,
    noContract: num("noContract"),
    noSocialInjury: num("noSocialInjury"),
    pension: Object.fromEntries(SCHEMES.map((s) => [s, num(`p_${s}`)])) as Figures["pension"],
    residentLowest: residentShown ? share(row.residentLowest as number, row.residentN) : null,
    over8h: num("over8h"),
    over6d: num("over6d"),
    accident: num("accident"),
    deactivated: num("deactivated"),
    health: Object.fromEntries(HEALTH.map((h) => [h, num(`h_${h}`)])) as Figures["health"],
    medianHours: row.medianHours,
    medianHourly: row.medianHourly,
  };
}

/** Suppression of the main counts, then of the resident-scheme sub-group on top of it. */
function publish<D extends Dim>(rows: (Row & Record<D, string | null>)[], dims: readonly D[]) {
  const isJoint = (r: Row & Record<D, string | null>) => dims.every((d) => r[d] !== null);
  const joint = rows.filter(isJoint);
  const cells = (count: (r: Row) => number): JointCell<D>[] =>
    joint.map((r) => ({ keys: Object.fromEntries(dims.map((d) => [d, r[d]!])) as Record<D, string>, n: count(r) }));
  const main = suppress(cells((r) => r.n), dims);
  const hidden = Object.fromEntries(
    dims.map((d) => [d, new Set(joint.map((r) => String(r[d])).filter((k) => !main.shown[d].has(k)))]),
  ) as unknown as Record<D, Set<string>>;
  const resident: Suppression<D> = suppress(cells((r) => r.residentN), dims, hidden);

  const only = (d: D) => rows.filter((r) => r[d] !== null && dims.every((o) => o === d || r[o] === null));
  const total = rows.find((r) => dims.every((d) => r[d] === null));
  const breakdown = (d: D): Breakdown =>
    only(d)
      .filter((r) => main.shown[d].has(r[d]!))
      .map((r) => ({ key: r[d]!, figures: figures(r, resident.shown[d].has(r[d]!)) }))
      .sort((a, b) => b.figures.n - a.figures.n);
  return {
    total: main.totalShown && total ? figures(total, resident.totalShown) : null,
    breakdowns: Object.fromEntries(dims.map((d) => [d, breakdown(d)])) as Record<D, Breakdown>,
  };
}

function period(today: Date): Period & { fromDate: string; toDate: string } {
  const { from, to } = statsPeriod(today);
  return { from: iso(from).slice(0, 7), to: iso(to).slice(0, 7), fromDate: iso(from), toDate: iso(to) };
}

/** A platform's conditions page: overall figures and breakdowns by city and by sector. */
export function getPlatformConditions(slug: string, today = todayInChina()) {
  return cached(`conditions:${slug}:${today.toISOString()}`, () => computePlatformConditions(slug, today));
}

/** Uncached, for the benchmark's cold-query figure. */
export async function computePlatformConditions(slug: string, today: Date) {
  const platform = await db.platform.findUnique({ where: { slug }, select: { id: true, slug: true, nameZh: true, nameEn: true } });
  if (!platform) throw new AppError("NOT_FOUND");
  const p = period(today);
  const rows = await aggregate(
    [
      { name: "city", sql: `"city"` },
      { name: "sector", sql: `"sector"::text` },
    ] as const,
    Prisma.sql`"platformId" = ${platform.id} AND "month" BETWEEN ${p.fromDate}::date AND ${p.toDate}::date`,
  );
  const published = publish(rows, ["city", "sector"] as const);
  return { platform, period: { from: p.from, to: p.to }, ...published };
}

/** The public overview: all platforms together and one row per platform. */
export function getOverview(today = todayInChina()) {
  return cached(`overview:${today.toISOString()}`, () => computeOverview(today));
}

async function computeOverview(today: Date) {
  const p = period(today);
  const [platforms, rows] = await Promise.all([
    db.platform.findMany({ select: { id: true, slug: true, nameZh: true, nameEn: true }, orderBy: { slug: "asc" } }),
    aggregate([{ name: "platform", sql: `"platformId"` }] as const, Prisma.sql`"month" BETWEEN ${p.fromDate}::date AND ${p.toDate}::date`),
  ]);
  const published = publish(rows, ["platform"] as const);
  return { platforms, period: { from: p.from, to: p.to }, total: published.total, byPlatform: published.breakdowns.platform };
}

const quarterOf = (month: Date) => `${month.getUTCFullYear()}-Q${Math.floor(month.getUTCMonth() / 3) + 1}`;

/**
 * Approved quotes for a platform's page: only when the platform's period has K_QUOTES reports,
 * in random order, dated to the quarter.
 */
export async function getQuotes(platformId: string, groupSize: number | undefined, today = todayInChina(), limit = 6) {
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

/**
 * Provisional (issue 6): conditions for a campaign's scope and period, for the submission
 * compiler, until the stats branch's computeScopedConditions lands. Empty lists mean "all".
 */
export async function aggregateScoped(scope: { platformSlugs: string[]; sectors: string[]; cities: string[]; from: string; to: string }) {
  const conds = [Prisma.sql`"month" BETWEEN ${`${scope.from}-01`}::date AND ${`${scope.to}-01`}::date`];
  if (scope.platformSlugs.length) conds.push(Prisma.sql`"platformId" IN (SELECT "id" FROM "Platform" WHERE "slug" = ANY(${scope.platformSlugs}::text[]))`);
  if (scope.sectors.length) conds.push(Prisma.sql`"sector"::text = ANY(${scope.sectors}::text[])`);
  if (scope.cities.length) conds.push(Prisma.sql`"city" = ANY(${scope.cities}::text[])`);
  // Grouped by platform id (no per-row lookup), named by slug afterwards.
  const [platforms, rows] = await Promise.all([
    db.platform.findMany({ select: { id: true, slug: true } }),
    aggregate(
      [
        { name: "platform", sql: `"platformId"` },
        { name: "city", sql: `"city"` },
        { name: "sector", sql: `"sector"::text` },
      ] as const,
      Prisma.join(conds, " AND "),
    ),
  ]);
  const slug = new Map(platforms.map((p) => [p.id, p.slug]));
  for (const r of rows) if (r.platform !== null) r.platform = slug.get(r.platform) ?? r.platform;
  const n = rows.find((r) => r.platform === null && r.city === null && r.sector === null)?.n ?? 0;
  return { reports: n, ...publish(rows, ["platform", "city", "sector"] as const) };
}

import { K, suppressLine, suppressTable } from "~/features/ballots/suppression";
import { DIMENSIONS, rankStandings, type Dimension } from "~/features/ballots/tally";
import { credibility, type Credibility } from "~/features/verification/credibility";

// Turns the running tally into what may be published (PRIVACY.md P4): whole tally hidden below
// K ballots, breakdown groups below K hidden with complementary suppression, and per-demand
// counts of 1-4 hidden the same way. Pure, so property tests can attack it.

export type RawCell = { dim: string; value: string; demandId: string; points: number; firsts: number; includes: number };
export type RawGroup = { dim: string; value: string; ballots: number };
export type DemandRef = { id: string; number: number };

export type ResultRow = { demandId: string; points: number | null; firsts: number | null; includes: number | null; share: number | null };
export type GroupResult = { value: string; ballots: number; rows: ResultRow[] };
export type Breakdown = { dim: Exclude<Dimension, "all">; groups: GroupResult[]; hiddenGroups: number };
export type Results =
  | { enough: false; ballots: null }
  | { enough: true; ballots: number; credibility: Credibility; rows: ResultRow[]; breakdowns: Breakdown[] };

type Cellish = Omit<RawCell, "dim" | "value">;

function rowsFor(demands: DemandRef[], cells: Map<string, Cellish>, ballots: number, hideFirsts: boolean[], hideIncludes: boolean[]): ResultRow[] {
  return demands.map((d, i) => {
    const c = cells.get(d.id) ?? { demandId: d.id, points: 0, firsts: 0, includes: 0 };
    const showIncl = !hideIncludes[i];
    return {
      demandId: d.id,
      points: showIncl ? c.points : null,
      includes: showIncl ? c.includes : null,
      share: showIncl && ballots > 0 ? c.includes / ballots : null,
      firsts: hideFirsts[i] ? null : c.firsts,
    };
  });
}

/** `verified`: ballots of verified voters (ballotCounts in data.ts); `rawGroups` without that group. */
export function publishResults(demands: DemandRef[], rawCells: RawCell[], rawGroups: RawGroup[], verified = 0, verifiedOnly = false): Results {
  const total = rawGroups.find((g) => g.dim === "all")?.ballots ?? 0;
  if (total < K) return { enough: false, ballots: null };

  const cellsOf = (dim: string, value: string) =>
    new Map(rawCells.filter((c) => c.dim === dim && c.value === value).map((c) => [c.demandId, c] as const));
  const overall = cellsOf("all", "");
  const val = (m: Map<string, Cellish>, id: string, k: "firsts" | "includes") => m.get(id)?.[k] ?? 0;

  // Overall: first preferences add up to the published total; inclusions have no published sum.
  const firstsHidden = suppressLine(demands.map((d) => val(overall, d.id, "firsts")));
  const inclHidden = suppressLine(demands.map((d) => val(overall, d.id, "includes")), new Set(), false);
  const rows = rowsFor(demands, overall, total, demands.map((_, i) => firstsHidden.has(i)), demands.map((_, i) => inclHidden.has(i)));
  const order = new Map(rankStandings(demands.map((d) => ({ demandId: d.id, number: d.number, ...pick(overall.get(d.id)) }))).map((s, i) => [s.demandId, i]));
  rows.sort((a, b) => order.get(a.demandId)! - order.get(b.demandId)!);
  const ranked = rows.map((r) => demands.find((d) => d.id === r.demandId)!);

  const breakdowns: Breakdown[] = DIMENSIONS.filter((d) => d !== "all").map((dim) => {
    const groups = rawGroups.filter((g) => g.dim === dim && g.ballots > 0).sort((a, b) => (a.value < b.value ? -1 : 1));
    const hiddenRows = suppressLine(groups.map((g) => g.ballots));
    const maps = groups.map((g) => cellsOf(dim, g.value));
    const firsts = suppressTable(maps.map((m) => ranked.map((d) => val(m, d.id, "firsts"))), { rowTotalsKnown: true, colTotalsKnown: true, hiddenRows });
    const incl = suppressTable(maps.map((m) => ranked.map((d) => val(m, d.id, "includes"))), { rowTotalsKnown: false, colTotalsKnown: true, hiddenRows });
    const shown = groups.flatMap((g, r) => (hiddenRows.has(r) ? [] : [{ value: g.value, ballots: g.ballots, rows: rowsFor(ranked, maps[r]!, g.ballots, firsts[r]!, incl[r]!) }]));
    return { dim, groups: shown, hiddenGroups: hiddenRows.size };
  });
  return { enough: true, ballots: total, credibility: credibility(total, verified, verifiedOnly), rows, breakdowns };
}

function pick(c: Cellish | undefined) {
  return { points: c?.points ?? 0, firsts: c?.firsts ?? 0, includes: c?.includes ?? 0 };
}

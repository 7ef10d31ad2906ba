// Borda count over ranked ballots of up to 5 demands: 5 points for first place down to 1 for
// fifth. A ballot's contribution is what the running tally adds when it is cast and subtracts
// when it is changed (castBallot does this in SQL), so the tally always equals a recount.

export const MAX_RANKS = 5;

export const DIMENSIONS = ["all", "city", "platform", "sector"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** `verified`: the campaign's union verified the voter; such ballots also count in the group "verified". */
export type BallotProfile = { city: string; platform: string; sector: string; verified?: boolean };

export type CellDelta = { dim: Dimension; value: string; demandId: string; points: number; firsts: number; includes: number };
export type GroupDelta = { dim: Dimension; value: string; ballots: number };

export function bordaPoints(rank: number): number {
  return MAX_RANKS - rank;
}

function groupsOf(profile: BallotProfile): [Dimension, string][] {
  return [
    ["all", ""],
    ["city", profile.city],
    ["platform", profile.platform],
    ["sector", profile.sector],
  ];
}

/** What one ballot adds (sign 1) or removes (sign -1) from the running tally. */
export function contribution(demandIds: string[], profile: BallotProfile, sign: 1 | -1) {
  const cells: CellDelta[] = [];
  const groups: GroupDelta[] = [];
  for (const [dim, value] of groupsOf(profile)) {
    groups.push({ dim, value, ballots: sign });
    demandIds.forEach((demandId, rank) => {
      cells.push({ dim, value, demandId, points: sign * bordaPoints(rank), firsts: rank === 0 ? sign : 0, includes: sign });
    });
  }
  // The verified part of the turnout: a group without cells (no per-demand figures).
  if (profile.verified) groups.push({ dim: "verified" as Dimension, value: "", ballots: sign });
  return { cells, groups };
}

export type Standing = { demandId: string; number: number; points: number; firsts: number; includes: number };

/** The ranking rule the results page explains: points, then first preferences, then inclusions, then the older demand. */
export function rankStandings<T extends Standing>(rows: T[]): T[] {
  return [...rows].sort((a, b) => b.points - a.points || b.firsts - a.firsts || b.includes - a.includes || a.number - b.number);
}

/** A full recount from stored ballots, for tests and audits. */
export function recount(ballots: { demandIds: string[]; profile: BallotProfile }[]) {
  const cells = new Map<string, CellDelta>();
  const groups = new Map<string, number>();
  for (const b of ballots) {
    const { cells: cs, groups: gs } = contribution(b.demandIds, b.profile, 1);
    for (const c of cs) {
      const key = `${c.dim}|${c.value}|${c.demandId}`;
      const prev = cells.get(key);
      cells.set(key, prev ? { ...prev, points: prev.points + c.points, firsts: prev.firsts + c.firsts, includes: prev.includes + c.includes } : c);
    }
    for (const g of gs) groups.set(`${g.dim}|${g.value}`, (groups.get(`${g.dim}|${g.value}`) ?? 0) + g.ballots);
  }
  return { cells, groups };
}

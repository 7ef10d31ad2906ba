import type pg from "pg";

// After the soak: every counter the writes keep as they go, against a recount of the stored
// rows. Each check returns the differences it found, described for the report ([] = equal).

type Profile = { city: string; platform: string; sector: string };
type Recount = (ballots: { demandIds: string[]; profile: Profile }[]) => {
  cells: Map<string, { points: number; firsts: number; includes: number }>;
  groups: Map<string, number>;
};

/** Petition tallies (total, city, platform, sector; no signer is verified) and the threshold date. */
export async function petitionDifferences(sql: pg.Pool, petitionIds: string[]) {
  const { rows } = await sql.query<{ id: string; d: string; v: string; stored: number | null; counted: number | null }>(
    `WITH stored AS (
       SELECT "petitionId" AS id, 'total' AS d, '' AS v, count(*)::int AS n FROM "PetitionSignature" WHERE "petitionId" = ANY($1) GROUP BY 1
       UNION ALL SELECT "petitionId", 'city', coalesce(city, ''), count(*)::int FROM "PetitionSignature" WHERE "petitionId" = ANY($1) GROUP BY 1, 3
       UNION ALL SELECT "petitionId", 'platform', coalesce("platformSlug", ''), count(*)::int FROM "PetitionSignature" WHERE "petitionId" = ANY($1) GROUP BY 1, 3
       UNION ALL SELECT "petitionId", 'sector', coalesce(sector, ''), count(*)::int FROM "PetitionSignature" WHERE "petitionId" = ANY($1) GROUP BY 1, 3
     ), counted AS (
       SELECT "petitionId" AS id, dimension AS d, value AS v, sum(count)::int AS n FROM "PetitionTally"
       WHERE "petitionId" = ANY($1) GROUP BY 1, 2, 3 HAVING sum(count) <> 0
     )
     SELECT id, d, v, s.n AS stored, c.n AS counted FROM stored s FULL JOIN counted c USING (id, d, v) WHERE s.n IS DISTINCT FROM c.n`,
    [petitionIds],
  );
  const out = rows.map((r) => `petition ${r.id} ${r.d}${r.v ? `=${r.v}` : ""}: ${r.counted ?? 0} counted, ${r.stored ?? 0} stored`);
  const threshold = await sql.query<{ id: string }>(
    `SELECT p.id FROM "Petition" p WHERE p.id = ANY($1)
       AND ((SELECT count(*) FROM "PetitionSignature" s WHERE s."petitionId" = p.id) >= p.threshold) <> (p."thresholdReachedOn" IS NOT NULL)`,
    [petitionIds],
  );
  return [...out, ...threshold.rows.map((r) => `petition ${r.id}: threshold date disagrees with its signatures`)];
}

/** Every tally cell and tally group of the campaign, against a recount of its ballots. */
export async function ballotDifferences(sql: pg.Pool, campaignId: string, recount: Recount) {
  const ballots = (await sql.query<{ demandIds: string[] } & Profile>(`SELECT "demandIds", city, platform, sector FROM "Ballot" WHERE "campaignId" = $1`, [campaignId])).rows;
  const fresh = recount(ballots.map((b) => ({ demandIds: b.demandIds, profile: { city: b.city, platform: b.platform, sector: b.sector } })));
  const out: string[] = [];
  const cells = (await sql.query<{ dim: string; value: string; demandId: string; points: number; firsts: number; includes: number }>(`SELECT dim, value, "demandId", points, firsts, includes FROM "TallyCell" WHERE "campaignId" = $1`, [campaignId])).rows;
  const seen = new Set<string>();
  for (const c of cells) {
    const key = `${c.dim}|${c.value}|${c.demandId}`;
    seen.add(key);
    const f = fresh.cells.get(key) ?? { points: 0, firsts: 0, includes: 0 };
    if (f.points !== c.points || f.firsts !== c.firsts || f.includes !== c.includes) out.push(`tally cell ${key}: ${c.points}/${c.firsts}/${c.includes} counted, ${f.points}/${f.firsts}/${f.includes} recounted`);
  }
  for (const [key, f] of fresh.cells) if (!seen.has(key) && (f.points || f.firsts || f.includes)) out.push(`tally cell ${key}: missing`);
  const groups = new Map((await sql.query<{ dim: string; value: string; ballots: number }>(`SELECT dim, value, ballots FROM "TallyGroup" WHERE "campaignId" = $1`, [campaignId])).rows.map((g) => [`${g.dim}|${g.value}`, g.ballots]));
  for (const key of new Set([...groups.keys(), ...fresh.groups.keys()])) {
    if ((groups.get(key) ?? 0) !== (fresh.groups.get(key) ?? 0)) out.push(`tally group ${key}: ${groups.get(key) ?? 0} counted, ${fresh.groups.get(key) ?? 0} recounted`);
  }
  return { differences: out, ballots: ballots.length, cells: cells.length, groups: groups.size };
}

/**
 * The report summary of the sealed month the soak writes into, against a recount of the
 * reports with the counting rules the database states (wv_summary_counts()).
 */
export async function summaryDifferences(sql: pg.Pool, platformId: string) {
  const rules = (await sql.query<{ col: string; cond: string }>(`SELECT col, cond FROM wv_summary_counts()`)).rows;
  const recounted = rules.map((r) => `count(*) FILTER (WHERE ${r.cond})::int AS "${r.col}"`).join(", ");
  const stored = rules.map((r) => `s."${r.col}"`).join(", ");
  const { rows } = await sql.query<{ key: string; stored: string | null; recounted: string | null }>(
    `WITH fresh AS (SELECT r."platformId", r.city, r.sector::text AS sector, r.month, ${recounted} FROM "Report" r WHERE r."platformId" = $1 GROUP BY 1, 2, 3, 4),
       kept AS (SELECT s."platformId", s.city, s.sector::text AS sector, s.month, ${stored} FROM "ReportSummary" s WHERE s."platformId" = $1 AND s.n <> 0)
     SELECT coalesce(f.city, k.city) || '/' || coalesce(f.sector, k.sector) || '/' || coalesce(f.month, k.month)::text AS key,
       row_to_json(k)::text AS stored, row_to_json(f)::text AS recounted
     FROM fresh f FULL JOIN kept k USING ("platformId", city, sector, month)
     WHERE row_to_json(f)::jsonb IS DISTINCT FROM row_to_json(k)::jsonb`,
    [platformId],
  );
  const groups = Number((await sql.query(`SELECT count(*) FROM "ReportSummary" WHERE "platformId" = $1`, [platformId])).rows[0].count);
  const reports = Number((await sql.query(`SELECT count(*) FROM "Report" WHERE "platformId" = $1`, [platformId])).rows[0].count);
  return { differences: rows.map((r) => `report summary ${r.key}: ${r.stored ?? "none"} kept, ${r.recounted ?? "none"} recounted`), groups, reports };
}

import "server-only";
import { MAX_RANKS } from "~/features/ballots/tally";

// The running tally's half of both ballot statements (castBallot's, src/features/ballots/
// mutations.ts, and the token ballot's, src/features/tokens/ballot/mutations.ts), written once so
// the two cannot drift apart. The statement before it defines a CTE `changes` (sign, fresh, city,
// platform, sector, ranking): +1 for the ballot as written, -1 for the contribution it replaces,
// `fresh` when it adds 1 to the tally group "verified". The campaign id is parameter $1.
// Tally rows are upserted in one fixed key order (cells, then groups), so concurrent ballots
// cannot deadlock. Borda points: MAX_RANKS for first place down to 1.
const TALLY_CTES = `grouped AS MATERIALIZED (
      SELECT ch.sign, ch.ranking, g.dim, g.value FROM changes ch
      CROSS JOIN LATERAL (VALUES ('all', ''), ('city', ch.city), ('platform', ch.platform), ('sector', ch.sector), ('verified', '')) AS g(dim, value)
      WHERE g.dim <> 'verified' OR ch.fresh
    ), cells AS (
      INSERT INTO "TallyCell" ("campaignId", "dim", "value", "demandId", "points", "firsts", "includes")
      SELECT $1, d.dim, d.value, d.demand, d.points, d.firsts, d.includes FROM (
        SELECT gr.dim, gr.value, r.demand, sum(gr.sign * (${MAX_RANKS + 1} - r.ord))::int AS points,
          coalesce(sum(gr.sign) FILTER (WHERE r.ord = 1), 0)::int AS firsts, sum(gr.sign)::int AS includes
        FROM grouped gr CROSS JOIN LATERAL unnest(gr.ranking) WITH ORDINALITY AS r(demand, ord)
        WHERE gr.dim <> 'verified'
        GROUP BY gr.dim, gr.value, r.demand
      ) d
      WHERE d.points <> 0 OR d.firsts <> 0 OR d.includes <> 0
      ORDER BY d.dim COLLATE "C", d.value COLLATE "C", d.demand COLLATE "C"
      ON CONFLICT ("campaignId", "dim", "value", "demandId") DO UPDATE SET
        "points" = "TallyCell"."points" + EXCLUDED."points",
        "firsts" = "TallyCell"."firsts" + EXCLUDED."firsts",
        "includes" = "TallyCell"."includes" + EXCLUDED."includes"
      RETURNING 1
    ), cells_done AS MATERIALIZED (
      SELECT count(*) AS n FROM cells
    ), groups AS (
      INSERT INTO "TallyGroup" ("campaignId", "dim", "value", "ballots")
      SELECT $1, d.dim, d.value, d.ballots FROM (
        SELECT gr.dim, gr.value, sum(gr.sign)::int AS ballots FROM grouped gr, cells_done GROUP BY gr.dim, gr.value
      ) d
      WHERE d.ballots <> 0
      ORDER BY d.dim COLLATE "C", d.value COLLATE "C"
      ON CONFLICT ("campaignId", "dim", "value") DO UPDATE SET "ballots" = "TallyGroup"."ballots" + EXCLUDED."ballots"
      RETURNING 1
    )`;

/** Where a ballot statement puts the tally CTEs (after its `changes` CTE and a comma). */
export const TALLY = Symbol("tally CTEs");

/**
 * A ballot statement for one campaign, as a template tag like hotSql (each interpolation a
 * parameter), except that `${TALLY}` splices in the shared tally CTEs, which upsert cells and
 * groups and end in a CTE `groups` the final SELECT may count. The campaign id is always
 * parameter $1, before the template's own. Gives the text and values for hotQuery.
 */
export function ballotSql(campaignId: string) {
  return (strings: TemplateStringsArray, ...values: unknown[]): { text: string; values: unknown[] } => {
    const params: unknown[] = [campaignId];
    let text = strings[0]!;
    values.forEach((value, i) => {
      if (value === TALLY) text += TALLY_CTES;
      else text += `$${params.push(value)}`;
      text += strings[i + 1]!;
    });
    return { text, values: params };
  };
}

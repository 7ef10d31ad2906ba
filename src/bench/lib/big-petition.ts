import type pg from "pg";

// Petitions for the benchmarks, written in SQL: a published petition, and a million signatures
// with everything signing keeps consistent beside them (the counter rows, the released
// breakdown, the threshold and milestones), as if each had been signed through the API.

/** One platform per slug, in the sector of the same index; their ids. */
export async function insertPlatforms(sql: pg.Pool, slugs: readonly string[], sectors: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, slug] of slugs.entries()) {
    const { rows } = await sql.query(`INSERT INTO "Platform" (id, slug, "nameZh", "nameEn", sector) VALUES ($1, $1, $1, $1, $2::"Sector") RETURNING id`, [slug, sectors[i]]);
    ids.push(rows[0].id as string);
  }
  return ids;
}

/** A published petition against `platformId`, open for 90 days. */
export async function publishedPetition(sql: pg.Pool, id: string, title: string, platformId: string) {
  await sql.query(
    `INSERT INTO "Petition" (id, "shortCode", "ownerKey", title, ask, reason, "targetKind", "platformId", status, "sponsorCount", threshold, "publishedOn", "closesOn")
     VALUES ($1, $2, 'bench-owner', $3, 'Pay waiting time at restaurants beyond five minutes.', 'Riders wait unpaid while the app counts them late.',
       'PLATFORM', $4, 'PUBLISHED', 5, 1000, wv_today(), wv_today() + 90)`,
    [id, Math.random().toString(36).slice(2, 9), title, platformId],
  );
}

const list = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(",")}]`;

/**
 * `n` signatures of unverified workers (generate_series), spread over `profile`'s cities,
 * platforms and sectors and the last 60 days; their counter rows as signing adds them; then the
 * breakdown released (src/features/stats/releases) and the threshold and milestones recorded
 * (recordProgress), through the app's own functions. Returns the seconds it took.
 * Call after pointAtDatabase(): it imports the app's modules lazily for that reason.
 */
export async function insertSignatures(sql: pg.Pool, petitionId: string, n: number, profile: { cities: readonly string[]; slugs: readonly string[]; sectors: readonly string[] }) {
  const started = Date.now();
  const { cities, slugs, sectors } = profile;
  await sql.query(
    `INSERT INTO "PetitionSignature" (id, "petitionId", nullifier, "withdrawTag", city, "platformSlug", sector, "signedOn")
     SELECT $1 || '-' || i, $1, md5($1 || i), substr(md5('tag' || $1 || i), 1, 22), (${list(cities)})[1 + i % ${cities.length}],
       (${list(slugs)})[1 + i % ${slugs.length}], (${list(sectors)})[1 + i % ${sectors.length}], wv_today() - (i % 60)
     FROM generate_series(1, $2::int) AS i`,
    [petitionId, n],
  );
  await sql.query(
    `INSERT INTO "PetitionTally" ("petitionId", dimension, value, slot, count)
     SELECT $1, d.dimension, d.value, abs(hashtext(s.id)) % 16, count(*) FROM "PetitionSignature" s
     CROSS JOIN LATERAL (VALUES ('total', ''), ('city', s.city), ('platform', s."platformSlug"), ('sector', s.sector)) AS d(dimension, value)
     WHERE s."petitionId" = $1 GROUP BY 1, 2, 3, 4
     ON CONFLICT ("petitionId", dimension, value, slot) DO UPDATE SET count = "PetitionTally".count + EXCLUDED.count`,
    [petitionId],
  );
  // Enough distinct actors for a release (STEP), so the page shows the breakdown of these rows.
  const { STEP } = await import("~/features/stats/releases/rule");
  await sql.query(`INSERT INTO "FigureActor" (kind, "subjectId", actor) SELECT 'petition', $1, md5('actor' || $1 || i) FROM generate_series(1, $2::int) AS i ON CONFLICT DO NOTHING`, [petitionId, STEP]);
  const { releaseIfDue } = await import("~/features/stats/releases/mutations");
  const { recordProgress } = await import("~/features/petitions/signatures/mutations");
  if (!(await releaseIfDue("petition", petitionId))) throw new Error(`the breakdown of ${petitionId} was not released`);
  await recordProgress(petitionId);
  await sql.query(`VACUUM ANALYZE "PetitionSignature"`);
  await sql.query(`VACUUM ANALYZE "PetitionTally"`);
  return (Date.now() - started) / 1000;
}

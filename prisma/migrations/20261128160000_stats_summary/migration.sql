-- CreateEnum
CREATE TYPE "SummaryMeasure" AS ENUM ('HOURS_PER_DAY', 'NET_PER_HOUR');

-- CreateTable
CREATE TABLE "ReportSummary" (
    "platformId" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "sector" "Sector" NOT NULL,
    "month" DATE NOT NULL,
    "n" INTEGER NOT NULL,
    "noContract" INTEGER NOT NULL,
    "noSocialInjury" INTEGER NOT NULL,
    "residentN" INTEGER NOT NULL,
    "residentLowest" INTEGER NOT NULL,
    "over8h" INTEGER NOT NULL,
    "over6d" INTEGER NOT NULL,
    "accident" INTEGER NOT NULL,
    "deactivated" INTEGER NOT NULL,
    "pensionEmployeeFlexible" INTEGER NOT NULL,
    "pensionEmployeeEmployer" INTEGER NOT NULL,
    "pensionResident" INTEGER NOT NULL,
    "pensionNone" INTEGER NOT NULL,
    "pensionUnknown" INTEGER NOT NULL,
    "healthStomach" INTEGER NOT NULL,
    "healthJoints" INTEGER NOT NULL,
    "healthBack" INTEGER NOT NULL,
    "healthHeatCold" INTEGER NOT NULL,
    "healthAnxietyDepression" INTEGER NOT NULL,
    "healthOnlineAbuse" INTEGER NOT NULL,

    CONSTRAINT "ReportSummary_pkey" PRIMARY KEY ("platformId","month","city","sector")
);

-- CreateTable
CREATE TABLE "ReportHistogram" (
    "platformId" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "sector" "Sector" NOT NULL,
    "month" DATE NOT NULL,
    "measure" "SummaryMeasure" NOT NULL,
    "tenths" INTEGER[],
    "counts" INTEGER[],

    CONSTRAINT "ReportHistogram_pkey" PRIMARY KEY ("platformId","month","city","sector","measure")
);

-- CreateTable
CREATE TABLE "ReportSummaryMonth" (
    "month" DATE NOT NULL,

    CONSTRAINT "ReportSummaryMonth_pkey" PRIMARY KEY ("month")
);


-- Everything below keeps the summary exact; Prisma does not manage functions or triggers.
--
-- A month is summarised once ("sealed", by wv_summary_seal, which the statistics call for the
-- closed months they need). From then on every statement that inserts, changes or deletes
-- reports of a sealed month adds its difference to the summary in the same transaction (the
-- statement triggers at the end). Months that are not sealed cost a writer only a shared
-- advisory lock and one index probe: filing reports for the open month stays fast.
--
-- Sealing and writing meet on a per-month advisory lock: writers take it shared (after their
-- rows are written, before they look for the month in "ReportSummaryMonth"), sealing takes it
-- exclusive (before counting). Either the writer holds it first, and the count, which starts
-- only after the writer committed, includes its rows; or sealing holds it first, and the writer
-- then sees the month sealed and adds its rows itself. That check needs a fresh snapshot (READ
-- COMMITTED, the default); a writer in REPEATABLE READ or SERIALIZABLE could miss a seal that
-- committed after its snapshot, so it adds its rows to the summary of every month it touches,
-- and sealing a month first deletes whatever summary rows it had.

CREATE FUNCTION wv_summary_lock_key(m date) RETURNS int LANGUAGE sql IMMUTABLE AS
$$ SELECT (extract(year FROM m) * 12 + extract(month FROM m) - 1)::int $$;

-- First key of the two-key advisory locks: "Report summary month" (unique in this app).
CREATE FUNCTION wv_summary_lock_class() RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT 1381192013 $$;

-- The counting rules, one "ReportSummary" column per condition on a report row r. The query
-- layer (src/features/stats/data.ts) reads the columns; the tests recount them from "Report"
-- with their own conditions.
CREATE FUNCTION wv_summary_counts() RETURNS TABLE (col text, cond text) LANGUAGE sql IMMUTABLE AS $$
  VALUES
    ('n', 'true'),
    ('noContract', $c$r."contract" <> 'LABOUR_CONTRACT'$c$),
    ('noSocialInjury', $c$r."workInjury" <> 'SOCIAL'$c$),
    ('residentN', $c$r."pensionScheme" = 'RESIDENT'$c$),
    ('residentLowest', $c$r."pensionScheme" = 'RESIDENT' AND r."pensionLevel" = 'LOWEST'$c$),
    ('over8h', $c$r."hoursPerDay" > 8$c$),
    ('over6d', $c$r."daysPerWeek" > 6$c$),
    ('accident', $c$r."accident" <> 'NONE'$c$),
    ('deactivated', $c$r."deactivated"$c$),
    ('pensionEmployeeFlexible', $c$r."pensionScheme" = 'EMPLOYEE_FLEXIBLE'$c$),
    ('pensionEmployeeEmployer', $c$r."pensionScheme" = 'EMPLOYEE_EMPLOYER'$c$),
    ('pensionResident', $c$r."pensionScheme" = 'RESIDENT'$c$),
    ('pensionNone', $c$r."pensionScheme" = 'NONE'$c$),
    ('pensionUnknown', $c$r."pensionScheme" = 'UNKNOWN'$c$),
    ('healthStomach', $c$'stomach' = ANY(r."health")$c$),
    ('healthJoints', $c$'joints' = ANY(r."health")$c$),
    ('healthBack', $c$'back' = ANY(r."health")$c$),
    ('healthHeatCold', $c$'heat_cold' = ANY(r."health")$c$),
    ('healthAnxietyDepression', $c$'anxiety_depression' = ANY(r."health")$c$),
    ('healthOnlineAbuse', $c$'online_abuse' = ANY(r."health")$c$)
$$;

-- One statement adding the rows of `source` (columns of "Report" plus "sign": 1 to add, -1 to
-- take away) to the counts and histograms. Differences that cancel out (an edit that changes
-- no counted field, a moderated narrative) write nothing. Rows are upserted in primary key
-- order: concurrent writers lock summary rows in the same order, and sealing appends to the
-- indexes instead of jumping around them.
CREATE FUNCTION wv_summary_delta_sql(source text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  cols text;
  terms text;
  sums text;
  sets text;
  changed text;
BEGIN
  SELECT string_agg(format('%I', col), ', '),
         string_agg(format('CASE WHEN %s THEN r.sign ELSE 0 END AS %I', cond, col), ', '),
         string_agg(format('sum(r.%1$I)::int AS %1$I', col), ', '),
         string_agg(format('%1$I = s.%1$I + EXCLUDED.%1$I', col), ', '),
         string_agg(format('d.%I <> 0', col), ' OR ')
    INTO cols, terms, sums, sets, changed
    FROM wv_summary_counts();
  RETURN format($f$
    WITH r AS MATERIALIZED (
      SELECT r."platformId", r."city", r."sector", r."month", r.sign,
             round(r."hoursPerDay" * 10)::int AS hours, (round(r."netPerHour"::numeric, 1) * 10)::int AS hourly, %2$s
        FROM (%1$s) r
    ),
    counts AS (
      INSERT INTO "ReportSummary" AS s ("platformId", "city", "sector", "month", %3$s)
      SELECT * FROM (SELECT r."platformId", r."city", r."sector", r."month", %4$s FROM r GROUP BY 1, 2, 3, 4) d
      WHERE %6$s
      ORDER BY 1, 4, 2, 3
      ON CONFLICT ("platformId", "month", "city", "sector") DO UPDATE SET %5$s
    ),
    histogram AS (
      INSERT INTO "ReportHistogram" AS s ("platformId", "city", "sector", "month", "measure", "tenths", "counts")
      SELECT d."platformId", d."city", d."sector", d."month", d."measure",
             array_agg(d."tenths" ORDER BY d."tenths"), array_agg(d."count" ORDER BY d."tenths")
      FROM (
        SELECT r."platformId", r."city", r."sector", r."month", 'HOURS_PER_DAY'::"SummaryMeasure" AS "measure",
               r.hours AS "tenths", sum(r.sign)::int AS "count"
          FROM r GROUP BY 1, 2, 3, 4, 5, 6
        UNION ALL
        SELECT r."platformId", r."city", r."sector", r."month", 'NET_PER_HOUR'::"SummaryMeasure", r.hourly, sum(r.sign)::int
          FROM r GROUP BY 1, 2, 3, 4, 5, 6
      ) d
      WHERE d."count" <> 0
      GROUP BY 1, 2, 3, 4, 5
      ORDER BY 1, 4, 2, 3, 5
      ON CONFLICT ("platformId", "month", "city", "sector", "measure") DO UPDATE SET ("tenths", "counts") = (
        SELECT coalesce(array_agg(m.t ORDER BY m.t), '{}'), coalesce(array_agg(m.c ORDER BY m.t), '{}')
          FROM (SELECT u.t, sum(u.c)::int AS c
                  FROM unnest(s."tenths" || EXCLUDED."tenths", s."counts" || EXCLUDED."counts") AS u(t, c)
                 GROUP BY u.t HAVING sum(u.c) <> 0) m
      )
    )
    SELECT 1$f$, source, terms, cols, sums, sets, changed);
END $$;

-- Summarises the months first..last that are not sealed yet, in one pass over their reports;
-- returns how many it sealed. Idempotent and safe to run concurrently (a second caller waits
-- for the first and then finds the months sealed).
CREATE FUNCTION wv_summary_seal(first_month date, last_month date) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  wanted date[];
  months date[];
  m date;
BEGIN
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'wv_summary_seal counts what committed before its locks: it needs READ COMMITTED';
  END IF;
  SELECT array_agg(d::date ORDER BY d) INTO wanted
    FROM generate_series(date_trunc('month', first_month), last_month, interval '1 month') d
   WHERE NOT EXISTS (SELECT 1 FROM "ReportSummaryMonth" s WHERE s."month" = d::date);
  IF wanted IS NULL THEN
    RETURN 0;
  END IF;
  -- In month order, as writers take them, so the two never wait on each other in a cycle.
  FOREACH m IN ARRAY wanted LOOP
    PERFORM pg_advisory_xact_lock(wv_summary_lock_class(), wv_summary_lock_key(m));
  END LOOP;
  -- A fresh look now that no writer of these months is in flight.
  SELECT array_agg(w ORDER BY w) INTO months
    FROM unnest(wanted) w
   WHERE NOT EXISTS (SELECT 1 FROM "ReportSummaryMonth" s WHERE s."month" = w);
  IF months IS NULL THEN
    RETURN 0;
  END IF;
  -- Counting a year of reports at once sorts and hashes far more than the default work_mem,
  -- and JIT compiling this one statement costs more than it saves.
  PERFORM set_config('work_mem', '64MB', true), set_config('jit', 'off', true);
  -- Leftovers (of a month unsealed by hand to rebuild it, or of writers in REPEATABLE READ)
  -- would otherwise be counted twice.
  DELETE FROM "ReportSummary" WHERE "month" = ANY (months);
  DELETE FROM "ReportHistogram" WHERE "month" = ANY (months);
  EXECUTE wv_summary_delta_sql($s$SELECT t.*, 1 AS sign FROM "Report" t WHERE t."month" = ANY ($1)$s$) USING months;
  INSERT INTO "ReportSummaryMonth" ("month") SELECT unnest(months);
  RETURN cardinality(months);
END $$;

CREATE FUNCTION wv_summary_on_report_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  months date[];
  sealed date[];
  m date;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT t."month" ORDER BY t."month") INTO months FROM new_rows t;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT t."month" ORDER BY t."month") INTO months FROM old_rows t;
  ELSE
    SELECT array_agg(DISTINCT t."month" ORDER BY t."month") INTO months
      FROM (SELECT o."month" FROM old_rows o UNION ALL SELECT n."month" FROM new_rows n) t;
  END IF;
  IF months IS NULL THEN
    RETURN NULL;
  END IF;
  -- In month order, as sealing takes them.
  FOREACH m IN ARRAY months LOOP
    PERFORM pg_advisory_xact_lock_shared(wv_summary_lock_class(), wv_summary_lock_key(m));
  END LOOP;
  IF current_setting('transaction_isolation') = 'read committed' THEN
    SELECT array_agg(s."month") INTO sealed FROM "ReportSummaryMonth" s WHERE s."month" = ANY (months);
  ELSE
    sealed := months;
  END IF;
  IF sealed IS NULL THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    EXECUTE wv_summary_delta_sql($s$SELECT t.*, 1 AS sign FROM new_rows t WHERE t."month" = ANY ($1)$s$) USING sealed;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE wv_summary_delta_sql($s$SELECT t.*, -1 AS sign FROM old_rows t WHERE t."month" = ANY ($1)$s$) USING sealed;
  ELSE
    EXECUTE wv_summary_delta_sql($s$SELECT t.*, -1 AS sign FROM old_rows t WHERE t."month" = ANY ($1)
                                  UNION ALL SELECT t.*, 1 AS sign FROM new_rows t WHERE t."month" = ANY ($1)$s$) USING sealed;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Report_summary_insert" AFTER INSERT ON "Report"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION wv_summary_on_report_change();
CREATE TRIGGER "Report_summary_update" AFTER UPDATE ON "Report"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION wv_summary_on_report_change();
CREATE TRIGGER "Report_summary_delete" AFTER DELETE ON "Report"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION wv_summary_on_report_change();

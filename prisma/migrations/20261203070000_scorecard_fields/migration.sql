-- Issue 16 (the fair-work scorecard): the report fields the scorecard needs, its counters in the
-- statistics summary, one more histogram measure, and the minimum wages it scores pay against.

-- CreateEnum
CREATE TYPE "ContractParty" AS ENUM ('PLATFORM', 'SUBCONTRACTOR', 'OUTSOURCING_FIRM', 'NONE', 'UNKNOWN');

-- AlterTable: all nullable, so reports filed before them read as "no data".
ALTER TABLE "Report" ADD COLUMN "activeHoursPerWeek" DOUBLE PRECISION,
ADD COLUMN "costVehicle" INTEGER,
ADD COLUMN "costEnergy" INTEGER,
ADD COLUMN "costPhone" INTEGER,
ADD COLUMN "costEquipment" INTEGER,
ADD COLUMN "costInsurance" INTEGER,
ADD COLUMN "costFees" INTEGER,
ADD COLUMN "contractParty" "ContractParty";

-- AlterEnum (the new value is only used by statements built at run time, after this commits)
ALTER TYPE "SummaryMeasure" ADD VALUE 'NET_AFTER_COSTS_PER_ACTIVE_HOUR';

-- AlterTable
ALTER TABLE "ReportSummary" ADD COLUMN "scorePayData" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "scorePartyAnswered" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "scorePartyIdentified" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "scoreSafetyTraining" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "scoreEquipmentProvided" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "scoreAccidentCovered" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "scoreDeactivatedNoAppeal" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "scorePenaltiesExplained" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "scorePayChangesExplained" INTEGER NOT NULL DEFAULT 0;

-- CreateEnum
CREATE TYPE "WageKind" AS ENUM ('MINIMUM_PART_TIME_HOURLY', 'LIVING_HOURLY');

-- CreateTable
CREATE TABLE "MinimumWage" (
    "id" TEXT NOT NULL DEFAULT wv_random_id(),
    "kind" "WageKind" NOT NULL DEFAULT 'MINIMUM_PART_TIME_HOURLY',
    "city" TEXT NOT NULL,
    "hourlyFen" INTEGER NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "source" TEXT NOT NULL,
    "recordedOn" DATE NOT NULL,

    CONSTRAINT "MinimumWage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MinimumWage_kind_city_effectiveFrom_key" ON "MinimumWage"("kind", "city", "effectiveFrom");

-- Net income after the worker's own costs per active hour, in tenths of a yuan; null without
-- active hours or without any cost answered. A month is 4.33 weeks, as in the form's estimate.
-- The same rule in TypeScript: netAfterCostsTenths, src/features/scorecard/pay.ts.
CREATE FUNCTION wv_net_after_costs_tenths(income int, hours double precision, c1 int, c2 int, c3 int, c4 int, c5 int, c6 int)
RETURNS int LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN hours > 0 AND num_nonnulls(c1, c2, c3, c4, c5, c6) > 0
    THEN round((income - coalesce(c1, 0) - coalesce(c2, 0) - coalesce(c3, 0) - coalesce(c4, 0) - coalesce(c5, 0) - coalesce(c6, 0))::numeric
               / (hours * 4.33)::numeric * 10)::int END
$$;

-- THE SCORECARD'S COUNTERS: one "ReportSummary" column per condition on a report row r, kept
-- equal to SCORECARD_COUNTERS in src/features/scorecard/counters.ts (a test compares them).
-- Whoever replaces wv_summary_counts() keeps the UNION with this function.
CREATE FUNCTION wv_scorecard_counts() RETURNS TABLE (col text, cond text) LANGUAGE sql IMMUTABLE AS $$
  VALUES
    ('scorePayData', $c$wv_net_after_costs_tenths(r."monthlyNetIncome", r."activeHoursPerWeek", r."costVehicle", r."costEnergy", r."costPhone", r."costEquipment", r."costInsurance", r."costFees") IS NOT NULL$c$),
    ('scorePartyAnswered', $c$r."contractParty" IS NOT NULL$c$),
    ('scorePartyIdentified', $c$r."contractParty" IN ('PLATFORM', 'SUBCONTRACTOR', 'OUTSOURCING_FIRM')$c$),
    ('scoreSafetyTraining', $c$r."safetyTraining"$c$),
    ('scoreEquipmentProvided', $c$cardinality(r."equipmentProvided") > 0$c$),
    ('scoreAccidentCovered', $c$r."accident" <> 'NONE' AND r."compensatedBy" IN ('PLATFORM', 'WORK_INJURY_INSURANCE')$c$),
    ('scoreDeactivatedNoAppeal', $c$r."deactivated" AND r."appealPossible" IS NOT TRUE$c$),
    ('scorePenaltiesExplained', $c$r."unexplainedPenalties" = 'NEVER'$c$),
    ('scorePayChangesExplained', $c$r."unexplainedPayChanges" = 'NEVER'$c$)
$$;

CREATE OR REPLACE FUNCTION wv_summary_counts() RETURNS TABLE (col text, cond text) LANGUAGE sql IMMUTABLE AS $$
  SELECT * FROM (VALUES
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
    ('healthOnlineAbuse', $c$'online_abuse' = ANY(r."health")$c$)) base(col, cond)
  UNION ALL
  SELECT * FROM wv_scorecard_counts()
$$;

CREATE OR REPLACE FUNCTION wv_summary_delta_sql(source text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
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
             round(r."hoursPerDay" * 10)::int AS hours, (round(r."netPerHour"::numeric, 1) * 10)::int AS hourly,
             wv_net_after_costs_tenths(r."monthlyNetIncome", r."activeHoursPerWeek", r."costVehicle", r."costEnergy",
                                       r."costPhone", r."costEquipment", r."costInsurance", r."costFees") AS "afterCosts", %2$s
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
        UNION ALL
        SELECT r."platformId", r."city", r."sector", r."month", 'NET_AFTER_COSTS_PER_ACTIVE_HOUR'::"SummaryMeasure", r."afterCosts", sum(r.sign)::int
          FROM r WHERE r."afterCosts" IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6
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

-- Sealed months were counted without these columns and measure: forget them, and the first
-- query that needs a month seals it again with every counter.
DELETE FROM "ReportHistogram";
DELETE FROM "ReportSummary";
DELETE FROM "ReportSummaryMonth";

-- Part-time hourly minimum wages as published, in fen. Only figures whose notice we can name;
-- the other cities have no minimum wage on file until an admin records one (/admin/wages).
INSERT INTO "MinimumWage" ("city", "hourlyFen", "effectiveFrom", "source", "recordedOn") VALUES
  ('beijing', 2640, '2023-09-01', '北京市人力资源和社会保障局《关于调整北京市2023年最低工资标准的通知》', '2026-12-02'),
  ('beijing', 2770, '2024-09-01', '北京市人力资源和社会保障局《关于调整北京市2024年最低工资标准的通知》', '2026-12-02'),
  ('shanghai', 2400, '2023-07-01', '上海市人力资源和社会保障局《关于调整本市最低工资标准的通知》（2023 年）', '2026-12-02'),
  ('guangzhou', 2220, '2021-12-01', '广东省人民政府《关于调整我省最低工资标准的通知》（2021 年）', '2026-12-02'),
  ('chengdu', 2200, '2022-04-01', '四川省人民政府《关于调整全省最低工资标准的通知》（2022 年）', '2026-12-02'),
  ('chongqing', 2100, '2022-04-01', '重庆市人民政府《关于调整重庆市最低工资标准的通知》（2022 年）', '2026-12-02'),
  ('hangzhou', 2200, '2021-08-01', '浙江省人民政府《关于调整全省最低工资标准的通知》（2021 年）', '2026-12-02'),
  ('nanjing', 2200, '2021-08-01', '江苏省人民政府《关于调整全省最低工资标准的通知》（2021 年）', '2026-12-02'),
  ('suzhou', 2200, '2021-08-01', '江苏省人民政府《关于调整全省最低工资标准的通知》（2021 年）', '2026-12-02'),
  ('qingdao', 2100, '2021-10-01', '山东省人民政府《关于公布全省最低工资标准的通知》（2021 年）', '2026-12-02');

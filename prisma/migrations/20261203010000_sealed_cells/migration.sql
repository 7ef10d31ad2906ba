-- The fixed lattice of published condition statistics (issue 12, CONTRIBUTING.md "Statistics
-- from a fixed lattice"): platform x city x sector x calendar quarter. A platform's quarter is
-- sealed once, after the edit window of its last month closed (src/features/stats/lattice.ts):
-- its cells of 5 or more reports are copied here from the month summary, their numerators
-- rounded at random to a multiple of 5 (or n), and never change again. Cells under 5 are not
-- stored at all, so they enter no published sum. Later deletions remove the report row but
-- move nothing here; no trigger touches these tables.

CREATE TABLE "SealedQuarter" (
    "platformId" TEXT NOT NULL,
    "quarter" DATE NOT NULL,

    CONSTRAINT "SealedQuarter_pkey" PRIMARY KEY ("platformId","quarter")
);

CREATE TABLE "SealedCell" (
    "platformId" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "sector" "Sector" NOT NULL,
    "quarter" DATE NOT NULL,
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

    CONSTRAINT "SealedCell_pkey" PRIMARY KEY ("platformId","quarter","city","sector"),
    CONSTRAINT "SealedCell_shown" CHECK ("n" >= 5)
);

CREATE INDEX "SealedCell_quarter_idx" ON "SealedCell"("quarter");

CREATE TABLE "SealedHistogram" (
    "platformId" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "sector" "Sector" NOT NULL,
    "quarter" DATE NOT NULL,
    "measure" "SummaryMeasure" NOT NULL,
    "tenths" INTEGER[],
    "counts" INTEGER[],

    CONSTRAINT "SealedHistogram_pkey" PRIMARY KEY ("platformId","quarter","city","sector","measure")
);

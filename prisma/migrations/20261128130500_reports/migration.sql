-- CreateEnum
CREATE TYPE "ContractKind" AS ENUM ('LABOUR_CONTRACT', 'COOPERATION_AGREEMENT', 'AGENCY', 'NONE', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "InsuranceScheme" AS ENUM ('EMPLOYEE_FLEXIBLE', 'EMPLOYEE_EMPLOYER', 'RESIDENT', 'NONE', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "ContributionLevel" AS ENUM ('LOWEST', 'HIGHER', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "WorkInjuryCover" AS ENUM ('SOCIAL', 'COMMERCIAL_ONLY', 'NONE', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "Coverage" AS ENUM ('YES', 'NO', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "InsurancePayer" AS ENUM ('SELF', 'PLATFORM', 'SHARED', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "AccidentSeverity" AS ENUM ('NONE', 'MINOR', 'TREATED', 'SERIOUS');

-- CreateEnum
CREATE TYPE "Compensator" AS ENUM ('PLATFORM', 'COMMERCIAL_INSURANCE', 'WORK_INJURY_INSURANCE', 'SELF', 'NOBODY');

-- CreateEnum
CREATE TYPE "Frequency" AS ENUM ('NEVER', 'SOMETIMES', 'OFTEN');

-- CreateEnum
CREATE TYPE "NarrativeStatus" AS ENUM ('NONE', 'PENDING', 'APPROVED', 'REJECTED');

-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL,
    "nullifier" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "sector" "Sector" NOT NULL,
    "city" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "filedOn" DATE NOT NULL,
    "updatedOn" DATE NOT NULL,
    "hoursPerDay" DOUBLE PRECISION NOT NULL,
    "daysPerWeek" INTEGER NOT NULL,
    "restDaysLastMonth" INTEGER NOT NULL,
    "paidLeave" BOOLEAN NOT NULL,
    "monthlyNetIncome" INTEGER NOT NULL,
    "netPerHour" DOUBLE PRECISION NOT NULL,
    "deductionsCount" INTEGER NOT NULL,
    "deductionsYuan" INTEGER NOT NULL,
    "deactivated" BOOLEAN NOT NULL,
    "appealPossible" BOOLEAN,
    "contract" "ContractKind" NOT NULL,
    "pensionScheme" "InsuranceScheme" NOT NULL,
    "pensionLevel" "ContributionLevel" NOT NULL,
    "medicalScheme" "InsuranceScheme" NOT NULL,
    "medicalLevel" "ContributionLevel" NOT NULL,
    "workInjury" "WorkInjuryCover" NOT NULL,
    "unemployment" "Coverage" NOT NULL,
    "maternity" "Coverage" NOT NULL,
    "insurancePayer" "InsurancePayer" NOT NULL,
    "accident" "AccidentSeverity" NOT NULL,
    "compensatedBy" "Compensator",
    "safetyTraining" BOOLEAN NOT NULL,
    "equipmentProvided" TEXT[],
    "equipmentBought" TEXT[],
    "health" TEXT[],
    "unreachableDeadlines" "Frequency" NOT NULL,
    "unexplainedPayChanges" "Frequency" NOT NULL,
    "unexplainedPenalties" "Frequency" NOT NULL,
    "narrative" TEXT,
    "narrativeStatus" "NarrativeStatus" NOT NULL DEFAULT 'NONE',

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Report_nullifier_key" ON "Report"("nullifier");

-- CreateIndex
CREATE INDEX "Report_platformId_month_idx" ON "Report"("platformId", "month");

-- CreateIndex
CREATE INDEX "Report_narrativeStatus_idx" ON "Report"("narrativeStatus");

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- CreateEnum
CREATE TYPE "Role" AS ENUM ('WORKER', 'ORGANISER', 'PLATFORM_REP', 'ADMIN');

-- CreateEnum
CREATE TYPE "Sector" AS ENUM ('FOOD_DELIVERY', 'COURIER', 'RIDE_HAILING', 'LIVE_STREAMING', 'ECOMMERCE', 'CUSTOMER_SERVICE', 'DOMESTIC_SERVICE', 'OTHER');

-- CreateTable
CREATE TABLE "Platform" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "sector" "Sector" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Platform_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Union" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Union_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "pseudonym" TEXT NOT NULL,
    "keyLookup" TEXT,
    "username" TEXT,
    "secretHash" TEXT NOT NULL,
    "totpSecret" TEXT,
    "unionId" TEXT,
    "platformId" TEXT,
    "sectors" "Sector"[],
    "platformSlugs" TEXT[],
    "city" TEXT,
    "suspendedAt" TIMESTAMP(3),
    "createdOn" DATE NOT NULL DEFAULT CURRENT_DATE,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Verification" (
    "accountId" TEXT NOT NULL,
    "unionId" TEXT NOT NULL,
    "verifiedOn" DATE NOT NULL DEFAULT CURRENT_DATE,

    CONSTRAINT "Verification_pkey" PRIMARY KEY ("accountId","unionId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Platform_slug_key" ON "Platform"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Union_slug_key" ON "Union"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Account_pseudonym_key" ON "Account"("pseudonym");

-- CreateIndex
CREATE UNIQUE INDEX "Account_keyLookup_key" ON "Account"("keyLookup");

-- CreateIndex
CREATE UNIQUE INDEX "Account_username_key" ON "Account"("username");

-- CreateIndex
CREATE INDEX "Account_role_idx" ON "Account"("role");

-- CreateIndex
CREATE INDEX "Session_accountId_idx" ON "Session"("accountId");

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_unionId_fkey" FOREIGN KEY ("unionId") REFERENCES "Union"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Verification" ADD CONSTRAINT "Verification_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Verification" ADD CONSTRAINT "Verification_unionId_fkey" FOREIGN KEY ("unionId") REFERENCES "Union"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Which union moderates a platform's petitions and report narratives, and petitions to a party
-- outside the portal outside any campaign (scope 'OTHER'). PRIVACY.md P7: organisers moderate
-- their own union's work only; what no union is assigned waits in no queue.
CREATE TABLE "ModerationAssignment" (
    "scope" TEXT NOT NULL,
    "platformId" TEXT,
    "unionId" TEXT NOT NULL,

    CONSTRAINT "ModerationAssignment_pkey" PRIMARY KEY ("scope"),
    CONSTRAINT "ModerationAssignment_scope_check" CHECK (
      ("scope" = 'OTHER' AND "platformId" IS NULL) OR ("scope" <> 'OTHER' AND "platformId" = "scope"))
);

CREATE UNIQUE INDEX "ModerationAssignment_platformId_key" ON "ModerationAssignment"("platformId");
CREATE INDEX "ModerationAssignment_unionId_idx" ON "ModerationAssignment"("unionId");

ALTER TABLE "ModerationAssignment" ADD CONSTRAINT "ModerationAssignment_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ModerationAssignment" ADD CONSTRAINT "ModerationAssignment_unionId_fkey" FOREIGN KEY ("unionId") REFERENCES "Union"("id") ON DELETE CASCADE ON UPDATE CASCADE;

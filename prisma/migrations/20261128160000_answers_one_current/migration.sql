-- At most one current answer per item and party (issue 6). Prisma's schema language has no
-- partial unique index, so it lives only here; saveAnswer also serialises a party's answers
-- with a row lock, and this index makes a lost race fail instead of leaving two current claims.
CREATE UNIQUE INDEX "Answer_one_current_key" ON "Answer"("itemId", "partyId") WHERE "current";

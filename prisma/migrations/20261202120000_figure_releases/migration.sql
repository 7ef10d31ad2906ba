-- Live figures in steps (issue 12): the last release of each stepped figure, and the distinct
-- workers who acted on it since.
CREATE TABLE "FigureRelease" (
    "kind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "cells" JSONB NOT NULL,
    "actors" INTEGER NOT NULL,
    "releasedOn" DATE NOT NULL DEFAULT wv_today(),
    CONSTRAINT "FigureRelease_pkey" PRIMARY KEY ("kind", "subjectId")
);

CREATE TABLE "FigureActor" (
    "kind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    CONSTRAINT "FigureActor_pkey" PRIMARY KEY ("kind", "subjectId", "actor")
);

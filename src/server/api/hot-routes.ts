import { POST as ballots } from "~/app/api/ballots/route";
import { POST as reports } from "~/app/api/reports/route";
import { POST as updateReport } from "~/app/api/reports/update/route";
import { POST as signatures } from "~/app/api/signatures/route";
import { POST as withdraw } from "~/app/api/signatures/withdraw/route";
import { POST as tokenBallot } from "~/app/api/tokens/ballot/route";
import { GET as mePage } from "~/app/api/me/page/route";
import type { PlainHandler } from "~/server/api/plain-handler";

/**
 * The hot writes (and the other write of the same islands: withdrawing, correcting a report)
 * that src/scripts/serve.mjs answers itself, before Next's router, and the one hot read: the
 * personal state of a cached page (GET /api/me/page), fetched with every signed-in page view and
 * after every write. path -> method -> handler, each the plain handler behind the route's
 * Request -> Response (src/server/api/plain-handler.ts); other methods on these paths go to
 * Next. Next serves the same handlers from src/app/api (for `next dev`, other methods, and
 * anyone running `next start`);
 * this map is bundled apart from Next's build, by esbuild, into .hot/handlers.mjs
 * (src/scripts/lib/hot-build.mjs), so serving it needs nothing from Next's internals.
 *
 * What these handlers reach runs outside Next's request context: no cookies(), headers(),
 * after(), draftMode() or connection(); eslint.config.mjs bans them in every module this file
 * reaches. State shared with Next's copy of the same modules (database client, session cache,
 * rate limiters and their address key) lives on globalThis.
 */
export const hotRoutes = {
  "/api/ballots": { POST: ballots.plain },
  "/api/signatures": { POST: signatures.plain },
  "/api/signatures/withdraw": { POST: withdraw.plain },
  "/api/reports": { POST: reports.plain },
  "/api/reports/update": { POST: updateReport.plain },
  "/api/tokens/ballot": { POST: tokenBallot.plain },
  "/api/me/page": { GET: mePage.plain },
} satisfies Record<string, Partial<Record<"GET" | "POST", PlainHandler>>>;

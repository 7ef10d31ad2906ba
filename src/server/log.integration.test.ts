import { format } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { db } from "~/server/db";
import { secrets } from "~/server/secrets";
import { sessionCookieName } from "~/server/auth/cookies";
import type { SessionAccount } from "~/features/accounts/data";
import { openMonths } from "~/features/reports/months";
import { chinaToday } from "~/lib/days";
import { POST as trpcPost } from "~/app/api/trpc/[trpc]/route";
import { POST as submitReport } from "~/app/api/reports/route";
import { errorCodes } from "~/server/log";
import { makePlatform, makeWorker } from "~/test/factories";
import { validReport } from "~/test/report-input";

// Issue 13, part 5 (PRIVACY.md P2: logs carry no row values). PostgreSQL quotes the failing row
// in a check violation's detail and Prisma quotes it in its message; the app must log only the
// error's codes and an incident id, and give the client that id. Real database errors here: a
// CHECK constraint that the distinctive text violates, reached through the HTTP handlers.
const CANARY = "zebracanary";

let output: string[] = [];
beforeEach(() => {
  output = [];
  for (const level of ["error", "warn", "log", "info"] as const) vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void output.push(format(...args)));
});
afterEach(async () => {
  vi.restoreAllMocks();
  // On PostgreSQL the tables are shared with other test files: leave them as they were.
  for (const table of ["Petition", "Report"]) await db.$executeRawUnsafe(`ALTER TABLE "${table}" DROP CONSTRAINT IF EXISTS wv_log_canary`);
});

async function cookieFor(account: SessionAccount) {
  return `${sessionCookieName}=${await encode({ token: { sid: account.sessionId, role: account.role }, secret: secrets.authSecret })}`;
}

const headers = async (account: SessionAccount) => ({ "content-type": "application/json", host: "localhost:3000", cookie: await cookieFor(account) });

describe("logs of database errors", () => {
  it("hold the error's code and an incident id, never the row's values; the client gets the incident", async () => {
    await db.$executeRawUnsafe(`ALTER TABLE "Petition" ADD CONSTRAINT wv_log_canary CHECK (title NOT LIKE '%${CANARY}%') NOT VALID`);
    await db.$executeRawUnsafe(`ALTER TABLE "Report" ADD CONSTRAINT wv_log_canary CHECK (narrative NOT LIKE '%${CANARY}%') NOT VALID`);
    const worker = (await makeWorker()).account;
    const platform = await makePlatform();

    // tRPC: petitions.start with the distinctive title.
    const petition = {
      title: `Pay waiting time ${CANARY}`,
      ask: "Pay riders for every minute they wait beyond five minutes.",
      reason: "We wait twenty minutes for orders and lose income.",
      target: { kind: "PLATFORM", platformId: platform.id },
      durationDays: 90,
    };
    const res = await trpcPost(new Request("http://localhost:3000/api/trpc/petitions.start", { method: "POST", headers: await headers(worker), body: JSON.stringify({ json: petition }) }));
    const body = (await res.json()) as { error: { json: { message: string; data: { appCode: string; incident: string } } } };
    expect(res.status).toBe(500);
    expect(body.error.json.data.appCode).toBe("INTERNAL");
    expect(body.error.json.data.incident).toMatch(/^[0-9a-f]{10}$/);
    expect(JSON.stringify(body)).not.toContain(CANARY);

    // A write route: a report whose narrative is the distinctive text.
    const month = openMonths(chinaToday())[0]!;
    const report = validReport({ platformSlug: platform.slug, month, narrative: `The app docks pay ${CANARY} every week` });
    const res2 = await submitReport(new Request("http://localhost:3000/api/reports", { method: "POST", headers: await headers(worker), body: JSON.stringify(report) }));
    const body2 = (await res2.json()) as { error: { appCode: string; incident: string } };
    expect(res2.status).toBe(500);
    expect(body2.error).toMatchObject({ appCode: "INTERNAL", incident: expect.stringMatching(/^[0-9a-f]{10}$/) });

    const log = output.join("\n");
    expect(log).toContain(`incident ${body.error.json.data.incident}`);
    expect(log).toContain(`incident ${body2.error.incident}`);
    expect(log).toContain("23514"); // check_violation: what an operator needs
    for (const value of [CANARY, worker.accountId, platform.id, "Pay riders", "docks pay", "wv_log_canary"]) expect(log, value).not.toContain(value);
  });

  it("reduce an error to codes and class names", () => {
    const pgError = Object.assign(new Error(`duplicate key value violates unique constraint: Key (nullifier)=(${CANARY})`), { code: "23505", detail: CANARY });
    const prismaLike = Object.assign(new Error(`Invalid invocation ${CANARY}`), { name: "PrismaClientKnownRequestError", code: "P2002", meta: { driverAdapterError: { cause: pgError } }, cause: { kind: "UniqueConstraintViolation", originalCode: "23505", originalMessage: CANARY } });
    expect(errorCodes(prismaLike)).toEqual(["PrismaClientKnownRequestError", "P2002", "23505", "UniqueConstraintViolation", "Error"]);
    expect(errorCodes("a string with ${CANARY}").join(" ")).not.toContain(CANARY);
  });
});

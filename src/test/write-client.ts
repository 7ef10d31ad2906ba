import { encode } from "next-auth/jwt";
import type { SessionAccount } from "~/features/accounts/data";
import type { castBallot as castBallotMutation } from "~/features/ballots/mutations";
import type { signPetition as signMutation, withdrawSignature as withdrawMutation } from "~/features/petitions/signatures/mutations";
import type { submitReport as submitMutation, updateReport as updateMutation } from "~/features/reports/mutations";
import type { ReportInput } from "~/features/reports/schema";
import { sessionCookieName } from "~/server/auth/cookies";
import { secrets } from "~/server/secrets";
import { POST as castBallot } from "~/app/api/ballots/route";
import { POST as submitReport } from "~/app/api/reports/route";
import { POST as updateReport } from "~/app/api/reports/update/route";
import { POST as signPetition } from "~/app/api/signatures/route";
import { POST as withdrawSignature } from "~/app/api/signatures/withdraw/route";

// The hot writes are JSON routes only (src/server/api/hot-routes.ts), no tRPC procedures: tests
// call the route handlers as the islands do, with the account's session cookie.

/** A refused write: `code` (and `cause.code`, as a tRPC error carries it) is the route's appCode. */
export class RefusedWrite extends Error {
  readonly code: string;
  readonly cause: { code: string };
  constructor(
    code: string,
    readonly status: number,
  ) {
    super(code);
    this.code = code;
    this.cause = { code };
  }
}

type Result<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

/** The session cookie header of an account, as its browser sends it ("" when anonymous). */
export async function cookieFor(account: SessionAccount | null) {
  if (!account) return "";
  const token = await encode({ token: { sid: account.sessionId, role: account.role }, secret: secrets.authSecret });
  return `${sessionCookieName}=${token}`;
}

async function send<T>(route: (req: Request) => Promise<Response>, account: SessionAccount | null, input: unknown): Promise<T> {
  const res = await route(
    new Request("http://localhost:3000/api/write", {
      method: "POST",
      headers: { "content-type": "application/json", host: "localhost:3000", origin: "http://localhost:3000", cookie: await cookieFor(account) },
      body: JSON.stringify(input),
    }),
  );
  const json = (await res.json()) as { result?: T; error?: { appCode: string } };
  if (json.error) throw new RefusedWrite(json.error.appCode, res.status);
  return json.result as T;
}

/** The hot writes as this account (or anonymous) sends them, shaped like the old tRPC caller. */
export function writerFor(account: SessionAccount | null) {
  return {
    ballots: { cast: (input: { campaignId: string; demandIds: string[] }) => send<Result<typeof castBallotMutation>>(castBallot, account, input) },
    petitions: {
      sign: (input: { petitionId: string; comment?: string }) => send<Result<typeof signMutation>>(signPetition, account, input),
      withdraw: (input: { petitionId: string }) => send<Result<typeof withdrawMutation>>(withdrawSignature, account, input),
    },
    reports: {
      submit: (input: ReportInput) => send<Result<typeof submitMutation>>(submitReport, account, input),
      update: (input: { id: string; report: ReportInput }) => send<Result<typeof updateMutation>>(updateReport, account, input),
    },
  };
}

import { writeRoute } from "~/server/api/write-route";
import { reportInput } from "~/features/reports/schema";
import { submitReport } from "~/features/reports/mutations";

/** File (or refile) a condition report: the hot write of reports, outside tRPC (see write-route.ts). */
export const POST = writeRoute({
  roles: ["WORKER"],
  input: reportInput,
  limit: "report",
  run: (account, input) => submitReport({ accountId: account.accountId, input }),
});

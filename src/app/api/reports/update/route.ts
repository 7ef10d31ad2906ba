import { writeRoute } from "~/server/api/write-route";
import { updateReportInput } from "~/features/reports/schema";
import { updateReport } from "~/features/reports/mutations";

/** Correct one's own report while its month is open: the report form's other write, beside filing. */
export const POST = writeRoute({
  roles: ["WORKER"],
  input: updateReportInput,
  limit: "report",
  run: (account, input) => updateReport({ accountId: account.accountId, id: input.id, input: input.report }),
});

import { writeRoute } from "~/server/api/write-route";
import { byIdSchema } from "~/features/petitions/schema";
import { withdrawSignature } from "~/features/petitions/signatures/mutations";

/** Withdraw one's signature: the sign panel's other write, on the same transport as signing. */
export const POST = writeRoute({
  roles: ["WORKER"],
  input: byIdSchema,
  limit: "vote",
  run: (account, input) => withdrawSignature(account.accountId, input.petitionId),
});

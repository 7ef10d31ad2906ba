import { writeRoute } from "~/server/api/write-route";
import { signSchema } from "~/features/petitions/schema";
import { signPetition } from "~/features/petitions/signatures/mutations";

/** Sign a petition with one tap: the hot write of a petition, outside tRPC (see write-route.ts). */
export const POST = writeRoute({
  roles: ["WORKER"],
  input: signSchema,
  limit: "vote",
  run: (account, input) => signPetition(account.accountId, input.petitionId, input.comment),
});

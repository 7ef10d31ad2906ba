import { writeRoute } from "~/server/api/write-route";
import { AppError } from "~/lib/app-error";
import { issueTokenSchema } from "~/features/tokens/schema";
import { fromBase64Url } from "~/features/tokens/message";
import { issueToken } from "~/features/tokens/mutations";

/** A verified worker's one blind signature per verified-only campaign (src/features/tokens). */
export const POST = writeRoute({
  roles: ["WORKER"],
  input: issueTokenSchema,
  limit: "redeem",
  run: (account, input) => {
    const blinded = fromBase64Url(input.blindedMsg);
    if (!blinded) throw new AppError("BAD_INPUT");
    return issueToken(account.accountId, input.campaignId, blinded);
  },
});

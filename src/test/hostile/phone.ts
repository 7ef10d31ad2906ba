import { encode } from "next-auth/jwt";
import { secrets } from "~/server/secrets";
import { sessionCookieName } from "~/server/auth/cookies";
import type { SessionAccount } from "~/features/accounts/data";
import { POST as issueRoute } from "~/app/api/tokens/issue/route";
import { POST as ballotRoute } from "~/app/api/tokens/ballot/route";
import { blindToken, finishToken, type HeldToken } from "~/features/tokens/token-client";
import { callerFor } from "~/test/factories";

// What a verified worker's phone does in a verified-only campaign, over the two real routes:
// ask for the page's token status, blind with @cloudflare/blindrsa-ts, have the blinded message
// signed (signed in), unblind, then vote and change the vote with no session at all.

async function post(route: (req: Request) => Promise<Response>, body: unknown, account?: SessionAccount) {
  const cookie = account ? `${sessionCookieName}=${await encode({ token: { sid: account.sessionId, role: account.role }, secret: secrets.authSecret })}` : "";
  const res = await route(
    new Request("http://localhost:3000/api/x", { method: "POST", headers: { "content-type": "application/json", host: "localhost:3000", cookie }, body: JSON.stringify(body) }),
  );
  const json = (await res.json()) as { result?: unknown; error?: { appCode: string } };
  if (!res.ok) throw new Error(`${res.status} ${json.error?.appCode}`);
  return json.result;
}

/** The phone's token for one campaign, and the blinded message the server saw on the way. */
export async function obtainToken(account: SessionAccount, campaignId: string): Promise<{ held: HeldToken; blindedMsg: string }> {
  const status = (await callerFor(account).tokens.status({ campaignId }))!;
  const blinded = await blindToken(status.publicKey, campaignId, status.profile!);
  const { blindSignature } = (await post(issueRoute, { campaignId, blindedMsg: blinded.blindedMsg }, account)) as { blindSignature: string };
  return { held: await finishToken(blinded, blindSignature), blindedMsg: blinded.blindedMsg };
}

/** A token ballot as the page sends it: no cookie, only the token, the phone's secret and the ranking. */
export function castWithToken(held: HeldToken, campaignId: string, demandIds: string[]) {
  return post(ballotRoute, { campaignId, ...held, demandIds });
}

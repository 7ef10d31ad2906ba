import { RSABSSA } from "@cloudflare/blindrsa-ts";
import { postWrite, type PostWriteOptions } from "~/lib/post-write";
import { encodeTokenMessage, fromBase64Url, toBase64Url, type TokenProfile } from "~/features/tokens/message";

// The phone's side of RFC 9474 with @cloudflare/blindrsa-ts and WebCrypto (which needs a secure
// context: https://, or http://localhost). Loaded only by the token panel of a verified-only
// campaign, through a dynamic import, so no other page downloads it.

export type HeldToken = { token: string; signature: string; secret: string };
type Blinded = { prepared: Uint8Array; blindedMsg: string; inv: Uint8Array; publicKey: CryptoKey };

const suite = () => RSABSSA.SHA384.PSS.Randomized();
const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

function importKey(spki: string): Promise<CryptoKey> {
  const der = fromBase64Url(spki);
  if (!der) throw new Error("bad public key");
  return crypto.subtle.importKey("spki", new Uint8Array(der), { name: "RSA-PSS", hash: "SHA-384" }, true, ["verify"]);
}

/** Step 1: a fresh message (campaign, profile, random nonce), prepared and blinded. */
export async function blindToken(publicKeySpki: string, campaignId: string, profile: TokenProfile): Promise<Blinded> {
  const publicKey = await importKey(publicKeySpki);
  const s = suite();
  const prepared = s.prepare(encodeTokenMessage({ campaignId, profile, nonce: toBase64Url(random(32)) }));
  const { blindedMsg, inv } = await s.blind(publicKey, prepared);
  return { prepared, blindedMsg: toBase64Url(blindedMsg), inv, publicKey };
}

/** Step 2: the server's blind signature unblinded and checked; the change secret drawn here. */
export async function finishToken(b: Blinded, blindSignature: string): Promise<HeldToken> {
  const blindSig = fromBase64Url(blindSignature);
  if (!blindSig) throw new Error("bad blind signature");
  const signature = await suite().finalize(b.publicKey, b.prepared, blindSig, b.inv);
  return { token: toBase64Url(b.prepared), signature: toBase64Url(signature), secret: toBase64Url(random(32)) };
}

// The token lives only in this browser's storage: the server cannot issue it again.
const storageKey = (campaignId: string) => `wv-token:${campaignId}`;
export type StoredToken = HeldToken & { ranking?: string[] };

export function loadToken(campaignId: string): StoredToken | null {
  try {
    const raw = localStorage.getItem(storageKey(campaignId));
    return raw ? (JSON.parse(raw) as StoredToken) : null;
  } catch {
    return null;
  }
}

export function saveToken(campaignId: string, token: StoredToken) {
  localStorage.setItem(storageKey(campaignId), JSON.stringify(token));
}

/**
 * The token ballot: no cookie, no session, only the token, its secret and the ranking. Sent
 * again by postWrite after a lost answer; the same token and secret change the same ballot, so
 * a retry counts once.
 */
export function postTokenBallot(body: HeldToken & { campaignId: string; demandIds: string[] }, opts: PostWriteOptions = {}) {
  return postWrite<unknown>("/api/tokens/ballot", body, { ...opts, credentials: "omit" });
}

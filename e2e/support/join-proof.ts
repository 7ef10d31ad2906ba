import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";

/**
 * The input of `accounts.create` over HTTP with its proof of work paid, as the join page pays it
 * (solved here in Node): a fresh challenge from `accounts.challenge`, then its solution.
 */
export async function joinInput(trpcBase: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${trpcBase}/accounts.challenge`, { headers });
  const challenge = ((await res.json()) as { result: { data: { json: Challenge } } }).result.data.json;
  const solution = await solveChallenge({ challenge, deriveKey });
  return { json: { challenge, solution: { counter: solution!.counter, derivedKey: solution!.derivedKey } } };
}

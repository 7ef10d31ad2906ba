// The phone's side of the join proof of work: finds the counter whose SHA-256(salt ‖ nonce ‖
// counter as 4 big-endian bytes) starts with the challenge's key prefix, as altcha-lib's
// "SHA-256" algorithm with cost 1 defines it. WebCrypto only (no library in the page); digests
// are issued in batches, and the loop yields to the event loop between batches, so the page
// stays responsive and can show progress.

/**
 * Proof of work at account creation. The server draws the secret counter from [min, max]; the
 * phone tries counters from 0 up, one SHA-256 each: about max/2 hashes on average, max at worst
 * (README: Account creation and credibility, with the measured times). Challenges expire.
 */
export const JOIN_POW = { minCounter: 500, maxCounter: 5_000, ttlSeconds: 600 } as const;

export type ChallengeLike = { parameters: { nonce: string; salt: string; keyPrefix: string; keyLength: number; cost: number }; signature: string };
export type SolutionLike = { counter: number; derivedKey: string };

const BATCH = 128;

function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

async function derive(subtle: SubtleCrypto, salt: Uint8Array, nonce: Uint8Array, counter: number, cost: number): Promise<Uint8Array<ArrayBuffer>> {
  const input = new Uint8Array(salt.length + nonce.length + 4);
  input.set(salt, 0);
  input.set(nonce, salt.length);
  new DataView(input.buffer).setUint32(salt.length + nonce.length, counter, false);
  let key: Uint8Array<ArrayBuffer> = input;
  for (let i = 0; i < cost; i++) key = new Uint8Array(await subtle.digest("SHA-256", key));
  return key;
}

/**
 * Solves a challenge; `onProgress` gets the counters tried so far. Gives up (returns null)
 * past `maxCounter` tries or when `signal` aborts.
 */
export async function solveChallenge(
  challenge: ChallengeLike,
  opts: { maxCounter: number; onProgress?: (tried: number) => void; signal?: AbortSignal; subtle?: SubtleCrypto },
): Promise<SolutionLike | null> {
  const subtle = opts.subtle ?? globalThis.crypto.subtle;
  const { nonce, salt, keyPrefix, keyLength, cost } = challenge.parameters;
  const saltBytes = fromHex(salt);
  const nonceBytes = fromHex(nonce);
  const prefix = keyPrefix.toLowerCase();
  for (let start = 0; start <= opts.maxCounter; start += BATCH) {
    if (opts.signal?.aborted) return null;
    const counters = Array.from({ length: BATCH }, (_, i) => start + i);
    const keys = await Promise.all(counters.map((c) => derive(subtle, saltBytes, nonceBytes, c, cost)));
    for (let i = 0; i < keys.length; i++) {
      const hex = toHex(keys[i]!.slice(0, keyLength));
      if (hex.startsWith(prefix)) return { counter: counters[i]!, derivedKey: hex };
    }
    opts.onProgress?.(start + BATCH);
    // A macrotask between batches lets the page paint and take taps.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return null;
}

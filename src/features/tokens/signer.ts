import "server-only";
import { constants, createPrivateKey, createPublicKey, generateKeyPair, privateDecrypt, publicEncrypt, type KeyObject } from "node:crypto";
import { promisify } from "node:util";
import { RSABSSA } from "@cloudflare/blindrsa-ts";
import { MODULUS_BYTES } from "~/features/tokens/message";

// The server's side of RFC 9474 (STACK.md): the library prepares, blinds, finalizes and
// verifies; Node's raw RSA does the one private operation (RSASP1), ~1 ms instead of the
// library's ~500 ms of big-integer JavaScript, and the result is checked with the public key
// before it leaves (RFC 9474 section 4.3). No padding or arithmetic is written here.

export const suite = () => RSABSSA.SHA384.PSS.Randomized();

/** A new 2048-bit key pair: SPKI and PKCS#8, both DER. */
export async function newKeyPair(): Promise<{ spki: Buffer; pkcs8: Buffer }> {
  const { publicKey, privateKey } = await promisify(generateKeyPair)("rsa", { modulusLength: MODULUS_BYTES * 8, publicExponent: 65537 });
  return { spki: publicKey.export({ type: "spki", format: "der" }), pkcs8: privateKey.export({ type: "pkcs8", format: "der" }) };
}

/** RSASP1 over a blinded message, or null when it is not a number below the modulus. */
export function signBlinded(pkcs8: Buffer, spki: Buffer, blinded: Uint8Array): Buffer | null {
  if (blinded.length !== MODULUS_BYTES) return null;
  const priv: KeyObject = createPrivateKey({ key: pkcs8, format: "der", type: "pkcs8" });
  const pub: KeyObject = createPublicKey({ key: spki, format: "der", type: "spki" });
  let sig: Buffer;
  try {
    sig = privateDecrypt({ key: priv, padding: constants.RSA_NO_PADDING }, blinded);
  } catch {
    return null; // "data too large for modulus"
  }
  const back = publicEncrypt({ key: pub, padding: constants.RSA_NO_PADDING }, sig);
  if (!back.equals(Buffer.from(blinded))) throw new Error("blind signature failed its check");
  return sig;
}

/** The WebCrypto public key the library verifies with (RSA-PSS, SHA-384). */
export function importVerifyKey(spki: Uint8Array<ArrayBuffer> | Buffer): Promise<CryptoKey> {
  return crypto.subtle.importKey("spki", new Uint8Array(spki), { name: "RSA-PSS", hash: "SHA-384" }, true, ["verify"]);
}

/** RSASSA-PSS verification of a finalized token; any malformed input is simply invalid. */
export async function verifyToken(key: CryptoKey, signature: Uint8Array, prepared: Uint8Array): Promise<boolean> {
  if (signature.length !== MODULUS_BYTES) return false;
  try {
    return await suite().verify(key, signature, prepared);
  } catch {
    return false;
  }
}

import "server-only";
import { createHash, randomBytes } from "node:crypto";

// The session id lives in the signed-in worker's JWT; the database keeps only its SHA-256. The
// id is 192 random bits, so an unkeyed fast hash is enough: nobody can search that space, and
// a dumped hash put into a token is not the id and finds no row.
export const newSessionId = () => randomBytes(24).toString("base64url");
export const hashSessionId = (sessionId: string) => createHash("sha256").update(sessionId).digest("base64url");

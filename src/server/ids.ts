import { randomBytes } from "node:crypto";

/**
 * A new row's id when TypeScript must know it before the insert: 128 random bits as 32 hex
 * characters, the same shape as the database's wv_random_id() (the default of every id column).
 * Never a time-ordered id (cuid v1, UUID v1/v6/v7, ULID): those embed the millisecond (P3).
 */
export const newId = () => randomBytes(16).toString("hex");

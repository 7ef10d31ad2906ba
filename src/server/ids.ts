import { randomFillSync } from "node:crypto";

// Ids come 16 bytes at a time from a block of 256 filled at once by the CSPRNG, as Node's own
// randomUUID() does: a call to randomBytes per id cost 5 µs, most of it the call, not the bytes.
const ID_BYTES = 16;
const block = Buffer.alloc(ID_BYTES * 256);
let offset = block.length;

/**
 * A new row's id when TypeScript must know it before the insert: 128 random bits as 32 hex
 * characters, the same shape as the database's wv_random_id() (the default of every id column).
 * Never a time-ordered id (cuid v1, UUID v1/v6/v7, ULID): those embed the millisecond (P3).
 */
export function newId(): string {
  if (offset === block.length) {
    randomFillSync(block);
    offset = 0;
  }
  const id = block.toString("hex", offset, offset + ID_BYTES);
  offset += ID_BYTES;
  return id;
}

import { z } from "zod";
import { BadQuery } from "~/features/opendata/respond";

// Keyset pagination: a cursor is the sort key (a day) and id of the last row of a page, opaque
// to clients (base64url JSON). Rows inserted meanwhile never shift or repeat a page.

// The id has the shape of our ids: a decoded "\ud800" or NUL reached the query and was a 500
// (found by the fuzzer, issue 14).
const key = z.tuple([z.iso.date(), z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)]);

export type Cursor = { day: Date; id: string };

export function encodeCursor(day: Date, id: string): string {
  return Buffer.from(JSON.stringify([day.toISOString().slice(0, 10), id])).toString("base64url");
}

export function decodeCursor(cursor: string | undefined): Cursor | null {
  if (cursor === undefined) return null;
  try {
    const [ymd, id] = key.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    const day = new Date(`${ymd}T00:00:00Z`);
    if (Number.isNaN(day.getTime())) throw new Error("bad day");
    return { day, id };
  } catch {
    throw new BadQuery([{ path: "cursor", message: "Not a cursor this API gave out" }]);
  }
}

/** Rows after the cursor in (day descending, id ascending) order. */
export function afterCursor<F extends string>(field: F, cursor: Cursor | null) {
  if (!cursor) return {};
  return { OR: [{ [field]: { lt: cursor.day } }, { [field]: cursor.day, id: { gt: cursor.id } }] } as Record<"OR", Record<string, unknown>[]>;
}

/** Cuts the extra row fetched to know whether another page exists. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => Cursor) {
  const more = rows.length > limit;
  const data = more ? rows.slice(0, limit) : rows;
  const last = data.at(-1);
  return { rows: data, nextCursor: more && last ? encodeCursor(keyOf(last).day, keyOf(last).id) : null };
}

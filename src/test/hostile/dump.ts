import { db } from "~/server/db";

// What a hostile reader holds: every row of every table with every column, plus each row's
// transaction id (xmin) and physical position (ctid), read from the catalog so that tables added
// later are read too. A logical dump keeps the physical order; a copy of the data directory adds
// xmin.

export type Column = { name: string; type: string };
export type Row = Record<string, unknown> & { __xmin: string; __ctid: string };
export type Table = { name: string; columns: Column[]; rows: Row[]; accountColumn: string | null };
export type Dump = Map<string, Table>;

/** Tables where a worker's act is stored: the list of P3, plus any table carrying a nullifier. */
export const ACT_TABLES = ["Report", "Ballot", "DemandSupport", "Demand", "DemandRevision", "PetitionSignature", "PetitionSponsor", "Petition", "ItemVerdict"];
const NULLIFIER_COLUMNS = new Set(["nullifier", "proposer", "supporter", "ownerKey"]);

export async function dumpEverything(): Promise<Dump> {
  const columns = await db.$queryRawUnsafe<{ table: string; column: string; type: string }[]>(
    `SELECT table_name AS "table", column_name AS "column", data_type AS "type" FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name NOT LIKE '\\_prisma%' ORDER BY table_name, ordinal_position`,
  );
  // Every table with a foreign key to Account is account-linked, whoever adds it.
  const links = await db.$queryRawUnsafe<{ table: string; column: string }[]>(
    `SELECT rel.relname AS "table", att.attname AS "column" FROM pg_constraint c
     JOIN pg_class rel ON rel.oid = c.conrelid JOIN pg_class ref ON ref.oid = c.confrelid
     JOIN pg_attribute att ON att.attrelid = c.conrelid AND att.attnum = c.conkey[1]
     WHERE c.contype = 'f' AND ref.relname = 'Account' AND rel.relnamespace = ref.relnamespace`,
  );
  const accountColumn = new Map<string, string>([["Account", "id"], ...links.map((l) => [l.table, l.column] as [string, string])]);
  const dump: Dump = new Map();
  for (const c of columns) {
    const t = dump.get(c.table) ?? { name: c.table, columns: [], rows: [], accountColumn: accountColumn.get(c.table) ?? null };
    t.columns.push({ name: c.column, type: c.type });
    dump.set(c.table, t);
  }
  for (const t of dump.values()) {
    t.rows = await db.$queryRawUnsafe<Row[]>(`SELECT xmin::text AS "__xmin", ctid::text AS "__ctid", t.* FROM "${t.name}" t`);
  }
  return dump;
}

export const isActTable = (t: Table) => ACT_TABLES.includes(t.name) || t.columns.some((c) => NULLIFIER_COLUMNS.has(c.name));
export const isAccountLinked = (t: Table) => t.accountColumn !== null;

/** The scalar strings a cell holds (array elements one by one); numbers and booleans carry too little to join on. */
export function strings(value: unknown): string[] {
  if (typeof value === "string") return value === "" ? [] : [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  return [];
}

/** Physical position of a row: ctid "(block,item)" as a sortable pair. */
export function position(row: Row): [number, number] {
  const [block, item] = row.__ctid.replace(/[()]/g, "").split(",").map(Number);
  return [block!, item!];
}

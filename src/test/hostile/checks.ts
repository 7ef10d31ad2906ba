import { isAccountLinked, isActTable, strings, type Dump, type Table } from "./dump";

// The joins of PRIVACY.md P3, tried on a dump. Each check returns its findings (empty = holds),
// so a failing test prints what a hostile reader would have used.

const K = 5;
/** Profile columns on the account side: a rare city x platform x sector is a fingerprint (issue 11, way 1). */
export const PROFILE_COLUMNS = new Set(["Account.city", "Account.platformSlugs", "Account.sectors"]);

function workerIds(dump: Dump) {
  return new Set((dump.get("Account")?.rows ?? []).filter((r) => r.role === "WORKER").map((r) => String(r.id)));
}

/** Primary keys of public entities (campaigns, platforms, unions, answers, ...): joining on them joins to the entity, not to an account. */
function publicEntityIds(dump: Dump) {
  const ids = new Set<string>();
  for (const t of dump.values()) {
    if (isActTable(t) || isAccountLinked(t) || !t.columns.some((c) => c.name === "id")) continue;
    for (const r of t.rows) ids.add(String(r.id));
  }
  return ids;
}

export type JoinFinding = { act: string; linked: string; value: string; candidates: number };

/**
 * Every text value of every act row against every text column of every account-linked table:
 * a match that narrows the worker accounts to 1..4 is a link. Dates are left out on purpose:
 * acts are dated to the day (P3), and a day is shared by everything done on it; order within
 * the day is checked by `sameTransaction` and the xmin/ctid checks.
 */
export function joinFindings(dump: Dump): JoinFinding[] {
  const workers = workerIds(dump);
  const skip = publicEntityIds(dump);
  const index = new Map<string, Map<string, Set<string>>>();
  for (const t of dump.values()) {
    if (!isAccountLinked(t)) continue;
    for (const c of t.columns) {
      const byValue = new Map<string, Set<string>>();
      for (const r of t.rows) {
        const account = String(r[t.accountColumn!]);
        if (!workers.has(account)) continue;
        for (const v of strings(r[c.name])) if (!skip.has(v)) byValue.set(v, (byValue.get(v) ?? new Set()).add(account));
      }
      index.set(`${t.name}.${c.name}`, byValue);
    }
  }
  const found: JoinFinding[] = [];
  for (const t of dump.values()) {
    if (!isActTable(t)) continue;
    for (const r of t.rows)
      for (const c of t.columns)
        for (const v of strings(r[c.name])) {
          if (skip.has(v)) continue;
          for (const [linked, byValue] of index) {
            const n = byValue.get(v)?.size ?? 0;
            if (n > 0 && n < K) found.push({ act: `${t.name}.${c.name}`, linked, value: v, candidates: n });
          }
        }
  }
  return found;
}

// --- ids that tell a time ---------------------------------------------------------------------

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const UUID_EPOCH_OFFSET_MS = 12_219_292_800_000; // 1582-10-15 to 1970-01-01

/** The millisecond a cuid v1, a ULID or a UUID v1/v6/v7 embeds, or null for anything else. */
export function embeddedTime(s: string): { kind: string; ms: number } | null {
  if (/^c[0-9a-z]{24}$/.test(s)) return { kind: "cuid v1", ms: parseInt(s.slice(1, 9), 36) };
  if (/^[0-9A-HJKMNP-TV-Z]{26}$/i.test(s)) {
    const ms = [...s.slice(0, 10).toUpperCase()].reduce((acc, ch) => acc * 32 + CROCKFORD.indexOf(ch), 0);
    return { kind: "ulid", ms };
  }
  const m = /^([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f])([0-9a-f]{3})-?([0-9a-f]{4})-?([0-9a-f]{12})$/i.exec(s);
  if (!m) return null;
  const [, low, mid, version, hi] = m as unknown as string[];
  if (version === "7") return { kind: "uuid v7", ms: parseInt(low! + mid!, 16) };
  if (version === "1") return { kind: "uuid v1", ms: Number((BigInt(`0x${hi}${mid}${low}`) / 10_000n) - BigInt(UUID_EPOCH_OFFSET_MS)) };
  if (version === "6") return { kind: "uuid v6", ms: Number((BigInt(`0x${low}${mid}${hi}`) / 10_000n) - BigInt(UUID_EPOCH_OFFSET_MS)) };
  return null;
}

export type TimeFinding = { where: string; value: string; kind: string };

/**
 * Any value anywhere that decodes to an instant between `from` and `to`. The window keeps a
 * random id (whose bits may happen to look like a version) from being read as a time.
 */
export function timeIdFindings(dump: Dump, from: number, to: number): TimeFinding[] {
  const found: TimeFinding[] = [];
  for (const t of dump.values())
    for (const r of t.rows)
      for (const c of t.columns)
        for (const v of strings(r[c.name])) {
          const time = embeddedTime(v);
          if (time && time.ms >= from && time.ms <= to) found.push({ where: `${t.name}.${c.name}`, value: v, kind: time.kind });
        }
  return found;
}

/** Columns that can hold a time of day in a table beside a worker's account or act (P2, P3). */
export function timestampColumns(dump: Dump): string[] {
  return [...dump.values()]
    .filter((t) => isActTable(t) || isAccountLinked(t))
    .flatMap((t) => t.columns.filter((c) => c.type.startsWith("timestamp") || c.type.startsWith("time ")).map((c) => `${t.name}.${c.name}`));
}

/** Every stored string containing one of `secrets` (account keys, session ids, paper codes, their plain hashes). */
export function secretFindings(dump: Dump, secrets: Map<string, string>): { where: string; secret: string }[] {
  const found: { where: string; secret: string }[] = [];
  for (const t of dump.values())
    for (const r of t.rows)
      for (const c of t.columns)
        for (const v of strings(r[c.name]))
          for (const [name, secret] of secrets) if (v.includes(secret)) found.push({ where: `${t.name}.${c.name}`, secret: name });
  return found;
}

const rowsOf = (dump: Dump, pick: (t: Table) => boolean) => [...dump.values()].filter(pick).flatMap((t) => t.rows.map((r) => ({ table: t.name, row: r })));

/** Act rows written in the same transaction (same xmin) as an account-linked row. */
export function sameTransaction(dump: Dump): { act: string; linked: string }[] {
  const linked = new Map<string, string>();
  for (const { table, row } of rowsOf(dump, isAccountLinked)) linked.set(row.__xmin, table);
  return rowsOf(dump, isActTable)
    .filter(({ row }) => linked.has(row.__xmin))
    .map(({ table, row }) => ({ act: table, linked: linked.get(row.__xmin)! }));
}

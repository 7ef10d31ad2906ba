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

const PROFILE = ["city", "platform", "sector"] as const;

/**
 * The token-to-account join of P6, for the ballots of a verified-only campaign:
 * - an issuance row (`TokenIssue`) holds its keyed claim and the campaign, nothing else: no date
 *   or other non-text column, no text that is not a public id (a token hash, a day as text);
 * - a token ballot holds no value found in any other row of any table, except public ids (the
 *   campaign, its demands) and its profile (next point): not its id, key or change hash, so
 *   nothing joins it to Account, Session, Verification, TokenIssue or another ballot;
 * - its profile is "unknown" in all three dimensions unless at least K of the campaign's token
 *   holders share it (`TokenProfile`);
 * - it shares no transaction id with an issuance row or an account-linked row.
 */
export function tokenFindings(dump: Dump, campaignId: string): string[] {
  const found: string[] = [];
  // Demands are shown on the campaign page: their ids are public, like the campaign's.
  const skip = new Set([...publicEntityIds(dump), ...dump.get("Demand")!.rows.map((d) => String(d.id))]);
  const issue = dump.get("TokenIssue")!;
  for (const c of issue.columns) if (c.type !== "text") found.push(`TokenIssue.${c.name} is ${c.type}`);
  for (const r of issue.rows)
    for (const c of issue.columns)
      if (c.name !== "key") for (const v of strings(r[c.name])) if (!skip.has(v)) found.push(`TokenIssue.${c.name} holds ${v}, not a public id`);

  const tokenBallots = dump.get("Ballot")!.rows.filter((r) => r.campaignId === campaignId);
  if (tokenBallots.length === 0) found.push("no token ballot to read");
  const seen = new Map<string, number>();
  for (const t of dump.values()) for (const r of t.rows) for (const c of t.columns) for (const v of strings(r[c.name])) seen.set(v, (seen.get(v) ?? 0) + 1);
  const holders = new Map((dump.get("TokenProfile")?.rows ?? []).filter((p) => p.campaignId === campaignId).map((p) => [PROFILE.map((d) => p[d]).join("|"), Number(p.holders)]));
  const otherXmins = new Set([...issue.rows, ...rowsOf(dump, isAccountLinked).map((x) => x.row)].map((r) => r.__xmin));
  for (const b of tokenBallots) {
    for (const c of dump.get("Ballot")!.columns) {
      if ((PROFILE as readonly string[]).includes(c.name)) continue;
      for (const v of strings(b[c.name])) if (!skip.has(v) && seen.get(v)! > 1) found.push(`Ballot.${c.name} ${v} occurs elsewhere`);
    }
    const profile = PROFILE.map((d) => String(b[d]));
    if (profile.some((p) => p !== "unknown") && (holders.get(profile.join("|")) ?? 0) < K) found.push(`Ballot profile ${profile.join("|")} has fewer than ${K} token holders`);
    if (otherXmins.has(b.__xmin)) found.push(`Ballot ${String(b.id)} shares a transaction with an issuance or account-linked row`);
  }
  return found;
}

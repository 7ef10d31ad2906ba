import type { Corpus } from "~/lib/pii/corpus/generate";

type Find = (text: string) => { start: number; end: number }[];
export type Score = { recall: number; falseAlarmRate: number; byKind: Record<string, number>; byCategory: Record<string, number>; missed: string[]; alarms: string[] };

/** Recall (every character of the data covered by a find) and false alarms (any find at all). */
export function evaluate(corpus: Corpus, find: Find): Score {
  const byKind: Record<string, [number, number]> = {};
  const byCategory: Record<string, [number, number]> = {};
  const missed: string[] = [];
  const alarms: string[] = [];
  let hits = 0;
  for (const p of corpus.positives) {
    const finds = find(p.text);
    let at = p.start;
    for (const f of finds) if (f.start <= at && f.end > at) at = f.end;
    const ok = at >= p.end;
    const k = (byKind[p.kind] ??= [0, 0]);
    k[0]++;
    if (ok) {
      k[1]++;
      hits++;
    } else missed.push(`${p.kind}: ${p.text}`);
  }
  let raised = 0;
  for (const n of corpus.negatives) {
    const c = (byCategory[n.category] ??= [0, 0]);
    c[0]++;
    if (find(n.text).length === 0) continue;
    c[1]++;
    raised++;
    alarms.push(`${n.category}: ${n.text}`);
  }
  const rate = (r: Record<string, [number, number]>) => Object.fromEntries(Object.entries(r).map(([k, [n, x]]) => [k, x / n]));
  return { recall: hits / corpus.positives.length, falseAlarmRate: raised / corpus.negatives.length, byKind: rate(byKind), byCategory: rate(byCategory), missed, alarms };
}

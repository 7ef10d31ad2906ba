import * as L from "~/lib/pii/corpus/labelled";
import { seeded, type Rng } from "~/lib/pii/corpus/random";
import { SEEN, UNSEEN, type Templates } from "~/lib/pii/corpus/templates";
import { card, idNumber, phone } from "~/lib/pii/corpus/values";

// The scanner's test corpus: every kind P5 names, in each way it is written, inside sentences,
// and ordinary sentences that must come back untouched. Deterministic: same seed, same corpus.

export type Positive = { kind: string; text: string; start: number; end: number };
export type Negative = { category: string; text: string };
export type Corpus = { positives: Positive[]; negatives: Negative[] };

type Gen = (rng: Rng, en: boolean) => L.Written;
const plain = (f: (rng: Rng) => string): Gen => (rng) => {
  const text = f(rng);
  return { text, secret: text };
};
export const KINDS: Record<string, Gen> = {
  phone: plain(phone),
  id: plain(idNumber),
  card: plain(card),
  contact: (rng, en) => (en ? (rng.chance(0.2) ? L.contactLettersOnlyEn(rng) : L.contactEn(rng)) : L.contactZh(rng)),
  address: (rng, en) => (en ? L.addressEn(rng) : L.address(rng)),
  workid: (rng) => (rng.chance(0.25) ? L.streamerId(rng) : L.workId(rng)),
  email: (rng) => L.email(rng),
  plate: (rng) => L.plate(rng),
  order: (rng) => L.order(rng),
};

export const SEEDS = { seen: 17, unseen: 20261201 } as const;

function negativeItem(rng: Rng, t: Templates, category = rng.pick(Object.keys(t.negatives))) {
  return rng.pick(t.negatives[category]!)(rng);
}

function fill(rng: Rng, t: Templates, frame: string) {
  return frame.replace("{money}", String(rng.int(50, 2000)));
}

export function generateCorpus(which: keyof typeof SEEDS, perKind = 300): Corpus {
  const rng = seeded(SEEDS[which]);
  const t = which === "seen" ? SEEN : UNSEEN;
  const positives: Positive[] = [];
  for (const [kind, gen] of Object.entries(KINDS)) {
    for (let i = 0; i < perKind; i++) {
      const en = rng.chance(0.3);
      const frame = fill(rng, t, rng.pick(en ? t.en : t.zh));
      const written = gen(rng, en);
      // Ordinary numbers around the find, so it has to be picked out of them.
      const before = rng.chance(0.4) ? negativeItem(rng, t) + (en ? ", " : "，") : "";
      const after = rng.chance(0.4) ? (en ? ". " : "。") + negativeItem(rng, t) : "";
      const at = frame.indexOf("{v}");
      const text = before + frame.slice(0, at) + written.text + frame.slice(at + 3) + after;
      const start = before.length + at + written.text.indexOf(written.secret);
      positives.push({ kind, text, start, end: start + written.secret.length });
    }
  }
  const negatives: Negative[] = [];
  for (const category of Object.keys(t.negatives)) {
    for (let i = 0; i < perKind; i++) {
      const parts = [negativeItem(rng, t, category)];
      if (rng.chance(0.5)) parts.push(negativeItem(rng, t));
      let text = parts.join(rng.chance(0.5) ? "，" : ", ");
      // Half inside the same sentences the positives use, so no frame raises an alarm by itself.
      if (rng.chance(0.5)) text = fill(rng, t, rng.pick([...t.zh, ...t.en])).replace("{v}", text);
      negatives.push({ category, text });
    }
  }
  return { positives, negatives };
}

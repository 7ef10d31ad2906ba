import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isLuhnValid, isValidResidentId, residentIdCheck } from "~/lib/pii/checks";
import { evaluate } from "~/lib/pii/corpus/evaluate";
import { generateCorpus } from "~/lib/pii/corpus/generate";
import { seeded } from "~/lib/pii/corpus/random";
import { card, cardNumber, idNumber, phone, residentId } from "~/lib/pii/corpus/values";
import { findPii } from "~/lib/pii/scan";

const TODAY = new Date("2026-11-28T00:00:00Z");
const find = (text: string) => findPii(text, TODAY);
const covered = (text: string, value: string) => {
  const start = text.indexOf(value);
  return find(text).some((f) => f.start <= start && f.end >= start + value.length);
};

describe("the generated corpora", () => {
  it.each(["seen", "unseen"] as const)("%s: recall of at least 0.99 per kind and false alarms of at most 0.01", (which) => {
    const corpus = generateCorpus(which);
    expect(corpus.positives.length).toBeGreaterThanOrEqual(2700);
    expect(corpus.negatives.length).toBeGreaterThanOrEqual(3000);
    const score = evaluate(corpus, find);
    for (const [kind, recall] of Object.entries(score.byKind)) expect({ kind, recall }).toEqual({ kind, recall: expect.toSatisfy((r: number) => r >= 0.99) as number });
    expect(score.falseAlarmRate).toBeLessThanOrEqual(0.01);
  });

  it("is the same for the same seed, and the unseen set shares no sentence with the seen one", () => {
    expect(generateCorpus("seen", 20)).toEqual(generateCorpus("seen", 20));
    const seen = new Set(generateCorpus("seen").negatives.map((n) => n.text));
    const unseen = generateCorpus("unseen").negatives.map((n) => n.text);
    expect(unseen.filter((t) => seen.has(t)).length / unseen.length).toBeLessThan(0.05);
  });
});

const seeds = fc.integer({ min: 1, max: 2 ** 31 - 1 });
const filler = fc.string({ unit: fc.constantFrom(..."abc xyz 的了吗，。!?"), maxLength: 30 });

describe("Luhn structure", () => {
  it("a generated card is valid and any one changed digit makes it invalid", () => {
    fc.assert(
      fc.property(seeds, fc.nat(), fc.integer({ min: 1, max: 9 }), (seed, at, delta) => {
        const n = cardNumber(seeded(seed));
        expect(isLuhnValid(n)).toBe(true);
        const i = at % n.length;
        const changed = n.slice(0, i) + String((Number(n[i]) + delta) % 10) + n.slice(i + 1);
        expect(isLuhnValid(changed)).toBe(false);
      }),
    );
  });

  it("the scanner finds a card in any writing between any text", () => {
    fc.assert(fc.property(seeds, filler, filler, (seed, a, b) => void expect(covered(`${a}卡号${card(seeded(seed))}${b}`, card(seeded(seed)))).toBe(true)));
  });
});

describe("MOD 11-2 structure", () => {
  it("a generated ID is valid and any one changed character of it is not", () => {
    fc.assert(
      fc.property(seeds, fc.nat(), fc.integer({ min: 1, max: 9 }), (seed, at, delta) => {
        const id = residentId(seeded(seed));
        expect(isValidResidentId(id, TODAY)).toBe(true);
        const i = at % 17;
        const changed = id.slice(0, i) + String((Number(id[i]) + delta) % 10) + id.slice(i + 1);
        expect(isValidResidentId(changed, TODAY)).toBe(false);
        const wrongCheck = "0123456789X".split("").find((c) => c !== residentIdCheck(id))!;
        expect(isValidResidentId(id.slice(0, 17) + wrongCheck, TODAY)).toBe(false);
      }),
    );
  });

  it("the scanner finds an ID and a phone in any writing between any text", () => {
    fc.assert(
      fc.property(seeds, filler, filler, (seed, a, b) => {
        const id = idNumber(seeded(seed));
        const mobile = phone(seeded(seed + 1));
        expect(covered(`${a}身份证 ${id}，${b}`, id)).toBe(true);
        expect(covered(`${a}电话 ${mobile}，${b}`, mobile)).toBe(true);
      }),
    );
  });
});

it("finds are ordered, disjoint and inside the text for any input", () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom(..."0123456789１８一二三幺零〇 -.xX@a栋单元号室路微信vxQ号：86+"), maxLength: 200 }), (text) => {
      let at = 0;
      for (const f of findPii(text, TODAY)) {
        expect(f.start).toBeGreaterThanOrEqual(at);
        expect(f.end).toBeGreaterThan(f.start);
        at = f.end;
      }
      expect(at).toBeLessThanOrEqual(text.length);
    }),
  );
});

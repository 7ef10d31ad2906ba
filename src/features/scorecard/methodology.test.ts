import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LOCALES, type Locale } from "~/i18n/config";
import { loadMessages } from "~/i18n/messages";
import { Methodology } from "~/features/scorecard/components/methodology";
import { METHOD_VERSION, MIN_DATA_SHARE, MIN_REPORTS, SOURCES, THRESHOLDS, type Threshold } from "~/features/scorecard/method";

// The methodology page against the code (issue 16): every threshold the scorer uses is on the
// page under its id with exactly its percentages, and nothing else on the page claims to be a
// threshold or names a percentage the code does not use.

const render = (locale: Locale, thresholds: readonly Threshold[] = THRESHOLDS) => renderToStaticMarkup(createElement(Methodology, { locale, thresholds }));
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#x27;/g, "'");
const percentsIn = (s: string) => new Set([...text(s).matchAll(/(\d+(?:\.\d+)?)\s?%/g)].map((m) => Number(m[1])));
const pct = (share: number) => Math.round(share * 1000) / 10;

/** Each threshold section's HTML by id, and the HTML outside them. */
function split(html: string) {
  const parts = html.split(/(?=<section[^>]*data-(?:threshold|section)=)|(?=<section[^>]*id="principle-)/);
  const sections = new Map<string, string>();
  const rest: string[] = [];
  for (const part of parts) {
    const id = /^<section[^>]*data-threshold="([^"]+)"/.exec(part)?.[1];
    if (id) sections.set(id, part);
    else rest.push(part);
  }
  return { sections, rest: rest.join("") };
}

/** What is wrong with a rendered page as a description of `thresholds` (empty: it agrees). */
function disagreements(html: string, thresholds: readonly Threshold[]): string[] {
  const found: string[] = [];
  const { sections, rest } = split(html);
  const claimed = [...html.matchAll(/data-threshold="([^"]+)"/g)].map((m) => m[1]);
  if (JSON.stringify(claimed) !== JSON.stringify(thresholds.map((t) => t.id))) found.push(`thresholds on the page ${claimed.join(",")}`);
  for (const th of thresholds) {
    const section = sections.get(th.id);
    if (!section) {
      found.push(`${th.id} missing`);
      continue;
    }
    if (!section.includes(`id="${th.id}"`)) found.push(`${th.id} has no HTML id`);
    const tests = [...section.matchAll(/data-test="([^"]+)"/g)].map((m) => m[1]);
    if (JSON.stringify(tests) !== JSON.stringify(th.tests.map((t) => t.id))) found.push(`${th.id} tests ${tests.join(",")}`);
    const expected = new Set(th.tests.map((t) => pct(t.atLeast)));
    if (th.tests.some((t) => t.newQuestion)) expected.add(pct(MIN_DATA_SHARE));
    const shown = percentsIn(section);
    if ([...expected].sort().join() !== [...shown].sort().join()) found.push(`${th.id} shows ${[...shown].join(",")}% for ${[...expected].join(",")}%`);
    if (!section.includes(`data-source="${th.source}"`)) found.push(`${th.id} does not cite ${th.source}`);
  }
  // Outside the threshold sections the only percentage is the new questions' minimum share.
  const outside = [...percentsIn(rest)].filter((p) => p !== pct(MIN_DATA_SHARE));
  if (outside.length) found.push(`percentages outside thresholds: ${outside.join(",")}`);
  return found;
}

describe("the methodology page", () => {
  for (const locale of LOCALES) {
    it(`lists every threshold the code uses, with its tests, percentages and source (${locale})`, () => {
      const html = render(locale);
      expect(disagreements(html, THRESHOLDS)).toEqual([]);
      const plain = text(html);
      expect(plain).toContain(METHOD_VERSION);
      expect(plain).toContain(String(MIN_REPORTS));
      // A key without a message would show as its path.
      expect(plain).not.toMatch(/scoreMethod\.|\b(test|rationale|source|missing)\.[a-zA-Z]/);
    });
  }

  it("fails when the code changes and the page does not", () => {
    const changed = THRESHOLDS.map((th) => (th.id === "pay.basic" ? { ...th, tests: th.tests.map((t) => ({ ...t, atLeast: 0.6 })) } : th));
    expect(disagreements(render("en"), changed)).toEqual([expect.stringContaining("pay.basic shows")]);
    const fewer = THRESHOLDS.filter((th) => th.id !== "management.advanced");
    expect(disagreements(render("en"), fewer)).toEqual(expect.arrayContaining([expect.stringContaining("thresholds on the page")]));
  });

  it("has words for every test, rationale and source, and no figure of its own, in both locales", () => {
    for (const locale of LOCALES) {
      const m = loadMessages(locale).scoreMethod;
      const words = (group: Record<string, unknown>, key: string) => (group as Record<string, string | undefined>)[key];
      for (const th of THRESHOLDS) {
        expect(words(m.rationale[th.principle], th.level), `${locale} rationale ${th.id}`).toBeTruthy();
        for (const test of th.tests) expect(words(m.test, test.id), `${locale} test ${test.id}`).toMatch(/\{percent\}/);
      }
      for (const s of SOURCES) expect(words(m.source, s), `${locale} source ${s}`).toBeTruthy();
      // Percentages and the k only ever come from method.ts.
      expect(JSON.stringify(m)).not.toMatch(/\d\s*%|percent(?!\})|％/);
    }
  });
});

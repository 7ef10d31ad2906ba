import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { METHOD_VERSION, THRESHOLDS } from "~/features/scorecard/method";
import { scoredPlatform, unscoredPlatform } from "~/features/scorecard/components/fixtures";
import { HistoryCharts } from "~/features/scorecard/components/history-chart";
import { textsFor } from "~/features/scorecard/components/labels";
import { LeagueTable } from "~/features/scorecard/components/league-table";
import { PlatformScorecardSection } from "~/features/scorecard/components/platform-scorecard";

const en = textsFor("en");
const zh = textsFor("zh-CN");
/** The markup, and its text with tags turned into spaces (what a reader sees, in order). */
function html(el: Parameters<typeof renderToStaticMarkup>[0]) {
  const markup = renderToStaticMarkup(el);
  return { markup, text: markup.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ") };
}

const attr = (markup: string, testid: string, name: string) => new RegExp(`data-testid="${testid}"[^>]*${name}="([^"]*)"`).exec(markup)?.[1];

describe("platform scorecard section", () => {
  const { markup, text } = html(createElement(PlatformScorecardSection, { texts: en, card: scoredPlatform }));

  it("shows the total, the quarters and method that made it, the reports and their verified share", () => {
    expect(text).toContain("Score: 7 of 10");
    expect(text).toContain("Sealed quarters 2025-Q4 to 2026-Q3");
    expect(text).toContain(`Method version ${METHOD_VERSION}`);
    expect(text).toContain("Based on 40 reports");
    expect(text).toContain("40% of them from workers verified in person");
    expect(text).toContain("only when a quarter is sealed");
  });

  it("gives every principle's basic and advanced point with a link to its threshold and its figures", () => {
    for (const th of THRESHOLDS) {
      expect(markup).toContain(`href="/scorecard/method#${th.id}"`);
      expect(markup).toContain(`data-testid="point-${th.id}"`);
    }
    expect(attr(markup, "principle-pay", "data-points")).toBe("1");
    expect(attr(markup, "principle-management", "data-points")).toBe("2");
    expect(markup).toContain('href="/platforms/fengniao/conditions"');
    expect(markup).toContain('href="/platforms/fengniao#responses"');
    expect(markup).toContain('href="/platforms/fengniao#commitments"');
  });

  it("shows city x sector scopes, linking to the city's figures, and hides a verified share P4 does not allow", () => {
    expect(text).toContain("Shanghai · Food delivery");
    expect(markup).toContain('href="/platforms/fengniao/conditions#city-shanghai"');
    expect(text).toContain("Share from verified workers: not shown");
  });

  it("says not enough reports instead of a score, never a number", () => {
    const { text: t } = html(createElement(PlatformScorecardSection, { texts: en, card: unscoredPlatform }));
    expect(t).toContain("Score: Not enough reports");
    expect(t).not.toMatch(/\d+ of 10/);
    expect(t).toContain("No sealed quarter yet");
  });

  it("renders in Chinese", () => {
    const { text: t } = html(createElement(PlatformScorecardSection, { texts: zh, card: scoredPlatform }));
    expect(t).toContain("7 / 10 分");
    expect(t).toContain("公平报酬");
  });
});

describe("history chart", () => {
  const { markup, text } = html(createElement(HistoryCharts, { texts: en, card: scoredPlatform }));

  it("draws one SVG per principle with a labelled, linked point per quarter", () => {
    expect(markup.match(/<svg/g)).toHaveLength(5);
    expect(markup).not.toContain("<script");
    expect(attr(markup, "history-point-pay-2026-Q1", "data-points")).toBe("none");
    expect(attr(markup, "history-point-pay-2026-Q2", "data-points")).toBe("0");
    expect(attr(markup, "history-point-pay-2026-Q3", "data-points")).toBe("1");
    expect(markup).toContain('href="#history-2026-Q2"');
    expect(markup).toContain('aria-label="2026-Q1: Not enough reports"');
  });

  it("holds the same figures in a table, newest quarter first", () => {
    expect(markup).toContain('id="history-2026-Q3"');
    expect(text.indexOf("2026-Q3")).toBeLessThan(text.lastIndexOf("2026-Q1"));
    expect(text).toMatch(/2026-Q2 0 points of 2 1 point of 2/);
  });
});

describe("league table", () => {
  it("lists each platform's total or not enough reports, linked to its scorecard", () => {
    const rows = [scoredPlatform, unscoredPlatform];
    const { markup, text } = html(createElement(LeagueTable, { texts: en, rows }));
    expect(markup).toContain('href="/platforms/fengniao#scorecard"');
    expect(text).toMatch(/Fengniao .* 7 of 10/);
    expect(text).toMatch(/Kuaipao .* Not enough reports/);
    expect(attr(markup, "league-fengniao-pay", "data-points")).toBe("1");
  });

  it("says so when no platform has a sealed quarter", () => {
    expect(html(createElement(LeagueTable, { texts: en, rows: [] })).text).toContain("No platform has a sealed quarter yet");
  });
});

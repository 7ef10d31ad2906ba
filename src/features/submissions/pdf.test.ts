import { describe, expect, it } from "vitest";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { renderSubmissionPdf } from "~/features/submissions/pdf";
import { sampleDocument } from "~/test/sample-document";
import { scoredPlatform } from "~/features/scorecard/components/fixtures";
import { toDocumentScorecard } from "~/features/submissions/scorecard";

// The PDF carries Chinese and English as real text: read its text layer back, as a screen
// reader or a search would.
async function textOf(pdf: Buffer) {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(""));
  }
  await doc.destroy();
  return { pages: doc.numPages, text: pages.join("\n").replace(/\s+/g, "") };
}

describe("submission PDF", () => {
  it("is an A4 document whose text layer holds the Chinese and English text", async () => {
    const pdf = await renderSubmissionPdf(sampleDocument(), "ab".repeat(32));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1")).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const { text } = await textOf(pdf);
    for (const s of ["2027外卖骑手集体协商：休息、罚款与封号", "取消超时罚款", "致闪电外卖：请逐项答复。", "Clearrulesforaccountsuspensions", "Telldriverswhy.", "诉求书·Submission", "系统给的时间根本送不到。"]) {
      expect(text).toContain(s);
    }
    // A subset of the font is embedded, not the whole 10 MB of it.
    expect(pdf.length).toBeLessThan(400_000);
  });

  it("prints an included scorecard: total, quarters, method and every point", async () => {
    const doc = sampleDocument({ scorecards: [toDocumentScorecard(scoredPlatform)] });
    const { text } = await textOf(await renderSubmissionPdf(doc, "ab".repeat(32)));
    for (const s of ["蜂鸟的公平劳动评分", "Fair-workscorecardofFengniao", "7/10分", "7of10", "Sealedquarters2025-Q4to2026-Q3", "公平报酬", "(pay.advanced)", "Notmet"]) {
      expect(text).toContain(s);
    }
  });
});

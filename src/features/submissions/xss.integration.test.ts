import { describe, expect, it } from "vitest";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { containsPii } from "~/lib/pii/scan";
import { demandsCsv } from "~/features/submissions/csv";
import { renderSubmissionPdf } from "~/features/submissions/pdf";
import type { SubmissionDocument } from "~/features/submissions/document";
import { db } from "~/server/db";
import { callApi } from "~/test/api-client";
import { makeCampaign } from "~/test/campaign-factories";
import { callerFor, makeWorker } from "~/test/factories";
import { publishedPetition } from "~/test/petition-factories";
import { writerFor } from "~/test/write-client";

// Issue 14, the XSS corpus: classic payloads typed into the texts that are shown again, stored
// through the real procedures, and read back where they are shown: the open-data JSON (data,
// never markup), the submission PDF (text, no script or link actions) and the CSV (formulas
// neutralised). React escapes text on the pages; this checks the exports that bypass React.

export const XSS = [
  "<script>alert('xss')</script>",
  '<img src=x onerror="alert(1)">',
  '<svg onload="alert(1)"><animate onbegin=alert(1)>',
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "javascript:alert(document.cookie)",
  '<a href="jAvAsCrIpT:alert(1)">pay us</a>',
  "<iframe srcdoc='&lt;script&gt;alert(1)&lt;/script&gt;'>",
  '"><body onpageshow=alert(1)>',
  "<scr<script>ipt>alert(1)</scr</script>ipt>",
  "&#60;script&#62;alert(1)&#60;/script&#62; &lt;b&gt;",
  "</textarea><script>alert(1)</script>",
  "{{constructor.constructor('alert(1)')()}}",
];
export const FORMULAS = ["=HYPERLINK(\"http://evil.example\",\"pay\")", "+SUM(A1:A2)", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0"];

async function pdfText(pdf: Buffer) {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) parts.push((await (await doc.getPage(i)).getTextContent()).items.map((it) => ("str" in it ? it.str : "")).join(""));
  await doc.destroy();
  return parts.join("").replace(/\s+/g, "");
}

describe("the XSS corpus", () => {
  it("passes the PII scanner, so it reaches storage and the pages", () => {
    for (const p of [...XSS, ...FORMULAS]) expect(containsPii(p), p).toBe(false);
  });

  it("comes back from the open-data JSON of a petition as the same text, in a JSON answer that renders nothing", async () => {
    const [title, ask, reason, comment] = [XSS[0]!, XSS[1]!.padEnd(12, "."), XSS[2]!, XSS[3]!.slice(0, 280)];
    const p = await publishedPetition({ text: { title, ask, reason } });
    await writerFor((await makeWorker()).account).petitions.sign({ petitionId: p.id, comment });
    const sig = await db.petitionSignature.findFirstOrThrow({ where: { petitionId: p.id, comment: { not: null } }, select: { id: true } });
    await callerFor(p.organiser).petitions.moderateComment({ signatureId: sig.id, decision: "APPROVED" });
    const res = await callApi(`/api/v1/petitions/${p.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const body = res.json();
    expect(JSON.stringify(body)).toContain(JSON.stringify(title).slice(1, -1));
    expect([body.title ?? body.data?.title, body.ask ?? body.data?.ask, body.reason ?? body.data?.reason]).toEqual([title, ask, reason]);
  });

  it("is stored as typed in a published submission, read back as plain text from the PDF, and neutralised in the CSV", async () => {
    const campaign = await makeCampaign({ input: { targetsUnion: true } });
    const organiser = callerFor(campaign.organiser.account);
    for (const [i, t] of [...XSS.slice(4, 8), ...FORMULAS].entries()) {
      const d = await organiser.demands.add({ campaignId: campaign.campaignId, title: t.slice(0, 120).padEnd(3, "."), text: `${XSS[(i + 8) % XSS.length]} demand ${i}`, category: "pay_and_deductions" });
      expect(d.id).toBeTruthy();
    }
    await organiser.campaigns.setPhase({ campaignId: campaign.campaignId, phase: "VOTING" });
    await organiser.campaigns.setPhase({ campaignId: campaign.campaignId, phase: "CLOSED" });
    const coverLetter = XSS.join(" ");
    const published = (await organiser.submissions.publish({ campaignId: campaign.campaignId, coverLetter, responseDays: 30, changelog: XSS[5]!, expectedVersion: 0 })) as { submissionId?: string; id?: string };
    const submissionId = published.submissionId ?? published.id ?? (await db.submission.findFirstOrThrow({ where: { campaignId: campaign.campaignId }, select: { id: true } })).id;
    const version = await db.submissionVersion.findFirstOrThrow({ where: { submissionId }, orderBy: { version: "desc" }, select: { document: true, digest: true } });
    const doc = JSON.parse(version.document) as SubmissionDocument;
    expect(doc.coverLetter).toBe(coverLetter);

    // JSON export: the exact stored bytes, as data.
    const api = await callApi(`/api/v1/submissions/${submissionId}/versions/1`);
    expect(api.status).toBe(200);
    expect(api.headers.get("content-type")).toMatch(/json/);
    expect(api.json().coverLetter).toBe(coverLetter);

    // PDF: the payloads are text in the text layer; the file carries no script or link action.
    const pdf = await renderSubmissionPdf(doc, version.digest);
    const text = await pdfText(pdf);
    for (const p of XSS.slice(0, 4)) expect(text).toContain(p.replace(/\s+/g, ""));
    expect(pdf.toString("latin1")).not.toMatch(/\/(JavaScript|JS|Launch|URI|OpenAction)\b/);

    // CSV: every cell that starts like a formula is prefixed, so no spreadsheet evaluates it.
    for (const lang of ["zh-CN", "en", "both"] as const) {
      const cells = demandsCsv(doc, lang).replace(/^\uFEFF/, "").split(/\r\n/).flatMap((row) => row.match(/"(?:[^"]|"")*"|[^,]+/g) ?? []);
      for (const cell of cells) expect(cell.replace(/^"/, ""), cell).not.toMatch(/^[=+\-@\t\r]/);
      for (const f of FORMULAS) expect(cells).toContain(`"'${f.replace(/"/g, '""')}"`);
    }
  });
});

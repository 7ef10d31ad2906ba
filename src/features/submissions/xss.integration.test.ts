import { describe, expect, it } from "vitest";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { containsPii } from "~/lib/pii/scan";
import { demandsCsv } from "~/features/submissions/csv";
import { renderSubmissionPdf } from "~/features/submissions/pdf";
import type { SubmissionDocument } from "~/features/submissions/document";
import { db } from "~/server/db";
import { callApi } from "~/test/api-client";
import { makeCampaign } from "~/test/campaign-factories";
import { callerFor, makeStaff, makeWorker } from "~/test/factories";
import { publishedPetition } from "~/test/petition-factories";
import { makePublishedSubmission } from "~/test/submission-factories";
import { writerFor } from "~/test/write-client";
import { FORMULAS, XSS } from "~/test/xss-corpus";

// Issue 14, the XSS corpus: classic payloads typed into the texts that are shown again, stored
// through the real procedures, and read back where they are shown: the open-data JSON (data,
// never markup), the submission PDF (text, no script or link actions) and the CSV (formulas
// neutralised). Answers and statements are not in the PDF or CSV (those export the submission as
// published, before anyone answered), so they are checked in the JSON. The rendered pages are
// checked in a real browser by e2e/xss.spec.ts.

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

  it("comes back from the open-data JSON as typed in a platform's answers to a submission and its statement on a petition", async () => {
    // Answers: every payload once, through the platform representative's own procedure.
    const s = await makePublishedSubmission({ demands: XSS.length, platforms: 1, union: false });
    const rep = callerFor(s.platforms[0]!.rep!.account);
    for (const [i, item] of s.items.entries()) {
      await rep.answers.answerAsPlatform({ submissionId: s.submissionId, itemId: item.id, status: "REJECTED", text: `${XSS[i]!} answer ${i}` });
    }
    const api = await callApi(`/api/v1/submissions/${s.submissionId}`);
    expect(api.status).toBe(200);
    expect(api.headers.get("content-type")).toMatch(/^application\/json/);
    expect(api.headers.get("content-security-policy")).toContain("default-src 'none'");
    const items = (api.json() as { items: { rank: number; answers: { current: { text: string } | null }[] }[] }).items.sort((a, b) => a.rank - b.rank);
    expect(items.map((it) => it.answers[0]!.current?.text)).toEqual(XSS.map((x, i) => `${x} answer ${i}`));

    // Statements: the platform's answer to a petition addressed to it, and the delivery note.
    const p = await publishedPetition();
    const statement = XSS.join("\n");
    await callerFor((await makeStaff("PLATFORM_REP", p.platformId)).account).petitions.answer({ petitionId: p.id, text: statement });
    const deliveredTo = XSS[1]!;
    await callerFor(p.organiser).petitions.recordDelivery({ petitionId: p.id, deliveredTo, deliveredOn: "2026-11-30" });
    const res = await callApi(`/api/v1/petitions/${p.id}`);
    expect(res.status).toBe(200);
    const body = res.json() as { response: { text: string } | null; delivered: { to: string } | null };
    expect(body.response?.text).toBe(statement);
    expect(body.delivered?.to).toBe(deliveredTo);
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

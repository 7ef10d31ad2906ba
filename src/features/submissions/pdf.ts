import "server-only";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import { createTranslator } from "use-intl/core";
import { loadMessages } from "~/i18n/messages";
import type { Locale } from "~/i18n/config";
import type { SubmissionDocument } from "~/features/submissions/document";
import { sharePct } from "~/features/verification/credibility";

// The printable A4 export: Chinese and English as real text (a subset of Noto Sans SC is
// embedded, with a ToUnicode map, so the text can be searched, copied and read aloud).
// The font comes from npm (@expo-google-fonts/noto-sans-sc, OFL) so a fresh `npm install`
// machine has it; Debian's fonts-noto-cjk is the fallback, DejaVu the last resort (no CJK).

type Fonts = { body: Buffer | string; bold: Buffer | string; family?: { body: string; bold: string } };

const NPM_FONT = "node_modules/@expo-google-fonts/noto-sans-sc";
const candidates: (() => Fonts | null)[] = [
  () => {
    const dir = path.join(process.cwd(), NPM_FONT);
    const body = path.join(dir, "400Regular/NotoSansSC_400Regular.ttf");
    const bold = path.join(dir, "700Bold/NotoSansSC_700Bold.ttf");
    return existsSync(body) && existsSync(bold) ? { body: readFileSync(body), bold: readFileSync(bold) } : null;
  },
  () => {
    const ttc = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    const boldTtc = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc";
    if (!existsSync(ttc)) return null;
    return { body: ttc, bold: existsSync(boldTtc) ? boldTtc : ttc, family: { body: "NotoSansCJKsc-Regular", bold: existsSync(boldTtc) ? "NotoSansCJKsc-Bold" : "NotoSansCJKsc-Regular" } };
  },
  () => {
    const dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    return existsSync(dejavu) ? { body: dejavu, bold: dejavu } : null;
  },
];

let fonts: Fonts | null | undefined;
function loadFonts(): Fonts | null {
  if (fonts === undefined) {
    fonts = candidates.reduce<Fonts | null>((found, next) => found ?? next(), null);
    if (!fonts?.family && !(fonts?.body instanceof Buffer)) console.warn("submission PDF: no CJK font found; Chinese text will not render");
  }
  return fonts;
}

const tr = (locale: Locale) => createTranslator({ locale, messages: loadMessages(locale) });

/** Renders one published version. Pure function of the stored document and its digest. */
export async function renderSubmissionPdf(doc: SubmissionDocument, digest: string): Promise<Buffer> {
  const zh = tr("zh-CN");
  const en = tr("en");
  const both = (key: string, values?: Record<string, string | number>) => `${zh(key as never, values as never)} · ${en(key as never, values as never)}`;
  const f = loadFonts();
  const pdf = new PDFDocument({ size: "A4", margins: { top: 56, bottom: 64, left: 56, right: 56 }, bufferPages: true, info: { Title: doc.campaign.title, Subject: `${doc.schema} v${doc.submission.version}` }, lang: "zh-CN" });
  const chunks: Buffer[] = [];
  pdf.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  if (f) {
    pdf.registerFont("body", f.body as never, f.family?.body);
    pdf.registerFont("bold", f.bold as never, f.family?.bold);
  }
  const body = (size = 10.5) => pdf.font(f ? "body" : "Helvetica").fontSize(size).fillColor("#1c1917");
  const bold = (size = 12) => pdf.font(f ? "bold" : "Helvetica-Bold").fontSize(size).fillColor("#1c1917");
  const heading = (key: string) => {
    pdf.moveDown(0.8);
    bold(13).text(both(key));
    pdf.moveDown(0.3);
  };
  const para = (text: string, size?: number) => body(size).text(text, { paragraphGap: 4 });
  const hidden = zh("submissions.doc.hidden");
  const n = (v: number | null) => (v === null ? hidden : String(v));
  const pct = (v: number | null) => (v === null ? hidden : `${Math.round(v * 1000) / 10}%`);
  const s = doc.submission;

  bold(18).text(doc.campaign.title);
  body(11).text(both("submissions.pdf.title") + ` · ${doc.campaign.union.nameZh} / ${doc.campaign.union.nameEn}`);
  body(10).text(`${zh("submissions.pdf.version", { version: s.version, date: s.publishedOn })} · ${en("submissions.pdf.version", { version: s.version, date: s.publishedOn })}`);
  body(8.5).text(en("submissions.pdf.digest", { digest }));
  if (s.changelog) para(`${both("submissions.pdf.changelog")}: ${s.changelog}`, 9.5);

  const to = [...doc.campaign.addressees.platforms.map((p) => `${p.nameZh} / ${p.nameEn}`), ...(doc.campaign.addressees.union ? [`${doc.campaign.union.nameZh} / ${doc.campaign.union.nameEn}`] : []), ...(doc.campaign.addressees.government ? [doc.campaign.addressees.government] : [])];
  pdf.moveDown(0.5);
  if (to.length) para(`${both("submissions.doc.to")}: ${to.join("; ")}`);
  para(`${zh("submissions.doc.respondBy", { date: s.respondBy })} · ${en("submissions.doc.respondBy", { date: s.respondBy })}`);
  para(doc.campaign.description, 10);

  heading("submissions.doc.coverLetter");
  para(doc.coverLetter);

  heading("submissions.doc.method");
  for (const key of ["eligibility", "counting", "tieBreak", "counted"] as const) {
    const text = doc.method[key];
    if (!text) continue; // "counted": documents compiled since issue 13 only
    bold(10.5).text(both(`submissions.doc.${key}`));
    para(text.zh, 9.5);
    para(text.en, 9.5);
  }

  heading("submissions.doc.participation");
  const p = doc.participation;
  para(`${both("submissions.doc.ballots")}: ${n(p.ballots)}`);
  para(`${both("submissions.doc.verifiedShare")}: ${p.verifiedShare === null || p.ballots === null ? pct(null) : sharePct(p.verifiedShare, p.ballots, "en")}`);
  para(`${both("submissions.doc.proposed")}: ${p.demandsProposed} · ${both("submissions.doc.approved")}: ${p.demandsApproved}`);

  heading("submissions.doc.demands");
  if (p.ballots === null) para(`${zh("submissions.doc.tooFew")} ${en("submissions.doc.tooFew")}`, 9.5);
  for (const d of doc.demands) {
    bold(11).text(`${d.rank}. #${d.number} ${d.title}`);
    body(9.5).text(`${both("submissions.doc.points")} ${n(d.points)} · ${both("submissions.doc.firsts")} ${n(d.firsts)} · ${both("submissions.doc.share")} ${pct(d.share)} · ${zh(`taxonomy.category.${d.category}` as never)} / ${en(`taxonomy.category.${d.category}` as never)}`);
    para(d.text, 9.5);
  }

  heading("submissions.doc.petitions");
  if (doc.petitions.length === 0) para(`${zh("submissions.doc.noPetitions")} ${en("submissions.doc.noPetitions")}`, 9.5);
  for (const pet of doc.petitions) {
    bold(10.5).text(pet.title);
    para(pet.ask, 9.5);
    body(9.5).text(pet.signatures === null ? both("submissions.doc.fewSignatures") : both("submissions.doc.signatures", { count: pet.signatures }));
    if (pet.verifiedOnly) body(9.5).text(both("submissions.doc.petitionVerifiedOnly"));
    else if (pet.verifiedShare != null && pet.signatures !== null) body(9.5).text(both("submissions.doc.petitionVerifiedShare", { share: sharePct(pet.verifiedShare, pet.signatures, "en") }));
  }

  heading("submissions.doc.conditions");
  const c = doc.conditions;
  if (!c) para(`${zh("submissions.doc.noConditions")} ${en("submissions.doc.noConditions")}`, 9.5);
  else {
    para(`${both("submissions.doc.period", { from: c.period.from, to: c.period.to })} · ${both("submissions.doc.reports", { count: c.reports })}`, 9.5);
    for (const key of ["noContract", "noSocialInjury", "over8h", "over6d", "accident", "deactivated", "residentLowest"] as const) {
      para(`${both(`submissions.doc.m.${key}`)}: ${pct(c.figures[key])}`, 9.5);
    }
    para(`${both("submissions.doc.m.medianHours")}: ${c.figures.medianHours ?? "—"} · ${both("submissions.doc.m.medianHourly")}: ${c.figures.medianHourly ?? "—"}`, 9.5);
  }

  if (doc.quotes.length) {
    heading("submissions.doc.quotes");
    for (const q of doc.quotes) para(`“${q.text}” (${q.month})`, 9.5);
  }

  for (const sc of doc.scorecards ?? []) {
    pdf.moveDown(0.8);
    bold(13).text(`${zh("scorecard.submission.title", { name: sc.platform.nameZh })} · ${en("scorecard.submission.title", { name: sc.platform.nameEn })}`);
    pdf.moveDown(0.3);
    const total = (t: typeof zh) => (sc.total === null ? t("scorecard.notEnough") : t("scorecard.total", { total: sc.total }));
    para(`${both("scorecard.totalLabel")}: ${total(zh)} · ${total(en)}`);
    const quarters = sc.quarters.length ? { from: sc.quarters[sc.quarters.length - 1]!, to: sc.quarters[0]! } : null;
    if (quarters) para(both("scorecard.quarters", quarters), 9.5);
    para(`${both("scorecard.method", { version: sc.methodVersion })} · ${both("scorecard.reports", { count: sc.reports })}`, 9.5);
    if (sc.verifiedShare !== null && sc.reports > 0) para(both("scorecard.verified", { share: sharePct(sc.verifiedShare, sc.reports, "en") }), 9.5);
    for (const pr of sc.principles) {
      const points = (t: typeof zh) => (pr.points === null ? t("scorecard.notEnough") : t("scorecard.points", { points: pr.points }));
      bold(10.5).text(`${both(`scorecard.principle.${pr.principle}`)}: ${points(zh)} · ${points(en)}`);
      for (const level of ["basic", "advanced"] as const) {
        const r = pr[level];
        para(`${both(`scorecard.${level}`)} (${r.threshold}): ${both(`scorecard.status.${r.status}`)}`, 9);
      }
    }
  }

  // Page numbers once the page count is known.
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    body(8).text(`${zh("submissions.pdf.page", { page: i + 1 })} · ${en("submissions.pdf.page", { page: i + 1 })} · ${digest.slice(0, 16)}…`, 56, pdf.page.height - 40, { width: pdf.page.width - 112, align: "center", lineBreak: false });
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
  return done;
}

// Versions are immutable, so a rendered PDF stays valid forever: keep the most recent ones.
const CACHE_SIZE = 64;
const g = globalThis as unknown as { wvPdfCache?: Map<string, Promise<Buffer>> };
const cache = (g.wvPdfCache ??= new Map());

export function cachedSubmissionPdf(key: string, render: () => Promise<Buffer>): Promise<Buffer> {
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const made = render().catch((err: unknown) => {
    cache.delete(key);
    throw err;
  });
  cache.set(key, made);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return made;
}

import { createTranslator } from "use-intl/core";
import type { Locale } from "~/i18n/config";
import { loadMessages } from "~/i18n/messages";
import type { SubmissionDocument } from "~/features/submissions/document";

// The demand table of a published version as CSV for spreadsheets. Cells are attacker-shaped
// text (demand titles come from workers), so formula injection is neutralised per the OWASP
// CSV Injection guidance: a cell starting with = + - @ tab or carriage return gets a leading
// single quote, and every text cell is quoted with inner quotes doubled. UTF-8 with a BOM so
// Excel reads Chinese correctly; CRLF line ends (RFC 4180).

export type CsvLang = Locale | "both";

const FORMULA_START = /^[=+\-@\t\r\n]/;

/** A text cell that no spreadsheet will evaluate. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(value: string | number | null): string {
  if (typeof value === "number") return String(value);
  return `"${neutralise(value ?? "").replace(/"/g, '""')}"`;
}

export function csvRows(rows: (string | number | null)[][]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

const COLUMNS = ["rank", "number", "title", "text", "category", "points", "firsts", "includes", "share"] as const;

export function demandsCsv(doc: SubmissionDocument, lang: CsvLang): string {
  const t = (locale: Locale) => createTranslator({ locale, messages: loadMessages(locale) });
  const zh = t("zh-CN");
  const en = t("en");
  const label = (key: string) => {
    if (lang === "both") return `${zh(key as never)} / ${en(key as never)}`;
    return (lang === "en" ? en : zh)(key as never);
  };
  const header = COLUMNS.map((c) => label(`submissions.csv.${c}`) + (c === "share" ? " (%)" : ""));
  const hidden = label("submissions.csv.hidden");
  const num = (v: number | null) => (v === null ? hidden : v);
  const rows = doc.demands.map((d) => [
    d.rank,
    d.number,
    d.title,
    d.text,
    label(`taxonomy.category.${d.category}`),
    num(d.points),
    num(d.firsts),
    num(d.includes),
    d.share === null ? hidden : Math.round(d.share * 1000) / 10,
  ]);
  return csvRows([header, ...rows]);
}

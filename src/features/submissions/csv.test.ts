import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { csvCell, csvRows, neutralise } from "~/features/submissions/csv";

/** A minimal RFC 4180 reader, to check that what we write reads back cell for cell. */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && c === '"') {
      quoted = false;
    } else if (quoted) {
      cell += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      rows.push([...row, cell]);
      row = [];
      cell = "";
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

describe("CSV export", () => {
  it("neutralises every cell that starts with = + - @ tab or CR", () => {
    for (const bad of ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "=cmd|'/c calc'!A0"]) {
      expect(neutralise(bad)).toBe(`'${bad}`);
      expect(csvCell(bad).startsWith(`"'`)).toBe(true);
    }
    for (const fine of ["取消超时罚款", "Pay waiting time", "5 points", "'quoted"]) expect(neutralise(fine)).toBe(fine);
  });

  it("quotes cells so commas, quotes and line breaks stay inside them, and starts with a BOM", () => {
    const text = csvRows([["a,b", 'say "hi"', "line\nbreak", 5, null]]);
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(parse(text.slice(1))).toEqual([["a,b", 'say "hi"', "line\nbreak", "5", ""]]);
  });

  it("never lets a text cell begin with a formula character, whatever the text", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme", maxLength: 30 }), { minLength: 1, maxLength: 6 }), (cells) => {
        const back = parse(csvRows([cells]).slice(1))[0]!;
        expect(back).toHaveLength(cells.length);
        back.forEach((cell, i) => {
          expect(cell).toMatch(/^(?![=+\-@\t\r\n])/);
          expect(cell === cells[i] || cell === `'${cells[i]}`).toBe(true);
        });
      }),
    );
  });
});

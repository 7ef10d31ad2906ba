import { describe, expect, it } from "vitest";
import { changelogRequired, submissionStatus } from "~/features/submissions/policy";

const day = (s: string) => new Date(`${s}T00:00:00Z`);

describe("submission rules", () => {
  it("asks a changelog from version 2 on", () => {
    expect(changelogRequired(1)).toBe(false);
    expect(changelogRequired(2)).toBe(true);
  });

  it("says answered, awaiting or overdue from the parties and the response clock", () => {
    const by = day("2026-12-28");
    expect(submissionStatus([{ completedOn: day("2026-12-01") }, { completedOn: day("2026-12-02") }], by, day("2027-01-10"))).toBe("answered");
    expect(submissionStatus([{ completedOn: day("2026-12-01") }, { completedOn: null }], by, day("2026-12-28"))).toBe("awaiting");
    expect(submissionStatus([{ completedOn: null }], by, day("2026-12-29"))).toBe("overdue");
    expect(submissionStatus([], by, day("2026-12-01"))).toBe("awaiting");
  });
});

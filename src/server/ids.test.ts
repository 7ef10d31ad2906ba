import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { embeddedTime } from "~/test/hostile/checks";
import { newId } from "~/server/ids";

// Issue 11, way 2: no time-ordered id comes back, from a schema default or from code.
const root = path.resolve(import.meta.dirname, "..", "..");
const filesUnder = (dir: string, ext: RegExp): string[] =>
  readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && ext.test(d.name))
    .map((d) => path.join(d.parentPath, d.name))
    .filter((f) => !f.includes(`${path.sep}generated${path.sep}`));

describe("ids", () => {
  it("every id default in the schema is wv_random_id(), never cuid(), uuid() or ulid()", () => {
    const offending = filesUnder("prisma/schema", /\.prisma$/).flatMap((f) =>
      readFileSync(f, "utf8").split("\n").filter((l) => /@default\((cuid|uuid|ulid|nanoid)\(/.test(l)).map((l) => `${path.basename(f)}: ${l.trim()}`),
    );
    expect(offending).toEqual([]);
  });

  it("no source makes a time-ordered id (cuid v1, uuid v1/v6/v7, ulid, ObjectId)", () => {
    const pattern = /\b(cuid\(|createId\(|uuidv[167]\(|v[167] as uuid|ulid\(|monotonicFactory|ObjectId\(|gen_random_uuid_v7|uuidv7\()/;
    const offending = filesUnder("src", /\.(ts|tsx|js|mjs)$/)
      // Tests may make cuids on purpose (the re-keying test builds a legacy database).
      .filter((f) => !/\.test\.ts$/.test(f))
      .filter((f) => pattern.test(readFileSync(f, "utf8")))
      .map((f) => path.relative(root, f));
    expect(offending).toEqual([]);
  });

  it("newId is 128 random bits that decode to no time", () => {
    const ids = Array.from({ length: 1000 }, newId);
    expect(new Set(ids).size).toBe(1000);
    expect(ids.filter((id) => !/^[0-9a-f]{32}$/.test(id))).toEqual([]);
    // Some random ids look like a UUID version by chance; none decodes to a time near now.
    expect(ids.filter((id) => Math.abs((embeddedTime(id)?.ms ?? 0) - Date.now()) < 86_400_000)).toEqual([]);
  });
});

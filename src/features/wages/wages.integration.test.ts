import { describe, expect, it } from "vitest";
import { callerFor, makeStaff, makeWorker } from "~/test/factories";

describe("minimum wages on file", () => {
  it("ship with cited figures, keep their history, and only admins add to them", async () => {
    const admin = callerFor((await makeStaff("ADMIN")).account);
    const before = await callerFor(null).wages.list();
    const beijing = before.filter((w) => w.city === "beijing" && w.kind === "MINIMUM_PART_TIME_HOURLY");
    expect(beijing.map((w) => [w.effectiveFrom, w.hourlyFen])).toEqual(expect.arrayContaining([["2023-09-01", 2640], ["2024-09-01", 2770]]));
    expect(before.every((w) => w.source.length > 4)).toBe(true);
    expect(before.some((w) => w.city === "other")).toBe(false);

    // A day of its own, so reruns on a shared database do not collide.
    const day = `${2100 + Math.floor(Math.random() * 800)}-0${1 + Math.floor(Math.random() * 9)}-01`;
    const input = { kind: "MINIMUM_PART_TIME_HOURLY" as const, city: "kunming", hourlyYuan: 19.5, effectiveFrom: day, source: "Test notice of the provincial government" };
    await expect(callerFor((await makeWorker()).account).wages.add(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await admin.wages.add(input);
    await expect(admin.wages.add({ ...input, hourlyYuan: 20 })).rejects.toThrow();
    await expect(admin.wages.add({ ...input, city: "other" })).rejects.toThrow();
    const after = await callerFor(null).wages.list();
    expect(after.filter((w) => w.city === "kunming" && w.effectiveFrom === day).map((w) => w.hourlyFen)).toEqual([1950]);
  });
});

describe("the shipped figures and refused input", () => {
  it("name their notice: the issuing government or bureau and the notice's title", async () => {
    // Tests record figures from the year 2100 on; the migration shipped the rest.
    const shipped = (await callerFor(null).wages.list()).filter((w) => w.effectiveFrom < "2100");
    expect(shipped.length).toBeGreaterThan(0);
    for (const w of shipped) {
      expect(w.source, w.city).toMatch(/^(.+人民政府|.+人力资源和社会保障局)《关于.+最低工资标准的通知》/);
      expect(w.kind).toBe("MINIMUM_PART_TIME_HOURLY");
    }
  });

  it("stores nothing for a refused figure", async () => {
    const admin = callerFor((await makeStaff("ADMIN")).account);
    const good = { kind: "MINIMUM_PART_TIME_HOURLY" as const, city: "xian", hourlyYuan: 19, effectiveFrom: "2101-02-01", source: "陕西省人民政府《关于调整全省最低工资标准的通知》" };
    const before = (await admin.wages.list()).length;
    for (const bad of [
      { ...good, hourlyYuan: 0.5 },
      { ...good, hourlyYuan: 19.001 },
      { ...good, effectiveFrom: "2101-02-30" },
      { ...good, source: "  x " },
      { ...good, city: "other" },
      { ...good, kind: "LIVING" },
      { ...good, recordedOn: "2026-01-01" },
    ]) {
      await expect(admin.wages.add(bad as never), JSON.stringify(bad)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    expect((await admin.wages.list()).length).toBe(before);
  });
});

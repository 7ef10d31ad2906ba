import { createHash } from "node:crypto";
import { expect, test } from "./support/fixtures";
import { DEMO, signInAsStaff } from "./support/accounts";

// Issue 6 on a phone: the organiser compiles the seeded closed ride-hailing campaign, previews
// it, writes a cover letter and publishes; the public page shows the digest, and the SHA-256 of
// the JSON export, recomputed here, equals it.

const CAMPAIGN = "网约车司机 2026 春季协商（已结束）";

test.describe("compiling and publishing a submission", () => {
  test("organiser previews, writes a cover letter, publishes; the export re-hashes to the page's digest", async ({ page }) => {
    test.setTimeout(180_000);
    await signInAsStaff(page, DEMO.organiser);
    await expect(page).toHaveURL(/\/organiser$/);
    await page.getByRole("link", { name: "诉求书" }).click();
    await expect(page).toHaveURL(/\/organiser\/submissions$/);
    await page.getByRole("link", { name: CAMPAIGN }).click();
    await expect(page).toHaveURL(/\/organiser\/submissions\/[a-z0-9]+$/);

    // The live preview is the compiled document: tally, participation, method.
    const preview = page.getByTestId("submission-preview");
    await expect(preview.getByTestId("participation-ballots")).toHaveText("90");
    await expect(preview.getByTestId("submission-demand")).toHaveCount(3);
    await expect(preview).toContainText("排名规则：首选得 5 分");

    const letter = `致各方：以下是网约车司机排序的诉求，请逐项答复。${Date.now().toString(36)}`;
    await page.getByLabel("致函", { exact: true }).fill("请联系 13812345678");
    await expect(page.getByRole("button", { name: "发布第 1 版" })).toBeDisabled();
    await page.getByLabel("致函", { exact: true }).fill(letter);
    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect(page.getByText("草稿已保存，下方预览已更新。")).toBeVisible();
    await expect(preview.getByTestId("cover-letter")).toHaveText(letter);

    await page.getByRole("button", { name: "发布第 1 版" }).click();
    await expect(page.getByText("已发布第 1 版。")).toBeVisible();
    await expect(page.getByRole("button", { name: "发布更正（第 2 版）" })).toBeVisible();
    await expect(page.getByTestId("version-list")).toContainText("首次发布");

    await page.getByRole("link", { name: "查看公开页面" }).click();
    await expect(page).toHaveURL(/\/submissions\/[a-z0-9]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(CAMPAIGN);
    await expect(page.getByTestId("cover-letter")).toHaveText(letter);
    const digest = (await page.getByTestId("submission-digest").textContent())!.trim();
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    await expect(page.getByText(/sha256sum submission\.json/)).toBeVisible();

    const href = (await page.getByTestId("export-json").getAttribute("href"))!;
    const res = await page.request.get(href);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/json; charset=utf-8");
    expect(res.headers()["etag"]).toBe(`"${digest}"`);
    const body = await res.body();
    expect(createHash("sha256").update(body).digest("hex")).toBe(digest);
    expect(JSON.parse(body.toString("utf8")).coverLetter).toBe(letter);

    const csv = await page.request.get(href.replace("submission.json", "demands.csv"));
    expect((await csv.body()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const pdf = await page.request.get(href.replace("submission.json", "submission.pdf"));
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

    await page.getByRole("link", { name: "全部诉求书" }).click();
    await expect(page.getByTestId("submission-card").filter({ hasText: CAMPAIGN })).toContainText("等待答复");
  });
});

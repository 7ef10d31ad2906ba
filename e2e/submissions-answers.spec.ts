import type { Browser } from "@playwright/test";
import { expect, expectAccessible, test } from "./support/fixtures";
import { DEMO, joinAsWorker, signInAsStaff, signInWithKey } from "./support/accounts";
import { watchNoReload } from "./support/no-reload";

// Issue 6, answers and verdicts, on a 360-px phone. The e2e server publishes two submissions of
// the demo union before the app starts (src/test/e2e-submissions.ts): one for FlashEats to
// answer now, and one whose commitment date has passed, which the deadline sweep at start opens
// to verdicts. The public demo worker follows both.
const ANSWERS = "E2E 回应测试：骑手保险与休息";
const VERDICTS = "E2E 评价测试：高温补贴";

async function phone(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "zh-CN", userAgent: test.info().project.use.userAgent });
  return context.newPage();
}

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

test.describe("submission answers", () => {
  test("a platform answers item by item; a worker reads it, gets the notices and judges a past commitment; another platform is refused", async ({ page, browser }) => {
    // The FlashEats representative signs in with password and TOTP and opens the inbox.
    await signInAsStaff(page, DEMO.reps.flasheats);
    await page.getByRole("link", { name: "待回应的诉求书" }).click();
    const entry = page.getByTestId("inbox-submission").filter({ hasText: ANSWERS });
    await expect(entry).toContainText("距回应截止还有 30 天");
    await expect(entry).toContainText("已回应 0 / 3 项诉求");
    await expect(page.getByTestId("inbox-submission").filter({ hasText: VERDICTS })).toContainText("逾期");
    await entry.getByRole("link", { name: `逐项回应：${ANSWERS}` }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`回应：${ANSWERS}`);
    const submissionId = new URL(page.url()).pathname.split("/").pop()!;

    const item = (n: number) => page.getByTestId("desk-item").nth(n);
    // Demand 1 first under negotiation, then accepted with a date: the first answer is kept as an earlier one.
    await item(0).getByLabel("协商中").check();
    await item(0).getByLabel("说明（将公开）").fill("我们正在和工会商量具体方案。");
    const answering = await watchNoReload(page);
    await item(0).getByRole("button", { name: "公开这条回应" }).click();
    await expect(item(0)).toContainText("当前回应");
    // The desk asks its own query again (issue 15), not the page.
    await expect.poll(() => answering.fetched).toContain("GET /api/trpc/answers.platformDesk");
    expect(await answering.end()).toEqual(["POST /api/trpc/answers.answerAsPlatform", "GET /api/trpc/answers.platformDesk"]);
    await item(0).getByLabel("接受", { exact: true }).check();
    await item(0).getByLabel("说明（将公开）").fill("下季度起为全部骑手缴纳工伤保险。");
    await item(0).getByLabel("完成日期").fill(inDays(60));
    await item(0).getByRole("button", { name: "公开这条回应" }).click();
    await expect(item(0).getByText("以前的回应（1）")).toBeVisible();
    await item(1).getByLabel("拒绝").check();
    await item(1).getByLabel("说明（将公开）").fill("休息日安排由骑手自行决定。");
    await item(1).getByRole("button", { name: "公开这条回应" }).click();
    await expect(page.getByTestId("clock")).toContainText("已回应 2 / 3 项诉求");
    const itemId = (await item(0).locator("textarea").getAttribute("id"))!.replace(/^answer-/, "").replace(/-text$/, "");
    await expectAccessible(page, "answer desk");

    // A representative of another platform sees nothing and the server refuses them both ways.
    const other = await phone(browser);
    await signInAsStaff(other, DEMO.reps.swiftparcel);
    await expect(other).toHaveURL(/\/platform$/);
    await other.goto("/platform/submissions");
    await expect(other.getByRole("heading", { level: 1 })).toHaveText("待回应的诉求书");
    await expect(other.getByTestId("inbox-submission").filter({ hasText: ANSWERS })).toHaveCount(0);
    const desk = await other.goto(`/platform/submissions/${submissionId}`);
    expect(desk?.status()).toBe(404);
    const read = await other.request.get(`/api/trpc/answers.platformDesk?input=${encodeURIComponent(JSON.stringify({ json: { submissionId } }))}`);
    expect(read.status()).toBe(404);
    const write = await other.request.post("/api/trpc/answers.answerAsPlatform", {
      data: { json: { submissionId, itemId, status: "REJECTED", text: "冒充闪电外卖的回应。" } },
    });
    expect(write.status()).toBe(404);
    expect((await write.json()).error.json.data.appCode).toBe("NOT_FOUND");
    await other.close();

    // The demo worker (follower of both campaigns) was told, and reads the answers on the phone.
    const worker = await phone(browser);
    await signInWithKey(worker, DEMO.worker.key);
    await expect(worker).toHaveURL(/\/me$/);
    await worker.goto("/notifications");
    const notices = worker.getByTestId("notifications");
    await expect(notices).toContainText(`收到新的回应：${ANSWERS}`);
    await expect(notices).toContainText(`回应期限已过，仍有诉求未获回应：${VERDICTS}`);
    await expect(notices).toContainText(`承诺日期已过，做到了吗？${VERDICTS}`);
    await notices.getByRole("link", { name: `收到新的回应：${ANSWERS}` }).first().click();
    await expect(worker).toHaveURL(new RegExp(`/submissions/${submissionId}/answers$`));
    const first = worker.getByTestId("answer-item").first();
    await expect(first).toContainText("闪电外卖的说法");
    await expect(first).toContainText("接受");
    await expect(first).toContainText("下季度起为全部骑手缴纳工伤保险。");
    await expect(first).toContainText("之后，劳动者会被问到这项承诺是否做到");
    await expect(worker.getByTestId("timeline")).toContainText("以前的立场");
    await expect(worker.getByTestId("timeline")).toContainText("我们正在和工会商量具体方案。");
    await expect(worker.getByTestId("party-clock").first()).toContainText("已回应 2 / 3 项诉求");
    await expectAccessible(worker, "answers page");

    // The commitment whose date has passed: the worker is asked, answers, and can change it.
    await worker.goto("/notifications");
    await notices.getByRole("link", { name: `承诺日期已过，做到了吗？${VERDICTS}` }).click();
    await expect(worker.getByRole("heading", { level: 1 })).toHaveText(`回应：${VERDICTS}`);
    await expect(worker.getByTestId("party-clock")).toContainText("逾期");
    const judged = worker.getByTestId("answer-item").filter({ hasText: "高温天气每单补贴" });
    await expect(judged).toContainText("评价的劳动者还不到 5 人，暂不显示结果。");
    await judged.getByLabel("部分做到").check();
    await judged.getByRole("button", { name: "提交我的评价" }).click();
    await expect(judged.getByText("谢谢，你的评价已计入。你可以随时修改。")).toBeVisible();
    // The page is the shared render; the worker's own verdict comes with the personal request.
    await worker.reload();
    await expect(judged).toContainText("你的评价：部分做到");
    await expect(judged.getByRole("button", { name: "修改我的评价" })).toBeVisible();
    await expectAccessible(worker, "verdict form");
    const verdictsUrl = new URL(worker.url()).pathname;
    await worker.close();

    // A new worker outside the campaign's scope (no FlashEats in their profile) is told why they cannot judge.
    const outsider = await phone(browser);
    await joinAsWorker(outsider);
    await outsider.goto(verdictsUrl);
    await expect(outsider.getByText("这次协商面向的是其他劳动者，你无法评价其结果。", { exact: false })).toBeVisible();
    await expect(outsider.getByRole("button", { name: "提交我的评价" })).toHaveCount(0);
    await outsider.close();
  });
});

import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, gotoFresh, test } from "./support/fixtures";
import { watchNoReload } from "./support/no-reload";
import { DEMO, joinAsWorker, signInAsStaff } from "./support/accounts";

async function phone(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "zh-CN", userAgent: test.info().project.use.userAgent });
  return context.newPage();
}

async function newWorker(browser: Browser) {
  const page = await phone(browser);
  await joinAsWorker(page);
  return page;
}

async function sign(page: Page, url: string, comment?: string) {
  await page.goto(url);
  if (comment) await page.getByLabel("写一句公开留言（可选）").fill(comment);
  await page.getByRole("button", { name: "签署这份联署" }).click();
  await expect(page.getByText(/你已于 .* 签署/)).toBeVisible();
}

test.describe("petitions", () => {
  test("start, five sponsors, publish, sign and withdraw, threshold, platform answer", async ({ page, browser }) => {
    const title = `等餐时间计入工时 ${Date.now().toString(36)}`;
    await joinAsWorker(page);
    await page.goto("/petitions");
    await page.getByRole("link", { name: "发起联署" }).click();
    await page.getByLabel("标题").fill(title);
    await page.getByLabel("你具体要求什么？").fill("等餐超过 10 分钟的时间按分钟计酬，并且不算超时。");
    await page.getByLabel("为什么？").fill("高峰期在商场等餐经常超过二十分钟，却被判超时扣款。");
    await page.getByRole("combobox", { name: "平台" }).selectOption({ label: "闪电外卖" });
    await page.getByRole("button", { name: "创建联署" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    const sponsorLink = (await page.getByTestId("sponsor-link").textContent())!.trim();
    const petitionUrl = new URL(page.url()).pathname;

    // The starter cannot sponsor their own petition.
    await page.goto(sponsorLink);
    await page.getByRole("button", { name: "支持发起这份联署" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("不能自己做发起支持人");

    const sponsors: Page[] = [];
    for (let i = 0; i < 5; i++) {
      const s = await newWorker(browser);
      await s.goto(sponsorLink);
      if (i === 0) await expectAccessible(s);
      await s.getByRole("button", { name: "支持发起这份联署" }).click();
      await expect(s.getByText(/这份联署目前有 \d\/5 位发起支持人/)).toBeVisible();
      sponsors.push(s);
    }
    await page.goto(petitionUrl);
    await expect(page.getByText("发起支持已满")).toBeVisible();

    const organiser = await phone(browser);
    await signInAsStaff(organiser, DEMO.organiser);
    await organiser.getByRole("link", { name: "审核联署" }).click();
    const card = organiser.getByTestId("pending-petition").filter({ hasText: title });
    await card.getByLabel("回应门槛").fill("5");
    const deciding = await watchNoReload(organiser);
    await card.getByRole("button", { name: "公开" }).click();
    await expect(organiser.getByTestId("pending-petition").filter({ hasText: title })).toHaveCount(0);
    // The decided card leaves the desk from the answer (issue 15): no page render.
    expect(await deciding.end()).toEqual(["POST /api/trpc/petitions.moderate"]);
    await expectAccessible(organiser);

    // Six workers sign (the starter with a comment), one withdraws: five remain, the threshold is met.
    await sign(page, petitionUrl, "等餐是工作，应当付费。");
    for (const s of sponsors) await sign(s, petitionUrl);
    await sponsors[4]!.getByRole("button", { name: "撤回我的签名" }).click();
    await expect(sponsors[4]!.getByText("你的签名已撤回。")).toBeVisible();
    await expect(sponsors[4]!.getByRole("button", { name: "签署这份联署" })).toBeVisible();

    // The page comes from the shared cache, at most a few seconds old.
    await gotoFresh(page, petitionUrl, async () => {
      await expect(page.getByTestId("signature-count")).toHaveText("5", { timeout: 1_000 });
      await expect(page.getByTestId("awaiting")).toHaveText("等待回应", { timeout: 1_000 });
      expect(await page.locator('meta[property="og:title"]').getAttribute("content")).toBe(`${title} · 5 个签名`);
    });
    // Sharing: a short link that redirects, a QR code, and a preview with the count but no person.
    const shortLink = (await page.getByTestId("short-link").textContent())!.trim();
    const qr = page.getByTestId("qr");
    await expect(qr).toBeVisible();
    await expect(qr).toHaveAttribute("alt", "短链接二维码");
    // The image loaded, and it is the short link's QR code, cached by the browser, not a page.
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const qrImage = await page.request.get((await qr.getAttribute("src"))!);
    expect(qrImage.headers()["content-type"]).toContain("image/svg+xml");
    expect(qrImage.headers()["cache-control"]).toBe("public, max-age=86400");
    expect(await qrImage.text()).toMatch(/^<svg[^>]*>.*<path/s);
    expect((await page.request.get("/p/zzzzzzzz/qr.svg")).status()).toBe(404);
    const ogTitle = await page.locator('meta[property="og:title"]').getAttribute("content");
    expect(ogTitle).toBe(`${title} · 5 个签名`);
    const redirect = await page.request.get(shortLink, { maxRedirects: 0 });
    expect(redirect.status()).toBe(308);
    expect(redirect.headers()["location"]).toBe(petitionUrl);

    const publicPage = await phone(browser);
    await gotoFresh(publicPage, "/petitions/platform/flasheats", () => expect(publicPage.getByTestId("awaiting-list")).toContainText(title, { timeout: 1_000 }));

    const rep = await phone(browser);
    await signInAsStaff(rep, DEMO.reps.flasheats);
    await rep.getByRole("link", { name: "致本平台的联署" }).click();
    const inbox = rep.getByTestId("inbox-petition").filter({ hasText: title });
    await inbox.getByLabel("你的公开回应").fill("从下月起，等餐超过 10 分钟按分钟补贴，并不计入超时。");
    await inbox.getByRole("button", { name: "发布回应" }).click();
    await expect(inbox.getByText("你的回应已发布。")).toBeVisible();
    await expectAccessible(rep);
    // Representatives cannot sign.
    await rep.goto(petitionUrl);
    await expect(rep.getByText("工作人员和平台代表不能签署联署。")).toBeVisible();

    await gotoFresh(page, petitionUrl, async () => {
      await expect(page.getByTestId("response")).toContainText("从下月起", { timeout: 1_000 });
      await expect(page.getByTestId("awaiting")).toHaveCount(0, { timeout: 1_000 });
    });
    for (const p of [...sponsors, organiser, rep, publicPage]) await p.context().close();
  });

  test("personal data in a petition is shown marked and cannot be sent", async ({ page }) => {
    await joinAsWorker(page);
    await page.goto("/petitions/new");
    await page.getByLabel("标题").fill("加我微信讨论联署的事情");
    await page.getByLabel("你具体要求什么？").fill("请打我电话 138 1234 5678 一起讨论。");
    await page.getByLabel("为什么？").fill("大家一起商量怎么办比较好。");
    await page.getByRole("radio", { name: /其他机构/ }).check();
    await page.getByLabel("机构名称").fill("市人社局");
    // The form shows what the server would refuse (it refuses it too: petitions.integration).
    await expect(page.getByTestId("pii-preview")).toHaveText("请打我电话 [***] 一起讨论。");
    await expect(page.getByText("这段文字含有个人信息（手机号 × 1），无法提交。")).toBeVisible();
    await expect(page.getByRole("button", { name: "创建联署" })).toBeDisabled();
    await page.getByLabel("你具体要求什么？").fill("加我V信：rider_88 一起讨论。");
    await expect(page.getByTestId("pii-preview")).toHaveText("加我V信：[***] 一起讨论。");

    // Markup in any text field is shown as text, never run.
    let dialogs = 0;
    page.on("dialog", (d) => {
      dialogs++;
      void d.dismiss();
    });
    const xss = `<img src=x onerror=alert(1)>"'><script>alert(2)</script>`;
    await page.getByLabel("标题").fill(xss);
    await page.getByLabel("你具体要求什么？").fill(`<svg onload=alert(3)> ${xss}`);
    await page.getByLabel("机构名称").fill(`<b>bureau</b>`);
    await page.getByRole("button", { name: "创建联署" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(xss);
    await expect(page.getByRole("main")).toContainText("<b>bureau</b>");
    expect(dialogs).toBe(0);
  });

  test("the list shows demo petitions and a rejected petition shows its public reason", async ({ page }) => {
    await page.goto("/petitions");
    await expect(page.getByTestId("petition-list")).toContainText("等餐超过 10 分钟应计入工时并付费");
    await page.getByRole("link", { name: "已回应" }).click();
    await expect(page.getByTestId("petition-list")).toContainText("Explain every account deactivation");
    await page.getByRole("link", { name: "Explain every account deactivation and allow an appeal" }).click();
    await expect(page.getByTestId("response")).toContainText("书面理由");
    await page.goto("/petitions?filter=rejected");
    await page.getByRole("link", { name: "删除某位站长的违规行为" }).click();
    await expect(page.getByTestId("rejection-reason")).toContainText("联署不能针对具体个人");
  });
});

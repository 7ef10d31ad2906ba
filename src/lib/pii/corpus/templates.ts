import type { Rng } from "~/lib/pii/corpus/random";

// Sentences as riders, couriers, drivers and streamers write them in chat groups. Two sets
// written the same way but sharing no sentence: the scanner is tuned on "seen" and measured
// again on "unseen" (a different seed too), so the figures are not a score on its own tests.

export type Templates = {
  /** {v} is where the personal data goes. */
  zh: string[];
  en: string[];
  /** Ordinary text that must pass untouched, by category. */
  negatives: Record<string, ((rng: Rng) => string)[]>;
};

const price = (rng: Rng) => `${rng.int(2, 15)}.${rng.int(0, 9)}`;
const money = (rng: Rng) => String(rng.pick([rng.int(50, 900), rng.int(1000, 12000)]));
const year = (rng: Rng) => rng.int(2019, 2026);
const month = (rng: Rng) => rng.int(1, 12);
const day = (rng: Rng) => rng.int(1, 28);
const pad = (n: number) => String(n).padStart(2, "0");

export const SEEN: Templates = {
  zh: [
    "有事打{v}找我",
    "站长让大家把{v}发到群里",
    "谁有问题联系{v}，我帮你问",
    "上个月工资没到，{v}，麻烦帮忙查一下",
    "我的{v}，平台说封号了",
    "被罚了{money}块，申诉的时候填了{v}",
    "{v} 这个是我的，别乱传",
    "加一下{v}，进群聊维权的事",
  ],
  en: [
    "call me on {v} if the station changes the rules",
    "the manager wants {v} before Friday",
    "my details: {v}, please keep them private",
    "they fined me {money} yuan, I gave them {v}",
    "message {v} and we will talk about the unpaid wages",
  ],
  negatives: {
    price: [(r) => `一单${price(r)}元，太低了`, (r) => `配送费从${price(r)}降到${price(r)}元`, (r) => `the fee per order is ${price(r)} yuan`],
    count: [(r) => `今天跑了${r.int(10, 80)}单`, (r) => `上个月一共${r.int(300, 2000)}单`, (r) => `we were ${r.int(5, 300)} riders at the station`],
    percent: [(r) => `抽成${r.int(5, 40)}%`, (r) => `差评率${r.int(1, 9)}.${r.int(0, 9)}%`, (r) => `the platform takes ${r.int(10, 35)}%`],
    date: [(r) => `${year(r)}年${month(r)}月${day(r)}日开始`, (r) => `${year(r)}-${pad(month(r))}-${pad(day(r))} 扣的钱`, (r) => `${month(r)}月${day(r)}号发工资`, (r) => `on ${year(r)}.${pad(month(r))}.${pad(day(r))} they changed it`, (r) => `${year(r)}.${pad(month(r))}.${pad(day(r))} ${r.int(10, 23)}:${pad(r.int(0, 59))}`],
    time: [(r) => `早上${r.int(6, 9)}:00到晚上${r.int(20, 23)}:00`, (r) => `每天干${r.int(8, 14)}小时`, (r) => `from ${r.int(6, 9)}:30 to ${r.int(20, 23)}:30 every day`],
    distance: [(r) => `一单${r.int(1, 9)}.${r.int(0, 9)}公里`, (r) => `每天骑${r.int(60, 200)}公里`, (r) => `${r.int(3, 12)} km per delivery`],
    station: [(r) => `${r.int(1, 40)}号站点`, (r) => `我们是${r.int(1, 12)}号站的`, (r) => `坐地铁${r.int(1, 14)}号线`, (r) => `station ${r.int(1, 60)} riders`],
    wage: [(r) => `最低工资才${r.int(1900, 2690)}元`, (r) => `本地最低工资标准${r.int(18, 27)}.${r.int(0, 9)}元一小时`, (r) => `the minimum wage is ${r.int(1900, 2690)} yuan a month`],
    service: [() => "打10086没用", () => "投诉打12315", (r) => `客服电话400-${r.digits(3)}-${r.digits(4)}`, () => "打12345热线", () => "called 95188 twice"],
    money: [(r) => `扣了${money(r)}元`, (r) => `罚款共${r.int(1, 9)},${r.digits(3)}.00元`, (r) => `I earned ${money(r)} yuan last month`],
    words: [() => "qq音乐会员也要自己买", () => "wxyz 是什么意思", () => "VX 版本更新了", () => "微信支付的钱没到", () => "扣扣索索的", () => "企鹅电竞的主播", () => "工号牌掉了", () => "3室1厅住了6个人", (r) => `住3栋 一个月${money(r)}`, () => "V信群里说的"],
    words_en: [() => "my wechat is blocked", () => "wechat pay did not arrive", () => "add me on wechat instead", () => "the rider id card was lost", () => "the QQ group is full"],
  },
};

export const UNSEEN: Templates = {
  zh: [
    "兄弟们有需要的私聊，{v}",
    "要资料的话{v}，晚上回",
    "昨天站点组长留了{v}，说有事找他",
    "我表哥也在跑，{v}，你们可以问问",
    "投诉材料里写了{v}，不知道有没有用",
    "新来的记一下：{v}",
    "保险公司要{v}才给理赔",
    "{v}，别的不说了",
  ],
  en: [
    "if you want the forms, {v}",
    "the team leader left {v} in the group",
    "write down {v} for the complaint",
    "{v} - text before 10pm",
    "for the injury claim they asked for {v}",
  ],
  negatives: {
    price: [(r) => `现在一单只给${price(r)}`, (r) => `高峰加价${price(r)}元`, (r) => `paid ${price(r)} per drop`],
    count: [(r) => `一天送${r.int(20, 60)}单左右`, (r) => `群里有${r.int(100, 500)}人`, (r) => `I did ${r.int(20, 70)} orders today`],
    percent: [(r) => `准时率要求${r.int(95, 99)}%`, (r) => `涨了${r.int(1, 20)}%`, (r) => `${r.int(20, 30)}% commission`],
    date: [(r) => `${month(r)}月${day(r)}日到${month(r)}月${day(r)}日`, (r) => `${year(r)}/${month(r)}/${day(r)}入职`, (r) => `since ${day(r)}/${month(r)}/${year(r)}`, (r) => `${year(r)}年底`],
    time: [(r) => `超时${r.int(2, 30)}分钟`, (r) => `${r.int(10, 13)}点到${r.int(13, 14)}点最忙`, (r) => `a ${r.int(10, 14)}-hour shift`, (r) => `${year(r)}-${pad(month(r))}-01至${year(r)}-${pad(month(r))}-28`],
    distance: [(r) => `距离${r.int(1, 5)}.${r.int(1, 9)}km`, (r) => `绕路${r.int(500, 3000)}米`, (r) => `rode ${r.int(80, 180)} kilometres`],
    station: [(r) => `${r.int(1, 30)}号配送站`, (r) => `第${r.int(1, 20)}站点`, (r) => `站点编号${r.int(100, 999)}`, (r) => `depot ${r.int(1, 40)}`],
    wage: [(r) => `最低工资标准是每月${r.int(1900, 2690)}元`, (r) => `月薪${r.int(3000, 9000)}`, (r) => `minimum hourly wage ${r.int(18, 27)} yuan`],
    service: [() => "10010也打不通", () => "打了12333问社保", (r) => `400 ${r.digits(3)} ${r.digits(4)}是客服`, () => "110都报了", () => "call 12351 for the union"],
    money: [(r) => `押金${money(r)}`, (r) => `保险一天${r.int(1, 5)}块`, (r) => `a deposit of ${money(r)} yuan`],
    words: [() => "QQ音乐里的歌", () => "VX 版本的骑手端", () => "企鹅号上看到的", () => "wx小程序打不开", () => "微信群里说的", () => "下个月12号发", () => "3号楼下面等单"],
    words_en: [() => "wechat group is full", () => "the wxyz app crashed", () => "qq music is free", () => "the driver id check failed", () => "I lost my employee id badge"],
  },
};

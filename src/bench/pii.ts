import os from "node:os";
import { gzipSync } from "node:zlib";
import { evaluate } from "~/lib/pii/corpus/evaluate";
import { generateCorpus } from "~/lib/pii/corpus/generate";
import { findPii } from "~/lib/pii/scan";
import { median, percentile, printFigure } from "./lib/machine";

// `npm run bench -- pii`: the scanner's recall and false alarms on the seen and unseen corpora,
// and its worst time on 2,000-character fields and 64 KB hostile inputs. In-process, no database.

const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
console.log(`\nPII scanner on ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);

for (const which of ["seen", "unseen"] as const) {
  const corpus = generateCorpus(which);
  const score = evaluate(corpus, (t) => findPii(t));
  console.log(`\n${which} corpus: ${corpus.positives.length} sentences with personal data, ${corpus.negatives.length} without`);
  printFigure("recall", pct(score.recall), ">= 99 %");
  printFigure("false alarms", pct(score.falseAlarmRate), "<= 1 %");
  const weak = Object.entries(score.byKind).filter(([, r]) => r < 1);
  if (weak.length) console.log(`  kinds below 100 %: ${weak.map(([k, r]) => `${k} ${pct(r)}`).join(", ")}`);
  for (const line of [...score.missed, ...score.alarms].slice(0, 5)) console.log(`    ${line}`);
}

// Inputs built to make a backtracking scanner explode, or to make this one do the most work per
// character: long digit runs, digits split by every separator, labels without values, unit words.
const PATTERNS: Record<string, string> = {
  digits: "1",
  "digits and spaces": "1 ",
  "digits and dots": "1.",
  "digit pairs": "13 ",
  "mobiles glued with x": "13812345678x",
  "Chinese numerals": "一二三幺零",
  "local part without @": "a",
  "@ signs": "a@",
  "order labels": "订单号",
  "plate prefixes": "粤B",
  "handle labels": "vx：a1_",
  "work labels": "工号 ",
  "building levels": "1栋1单元1",
  "streets": "路1号",
  "English streets": "1 ab ab ",
  "rooms": "room ",
  "full-width digits": "１２３",
};
const build = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
const realistic = generateCorpus("unseen", 40).positives.map((p) => p.text).join("，");

// Wall time on a shared machine includes time the process was not running at all, so the CPU
// time of each scan (process.cpuUsage, the scan being synchronous) is printed beside it.
function timeScans(text: string, runs: number) {
  for (let i = 0; i < 5; i++) findPii(text);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    findPii(text);
    times.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
  }
  return { worst: Math.max(...times), median: median(times), p99: percentile(times, 99), cpu: Math.max(...cpu) };
}

for (const [size, runs, target] of [[2000, 200, "< 5 ms"], [65536, 10, undefined]] as const) {
  console.log(`\n${size.toLocaleString("en")}-character inputs (${runs} scans each after warm-up)`);
  const inputs = { "chat text (unseen corpus sentences)": realistic.slice(0, size), ...Object.fromEntries(Object.entries(PATTERNS).map(([k, u]) => [k, build(u, size)])) };
  const all = Object.entries(inputs).map(([name, text]) => ({ name, ...timeScans(text, runs) }));
  const by = (k: "worst" | "p99" | "cpu") => all.reduce((a, b) => (b[k] > a[k] ? b : a));
  const worst = by("worst");
  printFigure(`worst scan, wall time (${worst.name})`, `${worst.worst.toFixed(2)} ms`, target);
  printFigure("median scan of that input", `${worst.median.toFixed(2)} ms`);
  printFigure(`slowest p99, wall time (${by("p99").name})`, `${by("p99").p99.toFixed(2)} ms`);
  printFigure(`worst scan, CPU time (${by("cpu").name})`, `${by("cpu").cpu.toFixed(2)} ms`, target);
}

// What the scanner adds to the pages that preview with it (minified, gzipped).
try {
  const { build: bundle } = await import("esbuild");
  const out = await bundle({ entryPoints: ["src/lib/pii/scan.ts"], bundle: true, minify: true, write: false, format: "esm", logLevel: "silent" });
  printFigure("\nscanner JavaScript, minified and gzipped", `${(gzipSync(out.outputFiles[0]!.contents).length / 1024).toFixed(1)} KB`);
} catch {
  console.log("  (esbuild not installed: scanner size not measured)");
}

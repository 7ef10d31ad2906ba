import { existsSync, readFileSync } from "node:fs";

/** One sample of the server's memory, in MB: RSS from /proc, the rest from process.memoryUsage(). */
export type MemorySample = { at: number; rss: number; heapUsed: number; heapTotal: number; external: number; arrayBuffers: number };

const MB = 1024 * 1024;

/**
 * Samples a server's memory: its RSS from /proc/<pid>/status, and V8's heap (used, total),
 * external memory and ArrayBuffers from the JSON lines serve.mjs writes every 2 s to
 * WV_MEMORY_FILE (the latest line at the time of the sample). What tells a leak from a heap
 * growing to its working size is the heap used right after a collection, so the lowest heapUsed
 * of a stretch of samples: flat means the live objects are not piling up, whatever RSS does.
 */
export function memorySampler(pid: number, memoryFile: string) {
  const samples: MemorySample[] = [];
  const rss = () => {
    const status = `/proc/${pid}/status`;
    return existsSync(status) ? Number(/VmRSS:\s+(\d+)/.exec(readFileSync(status, "utf8"))?.[1] ?? 0) / 1024 : 0;
  };
  const latest = (): Partial<Record<"heapUsed" | "heapTotal" | "external" | "arrayBuffers", number>> => {
    if (!existsSync(memoryFile)) return {};
    const lines = readFileSync(memoryFile, "utf8").trimEnd().split("\n");
    try {
      return JSON.parse(lines.at(-1) ?? "{}");
    } catch {
      return {}; // a line being written
    }
  };
  return {
    samples,
    /** Takes a sample labelled `at` (seconds, the caller's clock) and returns it. */
    sample(at: number): MemorySample {
      const m = latest();
      const s = { at, rss: rss(), heapUsed: (m.heapUsed ?? 0) / MB, heapTotal: (m.heapTotal ?? 0) / MB, external: (m.external ?? 0) / MB, arrayBuffers: (m.arrayBuffers ?? 0) / MB };
      samples.push(s);
      return s;
    },
  };
}

/** "RSS 512 MB, heap 180/400 MB, external 12 MB, ArrayBuffers 6 MB" */
export const describeMemory = (s: MemorySample) =>
  `RSS ${s.rss.toFixed(0)} MB, V8 heap ${s.heapUsed.toFixed(0)}/${s.heapTotal.toFixed(0)} MB, external ${s.external.toFixed(0)} MB, ArrayBuffers ${s.arrayBuffers.toFixed(0)} MB`;

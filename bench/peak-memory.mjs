// Preloaded into each benchmarked process (node --import): on exit, report its peak memory (max RSS,
// KiB) and the CPU time it used (user + system, ms) to the file named by DAREP_BENCH_RSS_FILE, so the
// harness measures whole processes portably. A browser the process starts is measured by the harness.
import { appendFileSync } from "node:fs";

const out = process.env.DAREP_BENCH_RSS_FILE;
if (out)
  process.on("exit", () => {
    const r = process.resourceUsage();
    appendFileSync(out, `${r.maxRSS} ${(r.userCPUTime + r.systemCPUTime) / 1000}\n`);
  });

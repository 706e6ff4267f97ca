// Preloaded into each benchmarked process (node --import): on exit, report its peak memory (max RSS)
// to the file named by DAREP_BENCH_RSS_FILE, so the harness measures whole processes portably.
import { appendFileSync } from "node:fs";

const out = process.env.DAREP_BENCH_RSS_FILE;
if (out) process.on("exit", () => appendFileSync(out, `${process.resourceUsage().maxRSS}\n`));

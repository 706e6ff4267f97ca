// `npm run bench`: run the real darep binary as whole, cold processes and print, per step, the median
// and spread of wall time over several runs and the peak memory. Writes bench/results.json.
// A benchmark, not a test: nothing here passes or fails on speed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "bin", "darep.js");
const demo = join(root, "fixtures", "demo");
const runs = Number(process.env.BENCH_RUNS ?? 5);
const scratch = mkdtempSync(join(tmpdir(), "darep-bench-"));

function once(args, cwd, env = {}) {
  const rssFile = join(scratch, `rss-${Math.random().toString(36).slice(2)}`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["--import", join(root, "bench", "peak-memory.mjs"), ...args], {
    cwd,
    env: { ...process.env, DAREP_BENCH_RSS_FILE: rssFile, NO_COLOR: "1", ...env },
    encoding: "utf8",
  });
  const seconds = (performance.now() - t0) / 1000;
  let rssKb = 0;
  try {
    rssKb = Math.max(...readFileSync(rssFile, "utf8").trim().split("\n").map(Number));
  } catch {}
  return { seconds, rssKb, status: r.status, stderr: r.stderr };
}

function measure(name, args, cwd, env) {
  once(args, cwd, env); // warm the disk cache; every measured run is still a fresh process
  const samples = Array.from({ length: runs }, () => once(args, cwd, env));
  const t = samples.map((s) => s.seconds).sort((a, b) => a - b);
  const timings = samples.map((s) => {
    const line = s.stderr.split("\n").find((l) => l.startsWith("{\"workspace\""));
    return line ? JSON.parse(line).timings : null;
  }).filter(Boolean);
  const steps = timings.length ? Object.fromEntries(Object.keys(timings[0]).map((k) => [k, median(timings.map((x) => x[k]))])) : undefined;
  return {
    name,
    exitCodes: [...new Set(samples.map((s) => s.status))],
    medianSeconds: median(t),
    minSeconds: t[0],
    maxSeconds: t.at(-1),
    peakMemoryMiB: Math.max(...samples.map((s) => s.rssKb)) / 1024,
    steps,
  };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const out = join(scratch, "out");
const results = [
  measure("node start-up (baseline)", ["-e", ""], root),
  measure("validate one CSV return", [bin, "validate", "returns/2026-27/Q2/south-yorkshire-police.csv"], demo),
  measure("validate one XLSX return", [bin, "validate", "returns/2026-27/Q2/dbth.xlsx"], demo),
  measure("validate a quarter (demo, 10 agencies)", [bin, "validate", "Q2", "--year", "2026-27"], demo),
  measure("build the demo report: HTML, PDF, JSON", [bin, "build", "Q2", "--year", "2026-27", "--out", out, "--timings", "--quiet"], demo, { SOURCE_DATE_EPOCH: "1790000000" }),
];
rmSync(scratch, { recursive: true, force: true });

const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? "unknown", memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform };
const pad = (s, n) => String(s).padEnd(n);
console.log(`darep benchmark: ${runs} runs each, ${machine.cpus} cores (${machine.cpu}), Node ${machine.node}\n`);
console.log(`${pad("step", 44)}${pad("median s", 10)}${pad("min-max s", 14)}${pad("peak MiB", 10)}exit`);
for (const r of results) {
  console.log(`${pad(r.name, 44)}${pad(r.medianSeconds.toFixed(3), 10)}${pad(`${r.minSeconds.toFixed(3)}-${r.maxSeconds.toFixed(3)}`, 14)}${pad(r.peakMemoryMiB.toFixed(0), 10)}${r.exitCodes.join(",")}`);
  if (r.steps) console.log(`${pad("", 4)}${Object.entries(r.steps).map(([k, v]) => `${k} ${v.toFixed(3)}s`).join(", ")}`);
}
writeFileSync(join(root, "bench", "results.json"), JSON.stringify({ machine, runs, results }, null, 2) + "\n");

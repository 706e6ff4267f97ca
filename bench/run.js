// `npm run bench`: run the real darep binary as whole, cold processes on synthetic workspaces at three
// scales (one partnership of 12 agencies and 12 quarters; a region of 10 partnerships; a nation of 300)
// and on the demo, and print, per step, the median and spread of wall time over several runs, the CPU
// time and the peak memory (of darep, and of the browser it starts). Writes bench/results.json.
// A benchmark, not a test: nothing here passes or fails on speed.
//
// Knobs (environment): BENCH_RUNS (runs of each small step, default 5), BENCH_REGION_RUNS (3),
// BENCH_NATION_RUNS (1), BENCH_NATION (partnerships in the nation, 300), BENCH_SCALES (which of
// demo,partnership,region,nation to run; default all).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, release, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { BEFORE_LATEST, LATEST, generate, refreshLatest } from "./generate.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "bin", "darep.js");
const demo = join(root, "fixtures", "demo");
const runs = Number(process.env.BENCH_RUNS ?? 5);
const regionRuns = Number(process.env.BENCH_REGION_RUNS ?? 3);
const nationRuns = Number(process.env.BENCH_NATION_RUNS ?? 1);
const nationSize = Number(process.env.BENCH_NATION ?? 300);
const scales = new Set((process.env.BENCH_SCALES ?? "demo,partnership,region,nation").split(","));
const scratch = mkdtempSync(join(tmpdir(), "darep-bench-"));
const started = performance.now();

if (!existsSync(join(root, "dist", "cli", "index.js"))) {
  console.error("darep is not built: run `npm install` (or `npm run build`) first.");
  process.exit(2);
}

// ---------------------------------------------------------------- measuring one process
/** The process and all its descendants (Linux: /proc), e.g. darep and the browser it started. */
function tree(pid) {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    let tasks = [];
    try {
      tasks = readdirSync(`/proc/${pids[i]}/task`);
    } catch {}
    for (const t of tasks) {
      try {
        const kids = readFileSync(`/proc/${pids[i]}/task/${t}/children`, "utf8").trim();
        if (kids) pids.push(...kids.split(/\s+/).map(Number));
      } catch {}
    }
  }
  return pids;
}
/** Proportional set size in KiB: shared pages counted once across the browser's processes. */
function pss(pid) {
  try {
    return Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
}
const canSampleTree = existsSync("/proc/self/smaps_rollup");
/** CPU seconds a process has used so far (Linux: utime and stime in /proc/<pid>/stat), or null. */
function cpuOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // clock ticks, 100 a second on Linux
  } catch {
    return null;
  }
}

function once(args, cwd, env = {}) {
  const rssFile = join(scratch, `rss-${Math.random().toString(36).slice(2)}`);
  const load = loadavg()[0];
  const t0 = performance.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, ["--import", join(root, "bench", "peak-memory.mjs"), ...args], {
      cwd,
      env: { ...process.env, DAREP_BENCH_RSS_FILE: rssFile, NO_COLOR: "1", ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d) => (stderr += d));
    // The browser: darep's descendants, sampled (darep's own peak memory and CPU are exact, from itself).
    // Memory is their summed PSS at its highest; CPU is the last reading of each of their processes.
    let treeKb = 0;
    const browserCpu = new Map();
    const sample = () => {
      const pids = tree(child.pid).slice(1);
      treeKb = Math.max(treeKb, pids.reduce((s, p) => s + pss(p), 0));
      for (const p of pids) {
        const c = cpuOf(p);
        if (c !== null) browserCpu.set(p, Math.max(c, browserCpu.get(p) ?? 0));
      }
    };
    const sampler = canSampleTree ? setInterval(sample, 200) : null;
    child.on("close", (status) => {
      const seconds = (performance.now() - t0) / 1000;
      if (sampler) clearInterval(sampler);
      let rssKb = 0;
      let cpuMs = 0;
      try {
        const [kb, ms] = readFileSync(rssFile, "utf8").trim().split(" ").map(Number);
        [rssKb, cpuMs] = [kb, ms];
      } catch {}
      const browserCpuSeconds = canSampleTree ? [...browserCpu.values()].reduce((s, c) => s + c, 0) : null;
      done({ seconds, rssKb, cpuSeconds: cpuMs / 1000, browserCpuSeconds, treeKb, status, stderr, load });
    });
  });
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const round = (x, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

/** The --timings lines darep printed: one per workspace built. */
function timingLines(stderr) {
  return stderr
    .split("\n")
    .filter((l) => l.startsWith('{"workspace"'))
    .map((l) => JSON.parse(l));
}

const results = [];
/**
 * `paired`: run Node's bare start-up just before each run too, and report the median difference, so that
 * "how much more than starting Node" is measured under the same load.
 */
async function measure(name, scale, args, cwd, { env, before, n = runs, warm = true, paired = false } = {}) {
  process.stdout.write(`  ${name} (${scale}): `);
  if (warm) {
    before?.(0);
    await once(args, cwd, env); // fills the disk cache; every measured run is still a fresh process
  }
  const samples = [];
  const overStartUp = [];
  for (let i = 1; i <= n; i++) {
    before?.(i);
    const base = paired ? await once(["-e", ""], cwd) : null;
    samples.push(await once(args, cwd, env));
    if (base) overStartUp.push(samples.at(-1).seconds - base.seconds);
    process.stdout.write(".");
  }
  const per = samples.map((s) => timingLines(s.stderr));
  const workspaces = per[0].length;
  // Seconds per step, summed over the workspaces of a run (steps overlap when several are built), median over runs.
  const steps = workspaces
    ? Object.fromEntries(Object.keys(per[0][0].timings).map((k) => [k, round(median(per.map((lines) => lines.reduce((s, l) => s + l.timings[k], 0))))]))
    : undefined;
  // Memory as the run went on: darep's RSS after the first, middle and last workspace.
  const along = workspaces > 2 ? per[0].filter((_, i) => i === 0 || i === Math.floor(workspaces / 10) || i === Math.floor(workspaces / 2) || i === workspaces - 1) : undefined;
  const t = samples.map((s) => s.seconds).sort((a, b) => a - b);
  const r = {
    name,
    scale,
    runs: n,
    workspaces: workspaces || undefined,
    exitCodes: [...new Set(samples.map((s) => s.status))],
    medianSeconds: round(median(t)),
    minSeconds: round(t[0]),
    maxSeconds: round(t.at(-1)),
    cpuSeconds: round(median(samples.map((s) => s.cpuSeconds))),
    browserCpuSeconds: samples[0].browserCpuSeconds === null ? undefined : round(median(samples.map((s) => s.browserCpuSeconds)), 2),
    peakMemoryMiB: Math.round(Math.max(...samples.map((s) => s.rssKb)) / 1024),
    peakBrowserMiB: canSampleTree ? Math.round(Math.max(...samples.map((s) => s.treeKb)) / 1024) : undefined,
    loadAverage: round(median(samples.map((s) => s.load)), 2),
    overNodeStartUpSeconds: paired ? round(median(overStartUp)) : undefined,
    steps,
    rssMiBAlongTheRun: along?.map((l) => l.rssMiB),
    heapMiBAlongTheRun: along?.map((l) => l.heapMiB),
  };
  if (r.exitCodes.some((c) => c === 2 || c === null)) r.error = samples.find((s) => s.status !== 0 && s.status !== 1)?.stderr.split("\n").slice(0, 3).join(" ");
  results.push(r);
  console.log(` ${r.medianSeconds.toFixed(2)} s`);
  return r;
}

/** Last quarter's build (JSON only), as every partnership ran three months ago: it leaves every earlier quarter in the cache. */
async function lastQuarterBuild(dirs, label) {
  const t0 = performance.now();
  const half = Math.ceil(dirs.length / 2);
  const parts = dirs.length > 1 ? [dirs.slice(0, half), dirs.slice(half)] : [dirs];
  await Promise.all(parts.map((part) => once([bin, "build", BEFORE_LATEST.quarter, "--year", BEFORE_LATEST.year, "--format", "json", "--quiet", ...part.flatMap((d) => ["--workspace", d])], scratch)));
  const seconds = (performance.now() - t0) / 1000;
  console.log(`  (last quarter's build for ${label}, JSON only, ${parts.length} processes: ${seconds.toFixed(1)} s)`);
  return seconds;
}

// ---------------------------------------------------------------- the workspaces
const wanted = scales.has("nation") ? nationSize : scales.has("region") ? 10 : 1;
const t0 = performance.now();
const partnerships = generate(join(scratch, "nation"), wanted);
const generatedSeconds = (performance.now() - t0) / 1000;
console.log(`darep benchmark: ${cpus().length} cores (${cpus()[0]?.model ?? "unknown"}), Node ${process.version}, load ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
console.log(`Generated ${wanted} synthetic partnership${wanted === 1 ? "" : "s"} (${wanted * 144 - 0} returns at most) in ${generatedSeconds.toFixed(1)} s, in ${scratch}\n`);

const year = ["--year", LATEST.year];
let variant = 0;
/** Before each run: the latest quarter's returns sent afresh (new bytes, same figures), as in a real new quarter. */
const fresh = (dirs) => () => {
  variant++;
  dirs.forEach((d, p) => refreshLatest(d, p, variant));
};
const demoCache = { DAREP_CACHE_DIR: join(scratch, "demo-cache") };
const demoOut = join(scratch, "demo-out");
const warmups = {};

await measure("node start-up (baseline)", "-", ["-e", ""], root);
if (scales.has("demo")) {
  const q = ["Q2", "--year", "2026-27"];
  await measure("validate one CSV return", "demo", [bin, "validate", "returns/2026-27/Q2/south-yorkshire-police.csv"], demo, { env: demoCache, paired: true });
  await measure("validate one XLSX return", "demo", [bin, "validate", "returns/2026-27/Q2/dbth.xlsx"], demo, { env: demoCache });
  await measure("validate a quarter (10 agencies)", "demo", [bin, "validate", ...q], demo, { env: demoCache });
  await measure("build one report, no cache", "demo", [bin, "build", ...q, "--out", demoOut, "--timings", "--quiet", "--no-cache"], demo, { env: { SOURCE_DATE_EPOCH: "1790000000" } });
  await measure("build one report, rebuild (cached)", "demo", [bin, "build", ...q, "--out", demoOut, "--timings", "--quiet"], demo, { env: { ...demoCache, SOURCE_DATE_EPOCH: "1790000000" } });
}
if (scales.has("partnership")) {
  const p = partnerships[0];
  const one = `returns/${LATEST.year}/${LATEST.quarter}/agency-01.csv`;
  await measure("validate one CSV return", "partnership", [bin, "validate", one], p, { paired: true });
  await measure("validate one CSV return, no cache", "partnership", [bin, "validate", one, "--no-cache"], p, { paired: true });
  await measure("validate a quarter (12 agencies)", "partnership", [bin, "validate", LATEST.quarter, ...year], p);
  await measure("validate a quarter, no cache", "partnership", [bin, "validate", LATEST.quarter, ...year, "--no-cache"], p);
  await measure("build one report, no cache", "partnership", [bin, "build", LATEST.quarter, ...year, "--timings", "--quiet", "--no-cache"], p);
  warmups.partnership = await lastQuarterBuild([p], "the partnership");
  await measure("build one report, new quarter", "partnership", [bin, "build", LATEST.quarter, ...year, "--timings", "--quiet"], p, { before: fresh([p]) });
}
if (scales.has("nation")) warmups.nation = await lastQuarterBuild(partnerships, `${partnerships.length} partnerships`);
else if (scales.has("region")) warmups.region = await lastQuarterBuild(partnerships.slice(0, 10), "the region");
if (scales.has("region")) {
  const region = partnerships.slice(0, 10);
  await measure("build many, new quarter (--workspace x10)", "region", [bin, "build", LATEST.quarter, ...year, "--timings", "--quiet", ...region.flatMap((d) => ["--workspace", d])], scratch, { before: fresh(region), n: regionRuns });
}
if (scales.has("nation")) {
  const all = [bin, "build", LATEST.quarter, ...year, "--timings", "--quiet", "--workspaces", join(scratch, "nation")];
  // The same without the PDF, to show what the browser costs at this scale.
  await measure(`build many, new quarter, HTML and JSON only (${partnerships.length})`, "nation", [...all, "--format", "html,json"], scratch, { before: fresh(partnerships), n: nationRuns, warm: false });
  await measure(`build many, new quarter (--workspaces, ${partnerships.length})`, "nation", all, scratch, { before: fresh(partnerships), n: nationRuns, warm: false });
}
rmSync(scratch, { recursive: true, force: true });

// ---------------------------------------------------------------- the table
const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? "unknown", memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform} ${release()}` };
const pad = (s, n) => String(s ?? "").padEnd(n);
console.log(`\n${pad("step", 46)}${pad("scale", 13)}${pad("runs", 5)}${pad("median s", 10)}${pad("min-max s", 15)}${pad("CPU s", 14)}${pad("peak MiB", 15)}${pad("load", 6)}exit`);
console.log(`${pad("", 89)}${pad("darep browser", 14)}${pad("darep browser", 15)}`);
for (const r of results) {
  console.log(
    `${pad(r.name, 46)}${pad(r.scale, 13)}${pad(r.runs, 5)}${pad(r.medianSeconds.toFixed(3), 10)}${pad(`${r.minSeconds.toFixed(2)}-${r.maxSeconds.toFixed(2)}`, 15)}${pad(r.cpuSeconds.toFixed(2), 6)}${pad(r.browserCpuSeconds ? r.browserCpuSeconds.toFixed(2) : "-", 8)}${pad(r.peakMemoryMiB, 6)}${pad(r.peakBrowserMiB || "-", 9)}${pad(r.loadAverage.toFixed(2), 6)}${r.exitCodes.join(",")}`,
  );
  if (r.overNodeStartUpSeconds !== undefined) console.log(`${pad("", 4)}${r.overNodeStartUpSeconds.toFixed(3)} s more than Node's bare start-up just before it (median of the pairs)`);
  if (r.steps) console.log(`${pad("", 4)}${Object.entries(r.steps).map(([k, v]) => `${k} ${v.toFixed(2)}s`).join(", ")}${r.workspaces > 1 ? ` (summed over ${r.workspaces} workspaces)` : ""}`);
  if (r.rssMiBAlongTheRun) console.log(`${pad("", 4)}darep's memory along the run, RSS (heap used) in MiB: ${r.rssMiBAlongTheRun.map((m, i) => `${m} (${r.heapMiBAlongTheRun[i]})`).join(" -> ")}`);
  if (r.error) console.log(`${pad("", 4)}failed: ${r.error}`);
}

// ---------------------------------------------------------------- against the targets
const find = (name, scale) => results.find((r) => r.name === name && r.scale === scale);
const baseline = find("node start-up (baseline)", "-");
const targets = [];
for (const [name, scale] of [["validate one CSV return", "partnership"], ["validate one CSV return, no cache", "partnership"], ["validate one CSV return", "demo"]]) {
  const r = find(name, scale);
  if (r) targets.push({ target: "validate one CSV return within 0.1 s of Node's start-up", step: `${name} (${scale})`, value: r.overNodeStartUpSeconds ?? round(r.medianSeconds - baseline.medianSeconds), limit: 0.1, unit: "s over Node's start-up (median of runs paired with one)" });
}
for (const name of ["build one report, rebuild (cached)", "build one report, no cache"]) {
  const r = find(name, "demo");
  if (r) targets.push({ target: "the demo quarter's full build, HTML and PDF, under 2 s", step: `${name} (demo)`, value: r.medianSeconds, limit: 2, unit: "s" });
}
const nation = results.find((r) => r.scale === "nation" && r.name.startsWith("build many, new quarter (--workspaces"));
if (nation) targets.push({ target: `a national run (${nation.workspaces} partnerships) under 3 minutes`, step: nation.name, value: nation.medianSeconds, limit: 180, unit: "s" });
console.log("\nAgainst the targets:");
for (const t of targets) console.log(`  ${t.value <= t.limit ? "met   " : "missed"} ${t.target}: ${t.step}: ${t.value.toFixed(3)} ${t.unit} (target ${t.limit}${t.value > t.limit ? `; over by ${(t.value - t.limit).toFixed(2)} s, ${Math.round((t.value / t.limit - 1) * 100)}%` : ""})`);

const totalSeconds = round((performance.now() - started) / 1000, 1);
console.log(`\nThe benchmark took ${totalSeconds} s; load average at the end ${loadavg().map((l) => l.toFixed(2)).join(" ")}.`);
writeFileSync(
  join(root, "bench", "results.json"),
  JSON.stringify({ machine, date: new Date().toISOString(), runs: { small: runs, region: regionRuns, nation: nationRuns }, loadAverageAtEnd: loadavg().map((l) => round(l, 2)), generatedSeconds: round(generatedSeconds, 1), lastQuarterBuildSeconds: warmups, totalSeconds, results, targets }, null, 2) + "\n",
);

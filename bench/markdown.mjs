// `node bench/markdown.mjs`: rewrite the figures in docs/performance.md (between its results markers)
// from bench/results.json, as the last `npm run bench` left it, so the page always shows one run whole.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const r = JSON.parse(readFileSync(join(root, "bench", "results.json"), "utf8"));
const f = (x, d = 2) => (x === undefined || x === null ? "-" : Number(x).toFixed(d));
const m = r.machine;
const lines = [];
lines.push(
  `Measured ${r.date.slice(0, 16).replace("T", " ")} UTC on ${m.cpus} cores (${m.cpu}), ${m.memoryGiB} GiB, ${m.platform}, Node ${m.node}; ${r.runs.small} runs of each small step, ${r.runs.region} of the region, ${r.runs.nation} of the nation. The load average (1 minute) is given per step, and was ${r.loadAverageAtEnd.join(" / ")} at the end. CPU is counted ${r.cpuCounted ?? "by a cgroup per run"}. The whole benchmark took ${Math.round(r.totalSeconds)} s.`,
  "",
  "| step | scale | runs | median s | min-max s | darep CPU s | browser CPU s | all CPU s | darep peak MiB | browser peak MiB | load | exit |",
  "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
);
for (const s of r.results)
  lines.push(
    `| ${s.name} | ${s.scale} | ${s.runs} | ${f(s.medianSeconds, 3)} | ${f(s.minSeconds)}-${f(s.maxSeconds)} | ${f(s.cpuSeconds)} | ${f(s.browserCpuSeconds)} | ${f(s.allCpuSeconds)} | ${s.peakMemoryMiB} | ${s.peakBrowserMiB || "-"} | ${f(s.loadAverage)} | ${s.exitCodes.join(",")} |`,
  );
lines.push(
  "",
  "Against a yardstick run just before each run (medians of the pairs):",
  "",
  "| step | scale | yardstick | its wall s | its CPU s | ratio (wall) | ratio (CPU) | more, wall s | more, CPU s |",
  "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
);
for (const s of r.results.filter((x) => x.yardstick)) {
  const y = s.yardstick;
  lines.push(`| ${s.name} | ${s.scale} | ${y.name} | ${f(y.medianSeconds, 3)} | ${f(y.cpuSeconds)} | ${f(y.ratio)} | ${f(y.cpuRatio)} | ${f(y.overSeconds, 3)} | ${f(y.overCpuSeconds, 3)} |`);
}
const stepped = r.results.filter((x) => x.steps);
if (stepped.length) {
  const keys = Object.keys(stepped[0].steps);
  lines.push(
    "",
    "Seconds per step (median over runs; summed over the workspaces of a run, where steps overlap):",
    "",
    `| step | scale | ${keys.join(" | ")} |`,
    `| --- | --- | ${keys.map(() => "---").join(" | ")} |`,
  );
  for (const s of stepped) lines.push(`| ${s.name} | ${s.scale} | ${keys.map((k) => f(s.steps[k])).join(" | ")} |`);
}
for (const s of r.results.filter((x) => x.rssMiBAlongTheRun))
  lines.push(
    "",
    `darep's memory along "${s.name}" (${s.scale}), after the first, a tenth, half and the last of its ${s.workspaces} partnerships: RSS ${s.rssMiBAlongTheRun.join(" → ")} MiB, of which JavaScript heap in use ${s.heapMiBAlongTheRun.join(" → ")} MiB.`,
  );
lines.push("", "Against the goals:", "", "| goal | measured as | value | goal | | load |", "| --- | --- | --- | --- | --- | --- |");
for (const t of r.targets) lines.push(`| ${t.target} | ${t.step} | ${f(t.value, 3)} ${t.unit} | ${t.limit} | ${t.met ? "met" : `missed by ${f(t.value - t.limit, 3)}`} | ${f(t.load)} |`);
const doc = join(root, "docs", "performance.md");
const text = readFileSync(doc, "utf8");
writeFileSync(doc, text.replace(/<!-- results:start -->[\s\S]*?<!-- results:end -->/, `<!-- results:start -->\n${lines.join("\n")}\n<!-- results:end -->`));

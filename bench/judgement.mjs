// `npm run bench:judgement` (also run by `npm run bench`): how often darep's judgement cries wolf, and
// how often it catches a real shift, measured through the real CLI. A benchmark, not a test.
//
// For 8 and 16 quarters of history (ending 2026-27 Q2, a summer quarter), flat and seasonal, at
// counts of about 5, 20 and 200, it writes one workspace per history length whose one agency reports
// many series as the categories of one measure per group (direction: down), builds each workspace
// with `bin/darep.js build --format json`, and reads report.json:
// - noise: Poisson counts around the level (times the season); the share called worsening,
//   improving, or an exception (goal: 5% or less in every group);
// - shift: the same, with the last four quarters raised by 2 sd (2 x sqrt of the quarter's mean);
//   the share that is an exception (goal: 40% or more with 16 quarters);
// - unchanged: every noise or steady series whose latest value equals last quarter's that is an
//   exception anyway, and a "steady" group of near-constant small counts (7 7 7 6 6 6 5 5 ...) like
//   the demo's PM15 (goal: 0).
//
// Knobs: BENCH_JUDGEMENT_SERIES (series per group, default 250), BENCH_JUDGEMENT_SEED.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { mulberry32, normal } from "../scripts/seeded-random.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "bin", "darep.js");
const SERIES = Number(process.env.BENCH_JUDGEMENT_SERIES ?? 250);
const SEED = Number(process.env.BENCH_JUDGEMENT_SEED ?? 19);
const QUARTER_NAMES = ["Q1", "Q2", "Q3", "Q4"];
const LAST = 2026 * 4 + 1; // 2026-27 Q2
/** Domestic abuse peaks in summer (Q2) and around Christmas (Q3); the spring quarters are lower. */
const SEASON = { Q1: 0.9, Q2: 1.2, Q3: 1.05, Q4: 0.85 };
const LEVELS = [5, 20, 200];
const started = performance.now();

if (!existsSync(join(root, "dist", "cli", "index.js"))) {
  console.error("darep is not built: run `npm install` (or `npm run build`) first.");
  process.exit(2);
}

// ---------------------------------------------------------------- randomness
/** A Poisson draw: Knuth's product of uniforms for small means, a rounded normal for large ones. */
function poisson(r, mean) {
  if (mean > 60) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(r)));
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = r(); p > limit; p *= r()) k++;
  return k;
}

const period = (n) => {
  const start = Math.floor(n / 4);
  return { year: `${start}-${String((start + 1) % 100).padStart(2, "0")}`, quarter: QUARTER_NAMES[n % 4] };
};

// ---------------------------------------------------------------- the groups
/** Every group: its id, what it is, and a maker of one series of `length` quarters. */
function groups() {
  const out = [];
  for (const shape of ["flat", "seasonal"]) {
    for (const level of LEVELS) {
      const mean = (t, length) => level * (shape === "seasonal" ? SEASON[period(LAST - length + 1 + t).quarter] : 1);
      out.push({ id: `noise-${shape}-${level}`, kind: "noise", shape, level, make: (r, length) => Array.from({ length }, (_, t) => poisson(r, mean(t, length))) });
      out.push({
        id: `shift-${shape}-${level}`,
        kind: "shift",
        shape,
        level,
        make: (r, length) => Array.from({ length }, (_, t) => poisson(r, mean(t, length) + (t >= length - 4 ? 2 * Math.sqrt(mean(t, length)) : 0))),
      });
    }
  }
  // Near-constant small counts that drift down by one now and then, the last two the same.
  out.push({
    id: "steady",
    kind: "steady",
    shape: "flat",
    level: 6,
    make: (r, length) => {
      const start = 5 + Math.floor(r() * 4);
      const values = [];
      let v = start;
      for (let t = 0; t < length; t++) {
        if (t > 0 && t < length - 1 && r() < 0.2) v = Math.max(1, v + (r() < 0.5 ? -1 : 1));
        values.push(v);
      }
      return values;
    },
  });
  return out;
}

// ---------------------------------------------------------------- writing a workspace
const ref = (g) => `BN${String(g + 1).padStart(2, "0")}`;
const cat = (s) => `s${String(s + 1).padStart(4, "0")}`;

function writeWorkspace(dir, length, all) {
  const fw = join(dir, "schemas", "bench");
  mkdirSync(fw, { recursive: true });
  writeFileSync(join(fw, "framework.json"), JSON.stringify({ name: "Judgement benchmark", themes: ["Benchmark"] }, null, 2));
  all.forEach((g, gi) => {
    writeFileSync(
      join(fw, `${ref(gi)}.json`),
      JSON.stringify({
        ref: ref(gi),
        title: g.id,
        owner: "Bench",
        tellsUs: "How often the judgement cries wolf",
        theme: "Benchmark",
        measures: [
          {
            id: "count",
            label: g.id,
            unit: "count",
            categories: { dimension: "series", values: g.series.map((_, s) => ({ id: cat(s), label: `Series ${s + 1}` })) },
            direction: { wanted: "down", reason: "Benchmark: fewer is better." },
          },
        ],
      }),
    );
  });
  const refs = all.map((_, gi) => ref(gi));
  // No disclosure control: the series are synthetic, and withholding the small counts would leave nothing to judge.
  const options = { disclosure: { applyTo: "none", reason: "Synthetic benchmark series: no person is behind them." } };
  writeFileSync(
    join(dir, "darep.config.json"),
    JSON.stringify({ partnership: "Judgement benchmark", framework: "bench", agencies: [{ id: "bench-agency", name: "Bench agency", indicators: refs }], options }, null, 2),
  );
  for (let t = 0; t < length; t++) {
    const p = period(LAST - length + 1 + t);
    const folder = join(dir, "returns", p.year, p.quarter);
    mkdirSync(folder, { recursive: true });
    const lines = ["indicator,measure,category,value"];
    all.forEach((g, gi) => {
      lines.push(`${ref(gi)},count,,${g.series.reduce((sum, values) => sum + values[t], 0)}`);
      g.series.forEach((values, s) => lines.push(`${ref(gi)},count,${cat(s)},${values[t]}`));
    });
    writeFileSync(join(folder, "bench-agency.csv"), lines.join("\n") + "\n");
  }
}

// ---------------------------------------------------------------- one history length
function run(length, scratch) {
  const r = mulberry32(SEED * 1000 + length);
  const all = groups().map((g) => ({ ...g, series: Array.from({ length: SERIES }, () => g.make(r, length)) }));
  const dir = join(scratch, `history-${length}`);
  writeWorkspace(dir, length, all);
  const out = join(dir, "out");
  const t0 = performance.now();
  const p = spawnSync(process.execPath, [bin, "build", "Q2", "--year", "2026-27", "--workspace", dir, "--out", out, "--format", "json", "--quiet", "--no-cache"], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", SOURCE_DATE_EPOCH: "1795000000" },
  });
  const seconds = (performance.now() - t0) / 1000;
  if (p.status !== 0 && p.status !== 1) throw new Error(`darep build exited ${p.status}: ${p.stderr}`);
  const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
  const byKey = new Map(report.results.map((x) => [x.key, x]));
  const rows = all.map((g, gi) => {
    const results = g.series.map((_, s) => byKey.get(`${ref(gi)}/count/${cat(s)}/bench-agency`));
    const share = (f) => results.filter(f).length / results.length;
    return {
      group: g.id,
      kind: g.kind,
      shape: g.shape,
      level: g.level,
      worsening: share((x) => x.status === "worsening"),
      improving: share((x) => x.status === "improving"),
      exception: share((x) => x.exception),
      unchanged: results.filter((x) => x.change === 0).length,
      unchangedFlagged: results.filter((x) => x.change === 0 && x.exception).length,
      // flagged though unchanged, and not by a special cause on locked limits: must never happen
      unchangedUnsound: results.filter((x) => x.change === 0 && x.exception && !(x.decidedBy === "limits" && x.spc.state === "computed")).length,
      decidedBy: Object.fromEntries([...new Set(results.map((x) => x.decidedBy))].map((d) => [d, results.filter((x) => x.decidedBy === d).length])),
    };
  });
  return { length, seconds, figures: report.results.length, rows };
}

// ---------------------------------------------------------------- printing
const pct = (x) => `${(x * 100).toFixed(1)}%`.padStart(7);
const scratch = mkdtempSync(join(tmpdir(), "darep-bench-judgement-"));
try {
  const runs = [8, 16].map((length) => run(length, scratch));
  console.log(`darep judgement benchmark: ${SERIES} series a group, Poisson noise, latest quarter 2026-27 Q2 (summer), direction down.\n`);
  let unchanged = 0;
  let unchangedFlagged = 0;
  let unchangedUnsound = 0;
  const goals = [];
  for (const r of runs) {
    console.log(`${r.length} quarters of history (${r.figures} figures, built in ${r.seconds.toFixed(1)} s):`);
    console.log(`  ${"group".padEnd(20)}${"worsening".padStart(10)}${"improving".padStart(10)}${"exception".padStart(10)}   unchanged (flagged)   decided by`);
    for (const row of r.rows) {
      console.log(
        `  ${row.group.padEnd(20)}${pct(row.worsening).padStart(10)}${pct(row.improving).padStart(10)}${pct(row.exception).padStart(10)}   ${String(row.unchanged).padStart(5)} (${row.unchangedFlagged})${" ".repeat(11)}${Object.entries(
          row.decidedBy,
        )
          .map(([k, v]) => `${k} ${v}`)
          .join(", ")}`,
      );
      if (row.kind !== "shift") {
        unchanged += row.unchanged;
        unchangedFlagged += row.unchangedFlagged;
        unchangedUnsound += row.unchangedUnsound;
      }
      if (row.kind === "noise")
        for (const k of ["worsening", "improving", "exception"]) goals.push({ goal: `noise ${k} <= 5%`, where: `${r.length}q ${row.group}`, ok: row[k] <= 0.05, value: row[k] });
      if (row.kind === "shift" && r.length === 16) goals.push({ goal: "shift caught >= 40%", where: `16q ${row.group}`, ok: row.exception >= 0.4, value: row.exception });
    }
    console.log("");
  }
  const shifts = runs.find((r) => r.length === 16).rows.filter((x) => x.kind === "shift");
  const caught = shifts.reduce((s, x) => s + x.exception, 0) / shifts.length;
  console.log(`Planted +2 sd four-quarter shifts caught with 16 quarters, all groups: ${pct(caught).trim()} (goal 40% or more).`);
  console.log(
    `Unchanged figures (latest = last quarter, noise and steady series) flagged: ${unchangedFlagged} of ${unchanged} (goal 0); of them flagged without a special cause on locked limits: ${unchangedUnsound}.`,
  );
  goals.push({ goal: "unchanged figures flagged = 0", where: "all noise and steady series", ok: unchangedFlagged === 0, value: unchangedFlagged / Math.max(1, unchanged) });
  const missed = goals.filter((g) => !g.ok);
  console.log(`\nGoals: ${goals.length - missed.length} of ${goals.length} met${missed.length ? `; missed: ${missed.map((g) => `${g.where} (${g.goal}: ${pct(g.value).trim()})`).join("; ")}` : ""}.`);
  console.log(`The judgement benchmark took ${((performance.now() - started) / 1000).toFixed(1)} s.`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

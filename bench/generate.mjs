// Synthetic workspaces for the benchmark: any number of partnerships, each with 12 agencies sending
// CSV returns for 12 quarters (2023-24 Q3 to 2026-27 Q2) against darep's bundled Doncaster framework.
// Seeded, so the same arguments give the same files. The figures are plausible (seasonal counts, parts
// never above their wholes, categories that add up) so that darep does its full work on them; a few
// partnerships have a return missing or with a mistake in the latest quarter, as real ones do.
//
//   node bench/generate.mjs <dir> [partnerships]      (default 1)
//
// Plain Node ESM, no build needed; 300 partnerships (43,000 files) take a few seconds.
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { keyedRandom, normal } from "../scripts/seeded-random.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const SCHEMAS = join(ROOT, "schemas", "doncaster");
export const AGENCIES = 12;
const SEED = 20261125;

// ---------------------------------------------------------------- quarters
const QUARTER_NAMES = ["Q1", "Q2", "Q3", "Q4"];
const FIRST = 2023 * 4 + 2; // 2023-24 Q3
export const PERIODS = Array.from({ length: 12 }, (_, t) => {
  const n = FIRST + t;
  const start = Math.floor(n / 4);
  const quarter = QUARTER_NAMES[n % 4];
  const year = `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
  const endMonth = [6, 9, 12, 3][n % 4];
  const end = Date.UTC(quarter === "Q4" ? start + 1 : start, endMonth, 0, 17, 0);
  return { year, quarter, end };
});
export const LATEST = PERIODS.at(-1);
export const BEFORE_LATEST = PERIODS.at(-2);
const SEASON = { Q1: 1.0, Q2: 1.06, Q3: 1.04, Q4: 0.93 };

// ---------------------------------------------------------------- seeded randomness
const rng = (...key) => keyedRandom(SEED, key.join("|"));

// ---------------------------------------------------------------- the framework
function loadIndicators() {
  return readdirSync(SCHEMAS)
    .filter((n) => /^PM\d+\.json$/.test(n))
    .map((n) => JSON.parse(readFileSync(join(SCHEMAS, n), "utf8")))
    .sort((a, b) => Number(a.ref.slice(2)) - Number(b.ref.slice(2)));
}
const INDICATORS = loadIndicators();
const BY_REF = new Map(INDICATORS.map((i) => [i.ref, i]));
const agencyId = (a) => `agency-${String(a + 1).padStart(2, "0")}`;
/** The 38 indicators dealt out in order to the 12 agencies, three or four each. */
const OWNED = Array.from({ length: AGENCIES }, (_, a) => INDICATORS.filter((_, i) => Math.floor((i * AGENCIES) / INDICATORS.length) === a).map((i) => i.ref));

export function partnershipId(p) {
  return `partnership-${String(p + 1).padStart(3, "0")}`;
}

function config(p) {
  return {
    partnership: `Synthetic Domestic Abuse Partnership ${String(p + 1).padStart(3, "0")}`,
    framework: "doncaster",
    agencies: OWNED.map((refs, a) => ({
      id: agencyId(a),
      name: `Agency ${a + 1} of partnership ${p + 1}`,
      contact: { name: "Performance Officer", email: `${agencyId(a)}@partnership-${p + 1}.example.org` },
      indicators: refs,
    })),
  };
}

// ---------------------------------------------------------------- the figures
/**
 * Every figure of one partnership, quarter by quarter: Map "REF/measure/category" -> number[12].
 * Wholes are worked out before their parts, so a part is always a share of its whole.
 */
function figures(p) {
  const size = Math.exp(Math.log(0.3) + rng("size", p)() * Math.log(10)); // 0.3 to 3 times a typical partnership
  const out = new Map();
  const totals = new Map();
  const totalOf = (ref, measureId) => {
    const key = `${ref}/${measureId}`;
    if (totals.has(key)) return totals.get(key);
    const ind = BY_REF.get(ref);
    const m = ind.measures.find((x) => x.id === measureId);
    const r = rng("series", p, key);
    let series;
    if (m.unit === "percent") {
      const base = 20 + r() * 70;
      const slope = (r() - 0.5) * 1.2;
      series = PERIODS.map((_, t) => Math.min(100, Math.max(0, Math.round(base + slope * t + 2 * normal(r)))));
    } else if (m.partOf) {
      const [wRef, wMeasure] = m.partOf.includes("/") ? m.partOf.split("/") : [ref, m.partOf];
      const whole = totalOf(wRef, wMeasure);
      const ratio = 0.15 + r() * 0.8;
      series = whole.map((w) => Math.min(w, Math.max(0, Math.round(w * ratio * (1 + 0.03 * normal(r))))));
    } else {
      const base = Math.exp(Math.log(15) + r() * Math.log(100)) * size;
      const trend = (r() - 0.5) * 0.03;
      series = PERIODS.map((q, t) => Math.max(0, Math.round(base * SEASON[q.quarter] * (1 + trend * t) * (1 + 0.04 * normal(r)))));
    }
    totals.set(key, series);
    return series;
  };
  for (const ind of INDICATORS) {
    for (const m of ind.measures) {
      const total = totalOf(ind.ref, m.id);
      out.set(`${ind.ref}/${m.id}/`, total);
      const cats = m.categories?.values ?? [];
      if (!cats.length) continue;
      const r = rng("split", p, ind.ref, m.id);
      if (m.categories.addsUpToTotal === false) {
        for (const c of cats)
          out.set(
            `${ind.ref}/${m.id}/${c.id}`,
            total.map((v) => Math.min(100, Math.max(0, Math.round(v + 4 * normal(r))))),
          );
        continue;
      }
      const weights = cats.map(() => 0.2 + r());
      const split = total.map((v) => {
        const w = weights.map((x) => x * (1 + 0.05 * normal(r)));
        const sum = w.reduce((a, b) => a + b, 0);
        const parts = w.map((x) => Math.floor((v * x) / sum));
        let left = v - parts.reduce((a, b) => a + b, 0);
        for (let i = 0; left > 0; i = (i + 1) % parts.length, left--) parts[i] += 1;
        return parts;
      });
      cats.forEach((c, i) =>
        out.set(
          `${ind.ref}/${m.id}/${c.id}`,
          split.map((parts) => parts[i]),
        ),
      );
    }
  }
  return out;
}

// ---------------------------------------------------------------- writing
/** The header, its letters' case set by the bits of `variant`: the same return in different bytes (darep matches headers in any case). */
function header(variant) {
  let bit = 0;
  return [..."indicator,measure,category,value"].map((ch) => (ch === "," ? ch : (variant >> bit++) & 1 ? ch.toUpperCase() : ch)).join("");
}

function csvFor(a, t, all, variant) {
  const lines = [header(variant)];
  for (const ref of OWNED[a]) {
    for (const m of BY_REF.get(ref).measures) {
      for (const c of [null, ...(m.categories?.values ?? [])]) {
        const v = all.get(`${ref}/${m.id}/${c?.id ?? ""}`)[t];
        lines.push(`${ref},${m.id},${c?.id ?? ""},${m.unit === "percent" ? `${v}%` : v}`);
      }
    }
  }
  return lines.join("\n") + "\n";
}

/** Which return is missing and which has a mistake in the latest quarter (a third of partnerships each). */
function planted(p) {
  const r = rng("planted", p);
  const missing = r() < 0.33 ? Math.floor(r() * AGENCIES) : -1;
  const wrong = r() < 0.33 ? Math.floor(r() * AGENCIES) : -1;
  return { missing, wrong: wrong === missing ? -1 : wrong };
}

function writeReturn(dir, p, a, t, all, variant = 0) {
  const period = PERIODS[t];
  const path = join(dir, "returns", period.year, period.quarter, `${agencyId(a)}.csv`);
  let text = csvFor(a, t, all, variant);
  if (t === PERIODS.length - 1 && planted(p).wrong === a) text = text.replace(/\n([^,\n]+,[^,\n]+,),\d+%?\n/, "\n$1,\n"); // a blank value
  writeFileSync(path, text);
  const r = rng("submitted", p, a, t);
  const when = new Date(period.end + (12 + Math.floor(r() * 16)) * 86400000);
  utimesSync(path, when, when);
}

/** Write partnerships [from, to) into `root`; returns their folders. */
export function generate(root, count, { from = 0 } = {}) {
  const dirs = [];
  for (let p = from; p < from + count; p++) {
    const dir = join(root, partnershipId(p));
    dirs.push(dir);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "darep.config.json"), JSON.stringify(config(p), null, 2) + "\n");
    const all = figures(p);
    const { missing } = planted(p);
    for (let t = 0; t < PERIODS.length; t++) {
      mkdirSync(join(dir, "returns", PERIODS[t].year, PERIODS[t].quarter), { recursive: true });
      for (let a = 0; a < AGENCIES; a++) {
        if (t === PERIODS.length - 1 && a === missing) continue;
        writeReturn(dir, p, a, t, all);
      }
    }
  }
  return dirs;
}

/**
 * Rewrite the latest quarter's returns of partnership `p` (in `dir`) as if newly sent: the same figures
 * in different bytes (variant 1, 2, ... each differ), so that darep has to read them afresh.
 */
export function refreshLatest(dir, p, variant) {
  const all = figures(p);
  const { missing } = planted(p);
  for (let a = 0; a < AGENCIES; a++) if (a !== missing) writeReturn(dir, p, a, PERIODS.length - 1, all, variant);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, n = "1"] = process.argv.slice(2);
  if (!dir) {
    console.error("usage: node bench/generate.mjs <dir> [partnerships]");
    process.exit(2);
  }
  const t0 = performance.now();
  const made = generate(resolve(dir), Number(n));
  console.log(
    `Wrote ${made.length} partnership${made.length === 1 ? "" : "s"} (${AGENCIES} agencies, ${PERIODS.length} quarters) in ${resolve(dir)} in ${((performance.now() - t0) / 1000).toFixed(1)} s.`,
  );
}

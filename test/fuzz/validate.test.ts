// Property-based tests of the validate stage on arbitrary tables: headers that name the columns (or
// __proto__), rows mixing real references with any text, the reader's cell problems, About sheets
// with any keys, any previous quarter. validateTable and checkAbout never throw, never touch a
// prototype, and every issue and figure they give keeps the invariants in ./fuzz.ts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Figure, RawRow, RawTable } from "../../src/types.js";
import { checkAbout, validateTable } from "../../src/validate/index.js";
import { demo, PERIOD } from "../validate/builders.js";
import { budget, cellText, checkFigures, checkIssues, expectPrototypesUntouched, NASTY, params } from "./fuzz.js";

const FILE = "returns/2026-27/Q2/fuzz.csv";
const FIELDS = ["indicator", "measure", "category", "value", "note"];
const framework = demo.framework;
const refs = framework.indicators.map((i) => i.ref);
const measures = [...new Set(framework.indicators.flatMap((i) => i.measures.map((m) => m.id)))];
const categories = [...new Set(framework.indicators.flatMap((i) => i.measures.flatMap((m) => m.categories?.values.flatMap((c) => [c.id, c.label]) ?? [])))];

const headerName = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FIELDS, " Value ", "NOTE", "(title)") }, { weight: 1, arbitrary: cellText });
const value = fc.oneof(fc.integer({ min: -5, max: 5000 }).map(String), fc.constantFrom("[c]", "[x]", "[z]", "[u] 12", "45%", "1,234", "12.5", "", "*", "#REF!", "-3"), cellText);

type Agency = (typeof demo.config.agencies)[number];
type Fields = Record<(typeof FIELDS)[number], string>;

/** A row as the agency would mean it: one of its indicators, a measure and category of it, a value. */
function plausibleRow(agency: Agency): fc.Arbitrary<Fields> {
  const figures = agency.indicators.flatMap((ref) => {
    const ind = framework.byRef.get(ref.toUpperCase())!;
    return ind.measures.flatMap((m) => [null, ...(m.categories?.values ?? [])].map((c) => ({ indicator: ref, measure: m.id, category: c?.id ?? "" })));
  });
  return fc.record({ figure: fc.constantFrom(...figures), value, note: fc.oneof(fc.constant(""), cellText) }).map(({ figure, value: v, note }) => ({ ...figure, value: v, note }));
}

/** A row of anything, with now and then a real reference in it. */
const anyRow: fc.Arbitrary<Fields> = fc.record({
  indicator: fc.oneof(fc.constantFrom(...refs, "pm20", "PM2 8", "PM2O"), cellText),
  measure: fc.oneof(fc.constantFrom(...measures, ""), cellText),
  category: fc.oneof(fc.constantFrom(...categories, "", "total"), cellText),
  value,
  note: cellText,
});

function tableFor(agency: Agency): fc.Arbitrary<RawTable> {
  const header = fc.oneof(
    { weight: 2, arbitrary: fc.shuffledSubarray([...FIELDS], { minLength: FIELDS.length }) },
    { weight: 1, arbitrary: fc.shuffledSubarray([...FIELDS], { minLength: 2 }) },
    { weight: 1, arbitrary: fc.uniqueArray(headerName, { minLength: 1, maxLength: 7, selector: (h) => h.trim().toLowerCase() }) },
  );
  return header.chain((names) =>
    fc
      .record({
        rows: fc.array(
          fc.record({
            fields: fc.oneof({ weight: 3, arbitrary: plausibleRow(agency) }, { weight: 1, arbitrary: anyRow }),
            // now and then a cell replaced by anything at all
            noise: fc.array(fc.tuple(fc.nat(), cellText), { maxLength: 1 }),
            gap: fc.integer({ min: 0, max: 2 }),
            problems: fc.option(fc.dictionary(fc.integer({ min: 0, max: names.length }).map(String), fc.constantFrom("merged-cells", "formula-without-result"), { maxKeys: 2 }), { freq: 8 }),
          }),
          { maxLength: 25 },
        ),
        headerRow: fc.integer({ min: 1, max: 3 }),
        xlsx: fc.boolean(),
      })
      .map(({ rows, headerRow, xlsx }) => {
        let row = headerRow;
        const data: RawRow[] = rows.map((r) => {
          row += 1 + r.gap; // blank rows between are counted, as the reader counts them
          const cells = names.map((n) => {
            const key = n.trim().toLowerCase() as keyof Fields;
            return Object.hasOwn(r.fields, key) ? (r.fields[key] ?? "") : "";
          });
          for (const [at, text] of r.noise) cells[at % cells.length] = text;
          return { row, cells, ...(r.problems ? { problems: r.problems as RawRow["problems"] } : {}) };
        });
        return { file: FILE, format: xlsx ? "xlsx" : "csv", ...(xlsx ? { sheet: "Return" } : {}), header: { row: headerRow, cells: names }, rows: data } as RawTable;
      }),
  );
}

/** The figures a report may rest on: categories add up to their total, and no part exceeds its whole. */
function expectConsistent(figures: Figure[]): void {
  const byKey = new Map(figures.map((f) => [`${f.indicator}/${f.measure}/${f.category ?? ""}`, f]));
  for (const f of figures) {
    const m = framework.byRef.get(f.indicator.toUpperCase())!.measures.find((x) => x.id === f.measure)!;
    if (f.category === null && f.value !== null && m.categories && m.categories.addsUpToTotal !== false) {
      const parts = m.categories.values.map((c) => byKey.get(`${f.indicator}/${f.measure}/${c.id}`));
      if (!parts.some((p) => p?.value === null)) {
        const sum = parts.reduce((t, p) => t + (p?.value ?? 0), 0);
        if (parts.every((p) => p !== undefined)) expect(Math.abs(sum - f.value), `${f.indicator} ${f.measure} categories`).toBeLessThan(1e-6);
        else expect(sum, `${f.indicator} ${f.measure} categories so far`).toBeLessThanOrEqual(f.value + 1e-6);
      }
    }
    if (m.partOf && f.value !== null) {
      const [ref, measure] = m.partOf.includes("/") ? m.partOf.split("/") : [f.indicator, m.partOf];
      const whole = byKey.get(`${framework.byRef.get(ref!.toUpperCase())!.ref}/${measure}/${f.category ?? ""}`);
      if (whole?.value != null) expect(f.value, `${f.indicator} ${f.measure} within ${m.partOf}`).toBeLessThanOrEqual(whole.value);
    }
  }
}

const agencyArb = fc.constantFrom(...demo.config.agencies);
/** An agency, and a table of its return. */
const returnArb = agencyArb.chain((agency) => fc.tuple(fc.constant(agency), tableFor(agency), fc.option(tableFor(agency), { freq: 2 })));

describe("validateTable on any table", () => {
  it(
    "never throws, and gives issues and figures that keep the invariants",
    () => {
      let withFigures = 0;
      fc.assert(
        fc.property(returnArb, fc.double({ min: 1, max: 10, noNaN: true }), ([agency, table, before], factor) => {
          const previous = before ? validateTable({ table: before, framework, agency, period: { year: "2026-27", quarter: "Q1" }, suddenChangeFactor: factor }).figures : undefined;
          const r = validateTable({ table, framework, agency, period: PERIOD, ...(previous ? { previous } : {}), suddenChangeFactor: factor });
          checkIssues(r.issues, FILE, { rows: new Set([table.header!.row, ...table.rows.map((x) => x.row)]) });
          checkFigures(r.figures, r.issues, table);
          if (r.figures.length) withFigures++;
          expectConsistent(r.figures);
          for (const f of r.figures) {
            expect(agency.indicators).toContain(f.indicator);
            expect(f.agency).toBe(agency.id);
          }
          // Issues come in reading order: whole-file findings, then by row.
          const rows = r.issues.map((i) => i.row ?? 0);
          expect(rows).toEqual([...rows].sort((a, b) => a - b));
          expectPrototypesUntouched();
        }),
        params(),
      );
      // The generator is worth its runs only if it gets past the checks to figures often enough.
      expect(withFigures, "runs that gave figures").toBeGreaterThan(params().numRuns! / 10);
    },
    budget(),
  );

  it("gives the same result for the same table", () => {
    fc.assert(
      fc.property(returnArb, ([agency, table]) => {
        const once = validateTable({ table, framework, agency, period: PERIOD, suddenChangeFactor: 3 });
        const again = validateTable({ table: structuredClone(table), framework, agency, period: PERIOD, suddenChangeFactor: 3 });
        expect(again).toEqual(once);
      }),
      params(0.25),
    );
  });
});

describe("checkAbout on any About sheet", () => {
  it("never throws, reports only disagreement, and touches no prototype", () => {
    const key = fc.oneof(fc.constantFrom("agency", "period", "contact", "submitted", "__proto__", "constructor", "prototype", "toString"), fc.constantFrom(...NASTY), fc.string({ maxLength: 8 }));
    const text = fc.oneof(fc.constantFrom("riverside", "dbth", "2026-27 Q2", "Q2 2026-27", "2025-26 Q2", "2026/2027 quarter 2", ""), cellText);
    fc.assert(
      fc.property(fc.array(fc.tuple(key, text), { maxLength: 8 }), agencyArb, (pairs, agency) => {
        const about: Record<string, string> = {};
        // As the reader builds it: plain assignment, so a "__proto__" key is tried too.
        for (const [k, v] of pairs) about[k.trim().toLowerCase()] = v;
        const issues = checkAbout({ file: FILE, format: "xlsx", sheet: "Return", header: null, rows: [], about }, agency, PERIOD);
        checkIssues(issues, FILE);
        expect(issues.every((i) => i.code === "about-mismatch" && i.sheet === "About")).toBe(true);
        expectPrototypesUntouched();
      }),
      params(),
    );
  });
});

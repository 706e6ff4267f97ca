// The published report of hand-made breakdowns: what is withheld with a figure (its change, year to
// date, limits, sentence and status), rounding, an agency's own [c], totals under "all", zeros,
// findings that quote figures, and a guard that no field of a result goes out unclassified.
import { describe, expect, it } from "vitest";
import { checkDifferencing, protectReport } from "../../src/disclosure/index.js";
import { RESULT_FIELDS } from "../../src/disclosure/results.js";
import { Report, Result } from "../../src/report-contract/schema.js";
import { breakdown, report, result } from "./builders.js";
import { intrude } from "./intruder.js";

const byKey = (r: Report) => new Map(r.results.map((x) => [x.category ?? "total", x]));

describe("protectReport(): one small cell", () => {
  // This quarter 56 = 2 + 30 + 24 (the 56 - 54 = 2); the quarter before, 50 = 10 + 20 + 20.
  const judged = report(breakdown("PM7", [40, 44, 46, 48, 50, 56], [10, 10, 10, 10, 10, 2], [15, 17, 18, 19, 20, 30], [15, 17, 18, 19, 20, 24]));
  const out = protectReport(judged, {});
  const r = byKey(out);

  it("withholds the small cell and the next smallest, and shows the total", () => {
    expect(r.get("a")).toMatchObject({ value: null, symbol: "c", status: "suppressed", exception: false, rank: null });
    expect(r.get("c")).toMatchObject({ value: null, symbol: "c" });
    expect(r.get("b")!.value).toBe(30);
    expect(r.get("total")!.value).toBe(56);
    expect(intrude(out)).toEqual([]);
    expect(intrude(judged).length).toBeGreaterThan(0);
  });

  it("withholds its change, year to date, limits and chart point, and says only that it is withheld", () => {
    const a = r.get("a")!;
    for (const f of ["change", "changePercent", "changeOnYear", "changeOnYearPercent", "yearToDate", "spc"] as const) expect(a[f], f).toBeNull();
    expect(a.history.at(-1)).toEqual({ year: "2026-27", quarter: "Q2", value: null, symbol: "c", gap: false });
    expect(a.history.at(-2)!.value).toBe(10); // earlier quarters are not small: still shown
    expect(a.sentence).toBe("People seen (Group A): withheld ([c]) to protect people who could be identified.");
    expect(a.reasons.map((x) => x.code)).toEqual(["suppressed"]);
    expect(JSON.stringify(a)).not.toMatch(/"value":2\b|to 2\b/);
  });

  it("takes it off the exceptions, renumbers the rest and counts the summary again", () => {
    expect(judged.exceptions).toContain("PM7/people/c/agency"); // 20 -> 24, the wrong way
    expect(out.exceptions).not.toContain("PM7/people/c/agency");
    expect(out.results.filter((x) => x.exception).map((x) => x.rank)).toEqual(out.exceptions.map((_, i) => i + 1));
    expect(out.summary.exceptions).toBe(out.exceptions.length);
    expect(out.summary.text).toMatch(/^The one agency sent its return for July to September 2026\. 2 figures need the board's attention: 2 are moving the wrong way\.$/);
    expect(out.disclosure).toMatchObject({ applyTo: "breakdowns", minimum: 8, withheld: 2 });
    expect(out.disclosure!.statement).toMatch(/from 1 to 7 are withheld/);
  });

  it("stays a valid report.json", () => {
    expect(() => Report.parse(out)).not.toThrow();
  });
});

describe("protectReport(): what a withheld quarter takes with it", () => {
  it("a figure shown against a withheld last quarter is not judged against it", () => {
    // Last quarter 3 (withheld with its complement); this quarter 9, 20, 21 shown.
    const out = protectReport(report(breakdown("PM8", [30, 30, 30, 30, 33, 50], [10, 10, 10, 10, 3, 9], [10, 10, 10, 10, 10, 20], [10, 10, 10, 10, 20, 21])), {});
    const a = byKey(out).get("a")!;
    expect(a).toMatchObject({ value: 9, previous: null, change: null, changePercent: null, yearToDate: null, status: "insufficient-data", exception: false, spc: null });
    expect(a.sentence).toBe("People seen (Group A): 9 this quarter; last quarter withheld; a year ago 10.");
    expect(a.reasons[0]!.code).toBe("no-comparison");
  });

  it("a stable figure with an earlier quarter withheld loses the judge's sentence, which quotes an average of every quarter", () => {
    // Q4 last year 3 is withheld (with its complement); this quarter, last quarter and a year ago are
    // shown and the status stands. The judge's sentence gives the average over all six quarters:
    // six times it, less the five shown, is the withheld 3.
    const judged = report(breakdown("PM13", [30, 30, 30, 30, 33, 30], [10, 10, 10, 3, 10, 10], [10, 10, 10, 10, 13, 10], [10, 10, 10, 17, 10, 10]));
    const said = {
      ...judged,
      results: judged.results.map((r) =>
        r.category === "a" ? { ...r, status: "stable" as const, exception: false, sentence: "People seen (Group A) are inside their usual range, around their average of 8.8." } : r,
      ),
    };
    const a = byKey(protectReport(said, {})).get("a")!;
    expect(a.history.some((p) => p.symbol === "c")).toBe(true);
    expect(a.sentence).not.toMatch(/average|8\.8/);
    expect(a.sentence).toMatch(/^People seen \(Group A\): 10 this quarter/);
  });

  it("an at-risk figure whose year to date is withheld is no longer rated against its target", () => {
    const judged = report(breakdown("PM14", [30, 30, 30, 30, 33, 30], [10, 10, 10, 10, 3, 10], [10, 10, 10, 10, 13, 10], [10, 10, 10, 10, 17, 10]));
    const target = {
      kind: "per-year",
      perYear: 40,
      comparison: "at-least",
      perQuarter: 10,
      toDate: 20,
      actualToDate: 13,
      projectedOutturn: 26,
      onTrack: false,
      atRisk: true,
      yearComplete: false,
    } as const;
    const said = { ...judged, results: judged.results.map((r) => (r.category === "a" ? { ...r, status: "at-risk" as const, exception: true, target } : r)) };
    const a = byKey(protectReport(said, {})).get("a")!;
    expect(a.yearToDate).toBeNull();
    expect(a.status).not.toBe("at-risk");
  });

  it("two small cells that hold enough between them need no complement", () => {
    const out = protectReport(report(breakdown("PM9", [40, 40, 40, 40, 40, 40], [3, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5], [32, 32, 32, 32, 32, 32])), {});
    expect([...byKey(out).values()].map((x) => x.value)).toEqual([40, null, null, 32]);
  });

  it("a zero is shown: nobody is counted in it (darep reads 0 as a true or structural zero)", () => {
    const out = protectReport(report(breakdown("PM10", [30, 30, 30, 30, 30, 30], [0, 0, 0, 0, 0, 0], [30, 30, 30, 30, 30, 30])), {});
    expect(byKey(out).get("a")!.value).toBe(0);
    expect(out.disclosure!.withheld).toBe(0);
  });

  it("categories that do not add up are protected as if they did", () => {
    const out = protectReport(report(breakdown("PM11", [50, 50, 50, 50, 50, 50], [3, 3, 3, 3, 3, 3], [10, 10, 10, 10, 10, 10], [20, 20, 20, 20, 20, 20])), {});
    expect([...byKey(out).values()].map((x) => x.value)).toEqual([50, null, null, 20]);
  });

  it("an agency's own [c] gets the same secondary protection, in every quarter", () => {
    const out = protectReport(report(breakdown("PM12", [56, 56, 56, 56, 56, 56], ["c", "c", "c", "c", "c", "c"], [30, 30, 30, 30, 30, 30], [26, 26, 26, 26, 26, 26])), {});
    const c = byKey(out).get("c")!;
    expect(c.history.every((p) => p.symbol === "c" && p.value === null)).toBe(true);
    expect(intrude(out)).toEqual([]);
  });

  it('applyTo "all": a small total is withheld with its categories; a measure with no breakdown too', () => {
    const judged = report([...breakdown("PM13", [5, 5, 5, 5, 5, 5], [3, 3, 3, 3, 3, 3], [2, 2, 2, 2, 2, 2]), result("PM14", null, [9, 9, 9, 9, 9, 4])]);
    const out = protectReport(judged, { disclosure: { applyTo: "all", minimum: 8 } });
    expect(out.results.map((x) => x.value)).toEqual([null, null, null, null]);
    expect(out.results[3]!.history.map((p) => p.value)).toEqual([9, 9, 9, 9, 9, null]);
    expect(intrude(out, 8, true)).toEqual([]);
    // The default shows totals.
    expect(protectReport(judged, {}).results.map((x) => x.value)).toEqual([5, null, null, 4]);
  });

  it("minimum sets the threshold", () => {
    const judged = report(breakdown("PM15", [100, 100, 100, 100, 100, 100], [9, 9, 9, 9, 9, 9], [10, 10, 10, 10, 10, 10], [81, 81, 81, 81, 81, 81]));
    expect(protectReport(judged, { disclosure: { applyTo: "breakdowns", minimum: 10 } }).results.map((x) => x.value)).toEqual([100, null, null, 81]);
    expect(protectReport(judged, {}).results.map((x) => x.value)).toEqual([100, 9, 10, 81]);
  });
});

describe("protectReport(): rounding", () => {
  const judged = report(breakdown("PM16", [40, 40, 40, 40, 48, 61], [12, 12, 12, 12, 12, 13], [28, 28, 28, 28, 36, 48]));
  const out = protectReport(judged, { disclosure: { applyTo: "breakdowns", minimum: 8, roundTo: 5 } });
  const r = byKey(out);

  it("rounds every other count to the nearest 5, and works changes and percentages out from the rounded figures", () => {
    expect(r.get("total")).toMatchObject({ value: 60, previous: 50, change: 10, changePercent: 20, yearToDate: 110 });
    expect(r.get("a")).toMatchObject({ value: 15, previous: 10, change: 5, changePercent: 50 });
    expect(r.get("b")!.history.map((p) => p.value)).toEqual([30, 30, 30, 30, 35, 50]);
    expect(r.get("a")!.sentence).toBe("People seen (Group A): 15 this quarter; last quarter 10; a year ago 10 (counts rounded).");
    expect(JSON.stringify(out.results)).not.toMatch(/\b(13|61|48|36)\b/);
    expect(out.disclosure!.statement).toMatch(/rounded to the nearest 5/);
  });
});

describe("protectReport(): findings and policy", () => {
  const warning = (code: string, message: string, extra = {}) => ({
    code,
    severity: "warning" as const,
    file: "returns/2026-27/Q2/agency.csv",
    row: 5,
    indicator: "PM7",
    measure: "people",
    message,
    ...extra,
  });
  const judged = report(breakdown("PM7", [40, 44, 46, 48, 50, 56], [10, 10, 10, 10, 10, 2], [15, 17, 18, 19, 20, 30], [15, 17, 18, 19, 20, 24]), {
    returns: [
      {
        agency: "agency",
        agencyName: "The Agency",
        contact: null,
        status: "received",
        late: false,
        file: "f",
        sha256: null,
        receivedAt: null,
        figuresUsed: 4,
        indicators: ["PM7"],
        errors: [],
        warnings: [
          warning("sudden-change", "PM7 people (a) fell from 10 to 2 since last quarter.", { found: "2", expected: "near last quarter's 10" }),
          warning("blank-value", "The value on row 5 is blank."),
        ],
      },
    ],
  });
  const out = protectReport(judged, { marking: "OFFICIAL-SENSITIVE" });

  it("a finding that quotes a protected measure's figures keeps its place but not its figures", () => {
    const [sudden, blank] = out.returns[0]!.warnings;
    expect(sudden).toMatchObject({ code: "sudden-change", row: 5, indicator: "PM7" });
    expect(sudden!.message).toBe(
      "PM7 people: sudden change; the figures it quotes are withheld to protect people who could be identified (the agency's return and the analyst's unprotected copy have them).",
    );
    expect(sudden!.found).toBeUndefined();
    expect(sudden!.expected).toBeUndefined();
    expect(blank!.message).toBe("The value on row 5 is blank.");
  });

  it("states the marking for every output (and the email subject)", () => {
    expect(out.marking).toBe("OFFICIAL-SENSITIVE");
    expect(protectReport(judged, {}).marking).toBeNull();
  });

  it('applyTo "none" changes no figure and says why', () => {
    const open = protectReport(judged, { disclosure: { applyTo: "none", minimum: 8, reason: "for the analysts' team only" } });
    expect(open.results).toEqual(judged.results);
    expect(open.disclosure!.statement).toMatch(/^Small numbers are not protected in this report: for the analysts' team only\./);
  });

  it("classifies every field of a result, so that a new one is never published unprotected by accident", () => {
    expect(Object.keys(RESULT_FIELDS).sort()).toEqual(Object.keys(Result.shape).sort());
  });
});

describe("checkDifferencing(), the check made on every report before it is written", () => {
  const judged = report(breakdown("PM7", [40, 44, 46, 48, 50, 56], [10, 10, 10, 10, 10, 2], [15, 17, 18, 19, 20, 30], [15, 17, 18, 19, 20, 24]));
  const policy = { applyTo: "breakdowns" as const, minimum: 8, roundTo: null, reason: null };

  it("finds the small count an unprotected report shows, and the one its total gives away", () => {
    expect(checkDifferencing(judged, policy)).toBe("PM7/people/agency, 2026-27 Q2: a category's count of 2 is shown");
    const oneWithheld = {
      ...judged,
      results: judged.results.map((r) => (r.category === "a" ? { ...r, history: r.history.map((p) => (p.value === 2 ? { ...p, value: null, symbol: "c" as const } : p)) } : r)),
    };
    expect(checkDifferencing(oneWithheld, policy)).toBe("PM7/people/agency, 2026-27 Q2: PM7/people/a/agency is the total less the categories shown");
  });

  it("finds nothing in the report protectReport() publishes", () => {
    expect(checkDifferencing(protectReport(judged, {}), policy)).toBeNull();
  });
});

// Which assurance evidence is due, received or overdue in a quarter, from the framework's
// frequencies and the evidence on record; and the evidence file read, cell by cell.
import { describe, expect, it } from "vitest";
import { assuranceStatus, isDue, lookback } from "../../src/actions/assurance.js";
import { parseQuarterText, readEvidenceTable } from "../../src/actions/evidence.js";
import type { AssuranceItem } from "../../src/framework/schema.js";
import { evidence, p, table } from "./builders.js";

const item = (ref: string, frequency: AssuranceItem["frequency"], extra: Partial<AssuranceItem> = {}): AssuranceItem => ({
  ref,
  title: `Title of ${ref}`,
  owner: `Owner of ${ref}`,
  frequency,
  actionRefs: [],
  ...extra,
});

const Q1 = p("2026-27", "Q1");
const Q2 = p("2026-27", "Q2");

describe("when assurance evidence is due", () => {
  it("is every quarter, Q2 and Q4 for six-monthly, Q4 for annual, unless the item says", () => {
    const quarters = ["Q1", "Q2", "Q3", "Q4"] as const;
    expect(quarters.filter((q) => isDue(item("QA1", "quarterly"), q))).toEqual(["Q1", "Q2", "Q3", "Q4"]);
    expect(quarters.filter((q) => isDue(item("QA3", "six-monthly"), q))).toEqual(["Q2", "Q4"]);
    expect(quarters.filter((q) => isDue(item("QA11", "annual"), q))).toEqual(["Q4"]);
    expect(quarters.filter((q) => isDue(item("QA13", "annual", { dueQuarters: ["Q1"] }), q))).toEqual(["Q1"]);
  });

  it("looks back a year at most, and never before records began", () => {
    expect(lookback(Q2, null)).toEqual([]);
    expect(lookback(Q2, Q2)).toEqual([]);
    expect(lookback(Q2, Q1)).toEqual([Q1]);
    expect(lookback(Q2, p("2020-21", "Q1"))).toEqual([p("2025-26", "Q2"), p("2025-26", "Q3"), p("2025-26", "Q4"), Q1]);
  });
});

describe("due, received or overdue", () => {
  const items = [
    item("QA1", "quarterly"),
    item("QA3", "six-monthly"),
    item("QA4", "quarterly"),
    item("QA11", "annual"),
    item("QA13", "annual", { dueQuarters: ["Q1"] }),
    item("QA18", "annual", { dueQuarters: ["Q1"] }),
  ];

  it("judges each item in Q2 from the evidence of Q1 and Q2", () => {
    const got = [
      evidence("QA1", Q1, "2026-07-08"),
      evidence("QA1", Q2, "2026-10-06"),
      evidence("QA13", Q1, "2026-06-26"),
      evidence("QA4", Q2, "2026-09-17"), // Q2's came, Q1's never did
      evidence("QA18", Q1, "2026-08-11"), // Q1's came late, recorded in Q2's file
      evidence("QA3", Q2, null), // listed, but nothing received yet
    ];
    const states = assuranceStatus(items, got, Q2, Q1).map((s) => [s.ref, s.state, s.received, s.overdueFor]);
    expect(states).toEqual([
      ["QA1", "received", "2026-10-06", []],
      ["QA3", "due", null, []],
      ["QA4", "overdue", "2026-09-17", [Q1]],
      ["QA11", "not-due", null, []],
      ["QA13", "not-due", null, []],
      ["QA18", "not-due", null, []],
    ]);
  });

  it("counts nothing as owed from before the first quarter with an evidence file", () => {
    const states = assuranceStatus(items, [], Q2, Q2).map((s) => s.state);
    expect(states).toEqual(["due", "due", "due", "not-due", "not-due", "not-due"]);
    expect(assuranceStatus(items, [], Q2, null).map((s) => s.state)).toEqual(states);
  });

  it("does not count evidence for a later quarter", () => {
    const [qa1] = assuranceStatus([item("QA1", "quarterly")], [evidence("QA1", p("2026-27", "Q3"))], Q2, Q2);
    expect(qa1!.state).toBe("due");
  });
});

describe("reading an evidence file", () => {
  const refs = new Set(["QA1", "QA4", "QA18"]);
  const header = ["ref", "received", "for", "evidence"];

  it("reads what came, for which quarter", () => {
    const t = table(
      [
        ["QA1", "2026-10-06", "", "Contract meeting"],
        ["qa18", "11/08/2026", "2026-27 Q1", "Late"],
      ],
      header,
      "assurance/2026-27-Q2.csv",
    );
    const read = readEvidenceTable(t, Q2, refs);
    expect(read.issues).toEqual([]);
    expect(read.evidence.map((e) => [e.ref, e.for, e.received, e.evidence])).toEqual([
      ["QA1", Q2, "2026-10-06", "Contract meeting"],
      ["QA18", Q1, "2026-08-11", "Late"],
    ]);
  });

  it("reports an unknown reference, a date that is no date, a quarter that is no quarter or a later one, and a duplicate", () => {
    const t = table(
      [
        ["QA99", "2026-10-06", "", ""],
        ["QA1", "last week", "", ""],
        ["QA4", "2026-09-01", "next quarter", ""],
        ["QA4", "2026-09-01", "2026-27 Q3", ""],
        ["QA1", "2026-10-07", "", ""],
      ],
      header,
      "assurance/2026-27-Q2.csv",
    );
    const read = readEvidenceTable(t, Q2, refs);
    expect(read.issues.map((i) => [i.code, i.severity, i.row, i.cell])).toEqual([
      ["unknown-assurance-reference", "error", 2, "A2"],
      ["invalid-received-date", "error", 3, "B3"],
      ["invalid-evidence-period", "error", 4, "C4"],
      ["invalid-evidence-period", "error", 5, "C5"],
      ["duplicate-evidence", "warning", 6, "A6"],
    ]);
    expect(read.evidence.map((e) => [e.ref, e.received])).toEqual([["QA1", null]]);
  });

  it("reads a quarter written either way round", () => {
    expect(parseQuarterText("2026-27 Q1")).toEqual(Q1);
    expect(parseQuarterText("Q1 2026-27")).toEqual(Q1);
    expect(parseQuarterText("2026-27-q1")).toEqual(Q1);
    expect(parseQuarterText("2026-28 Q1")).toBeNull();
  });
});

// The seed's RAG guide as rules, at its boundaries. The quarter ends 30 September 2026: an action due
// last quarter or this quarter (even on its last day) that is not Green is overdue and Red; one due
// next quarter is in its timescale, where every rating is the lead officer's judgement.
import { describe, expect, it } from "vitest";
import { judgeRag, parseRag } from "../../src/actions/rag.js";
import type { Timescale } from "../../src/actions/types.js";
import type { Rag } from "../../src/report-contract/schema.js";

const END = "2026-09-30";
const due = (d: string): Timescale => ({ kind: "date", due: d });

describe("reading a RAG rating", () => {
  it.each([
    ["Red", "red"],
    ["RED", "red"],
    ["r", "red"],
    ["Amber", "amber"],
    ["amber ", "amber"],
    ["A", "amber"],
    ["Light green", "light-green"],
    ["Light Green", "light-green"],
    ["light-green", "light-green"],
    ["lightgreen", "light-green"],
    ["LG", "light-green"],
    ["Green", "green"],
    ["g", "green"],
  ])("%j is %s", (text, rag) => {
    expect(parseRag(text)).toBe(rag);
  });

  it("reads blank as not rated and anything else as unknown", () => {
    expect(parseRag("")).toBeNull();
    expect(parseRag("  ")).toBeNull();
    for (const t of ["Complete", "Yellow", "Dark green", "RAG", "G?", "Red/Amber"]) expect(parseRag(t), t).toBe("unknown");
  });
});

describe("the RAG rules against the quarter's end", () => {
  const cases: [string, string, Rag | null, { overdue: boolean; contradicts: boolean; ruled: Rag | null }][] = [
    // due last quarter
    ["due last quarter", "2026-06-30", "red", { overdue: true, contradicts: false, ruled: "red" }],
    ["due last quarter", "2026-06-30", "amber", { overdue: true, contradicts: true, ruled: "red" }],
    ["due last quarter", "2026-06-30", "light-green", { overdue: true, contradicts: true, ruled: "red" }],
    ["due last quarter", "2026-06-30", "green", { overdue: false, contradicts: false, ruled: null }],
    ["due last quarter", "2026-06-30", null, { overdue: true, contradicts: false, ruled: "red" }],
    // due this quarter, on its last day: the time is up at the quarter's end
    ["due on the quarter's last day", END, "red", { overdue: true, contradicts: false, ruled: "red" }],
    ["due on the quarter's last day", END, "amber", { overdue: true, contradicts: true, ruled: "red" }],
    ["due on the quarter's last day", END, "light-green", { overdue: true, contradicts: true, ruled: "red" }],
    ["due on the quarter's last day", END, "green", { overdue: false, contradicts: false, ruled: null }],
    ["due on the quarter's last day", END, null, { overdue: true, contradicts: false, ruled: "red" }],
    // due early this quarter
    ["due in the quarter's first month", "2026-07-31", "light-green", { overdue: true, contradicts: true, ruled: "red" }],
    // due the day after the quarter ends, and next quarter: in timescale
    ["due the day after", "2026-10-01", "light-green", { overdue: false, contradicts: false, ruled: null }],
    ["due next quarter", "2026-12-31", "red", { overdue: false, contradicts: false, ruled: null }],
    ["due next quarter", "2026-12-31", "amber", { overdue: false, contradicts: false, ruled: null }],
    ["due next quarter", "2026-12-31", "light-green", { overdue: false, contradicts: false, ruled: null }],
    ["due next quarter", "2026-12-31", "green", { overdue: false, contradicts: false, ruled: null }],
    ["due next quarter", "2026-12-31", null, { overdue: false, contradicts: false, ruled: null }],
  ];
  it.each(cases)("%s (%s), rated %s", (_, date, rag, expected) => {
    const j = judgeRag(rag, due(date), END);
    expect({ overdue: j.overdue, contradicts: j.contradicts, ruled: j.ruled }).toEqual(expected);
  });

  it("names the rule that applies, and what the guide allows", () => {
    expect(judgeRag("green", due("2026-06-30"), END)).toMatchObject({ rule: "complete", allowed: ["red", "amber", "light-green", "green"] });
    expect(judgeRag("amber", due("2026-06-30"), END)).toMatchObject({ rule: "overdue", allowed: ["red"] });
    expect(judgeRag("amber", due("2026-12-31"), END)).toMatchObject({ rule: "in-timescale" });
  });

  it("never finds an action with no timescale, or an ongoing one, overdue", () => {
    for (const rag of ["red", "amber", "light-green", "green", null] as const) {
      expect(judgeRag(rag, { kind: "none" }, END)).toMatchObject({ overdue: false, contradicts: false, rule: rag === "green" ? "complete" : "no-timescale" });
      expect(judgeRag(rag, { kind: "ongoing", first: "2026-04-30" }, END)).toMatchObject({ overdue: false, contradicts: false });
    }
  });
});

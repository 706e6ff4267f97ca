// The action plan judged for the report: counts by priority, overdue actions, RAG findings (the
// rating reported, never changed), links both ways between actions and indicators.
import { describe, expect, it } from "vitest";
import { judgeActionPlan, type PlanInput, type ResultLine } from "../../src/actions/judge.js";
import type { Action } from "../../src/actions/types.js";
import type { Rag } from "../../src/report-contract/schema.js";
import { action, p } from "./builders.js";

const END = "2026-09-30";
const Q2 = p("2026-27", "Q2");

const result = (indicator: string, status: ResultLine["status"], exception: boolean, rank: number | null = null): ResultLine => ({
  indicator,
  indicatorTitle: `Title of ${indicator}`,
  status,
  exception,
  rank,
});

function plan(actions: Action[], previous: Map<string, Rag | null> | null = null): PlanInput["plan"] {
  return { file: "actions/2026-27-Q2.csv", period: Q2, actions, previous, previousFile: previous ? "actions/2026-27-Q1.csv" : null, issues: [] };
}

describe("judging the action plan", () => {
  const actions = [
    action("P1.1", { rag: "light-green", ragText: "Light green", timescale: { kind: "date", due: "2027-03-31" }, indicators: ["PM1", "PM3"] }),
    action("P1.2"),
    action("P2.2", {
      rag: "light-green",
      ragText: "Light green",
      timescale: { kind: "date", due: "2026-03-31" },
      indicators: ["PM3", "PM17"],
      source: { file: "actions/2026-27-Q2.csv", row: 4, ragCell: "H4" },
    }),
    action("P2.4", { rag: "red", timescale: { kind: "none" } }),
    action("P4.1", { rag: "green", timescale: { kind: "date", due: "2026-09-30" } }),
    action("P4.2", { rag: null, timescale: { kind: "date", due: "2026-09-30" } }),
    action("P4.10", { rag: "amber" }),
  ];
  const results = [
    result("PM1", "stable", false),
    result("PM3", "for-information", false),
    result("PM3", "worsening", true, 4),
    result("PM3", "worsening", true, 2),
    result("PM17", "off-track", true, 1),
  ];
  const judged = judgeActionPlan({ plan: plan(actions, new Map([["P2.2", "amber"]])), assurance: null, period: Q2, quarterEnd: END, results });

  it("counts ratings by priority, in priority order", () => {
    expect(judged.actions!.byPriority).toEqual([
      { priority: "P1", name: null, red: 0, amber: 0, lightGreen: 1, green: 0, notRated: 1, total: 2 },
      { priority: "P2", name: null, red: 1, amber: 0, lightGreen: 1, green: 0, notRated: 0, total: 2 },
      { priority: "P4", name: null, red: 0, amber: 1, lightGreen: 0, green: 1, notRated: 1, total: 3 },
    ]);
  });

  it("lists overdue and not-rated actions", () => {
    expect(judged.actions!.overdue).toEqual(["P2.2", "P4.2"]);
    expect(judged.actions!.notRated).toEqual(["P1.2", "P4.2"]);
  });

  it("reports an overdue action rated Light green as a finding, keeping the lead officer's rating", () => {
    expect(judged.actions!.findings).toEqual([
      {
        ref: "P2.2",
        code: "rag-contradicts-rules",
        stated: "light-green",
        expected: "red",
        due: "2026-03-31",
        message: "P2.2 was due by 31 March 2026 and is not complete, so the RAG guide says Red; the lead officer rated it Light green.",
        file: "actions/2026-27-Q2.csv",
        row: 4,
        cell: "H4",
      },
    ]);
    const p22 = judged.actions!.actions.find((a) => a.ref === "P2.2")!;
    expect(p22).toMatchObject({ rag: "light-green", ruledRag: "red", overdue: true, rule: "overdue", previousRag: "amber" });
  });

  it("gives each action its indicators' statuses: the worst exception's, else the first figure's", () => {
    const p11 = judged.actions!.actions.find((a) => a.ref === "P1.1")!;
    expect(p11.indicators).toEqual([
      { ref: "PM1", title: "Title of PM1", status: "stable", exception: false },
      { ref: "PM3", title: "Title of PM3", status: "worsening", exception: true },
    ]);
  });

  it("gives each indicator the actions meant to move it", () => {
    expect(judged.links!.get("PM3")).toEqual([
      { ref: "P1.1", rag: "light-green", overdue: false },
      { ref: "P2.2", rag: "light-green", overdue: true },
    ]);
    expect(judged.links!.get("PM17")).toEqual([{ ref: "P2.2", rag: "light-green", overdue: true }]);
    expect(judged.links!.get("PM26")).toBeUndefined();
  });

  it("adds nothing when the workspace keeps no action plan and the framework has no assurance", () => {
    expect(judgeActionPlan({ plan: null, assurance: null, period: Q2, quarterEnd: END, results })).toEqual({ links: null });
  });
});

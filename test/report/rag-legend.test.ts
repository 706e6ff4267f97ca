// The action plan section words each rating as the partnership's own RAG guide does (report.json
// carries the guide since 2.2.0): Rotherham's three, never Doncaster's Light green.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { judgeActionPlan } from "../../src/actions/judge.js";
import type { ActionJson, Report } from "../../src/report-contract/schema.js";
import { actionsView, cardActions } from "../../src/report/view-actions.js";
import { loadFramework } from "../../src/workspace/load-framework.js";
import { ROOT } from "../helpers/cli.js";

const rotherham = (await loadFramework(join(ROOT, "schemas", "rotherham"))).rag!;

const action = (ref: string, rag: ActionJson["rag"]): ActionJson => ({
  ref,
  priority: "P1",
  priorityName: null,
  keyAction: `Do ${ref}.`,
  leadOfficer: "Lead",
  timescale: "March 2027",
  due: "2027-03-31",
  ongoing: false,
  measures: "",
  progress: "",
  rag,
  ragText: rag ?? "",
  previousRag: null,
  rule: "in-timescale",
  overdue: false,
  ruledRag: null,
  indicators: [],
  assurance: [],
  file: "actions/2026-27-Q2.csv",
  row: 2,
});

function reportWith(guide: Parameters<typeof judgeActionPlan>[0]["guide"]): Report {
  const judged = judgeActionPlan({
    plan: { file: "actions/2026-27-Q2.csv", year: "2026-27", quarter: "Q2", previousFile: null, actions: [], issues: [] } as never,
    quarterEnd: "2026-09-30",
    results: [],
    period: { year: "2026-27", quarter: "Q2" },
    guide,
  } as never);
  const byPriority = [{ priority: "P1", name: null, red: 1, amber: 0, lightGreen: 0, green: 1, notRated: 1, total: 3 }];
  const actions = { ...judged.actions!, actions: [action("P1.1", "red"), action("P1.2", "green"), action("P1.3", null)], byPriority };
  return { year: "2026-27", quarter: "Q2", actions } as unknown as Report;
}

describe("the action plan's RAG key", () => {
  it("carries the guide the plan was judged by into report.json", () => {
    expect(reportWith(rotherham).actions!.guide).toEqual({ name: rotherham.name, ratings: rotherham.ratings });
    expect(reportWith(undefined).actions!.guide!.ratings.map((r) => r.words)).toEqual(["Red", "Amber", "Light green", "Green"]);
  });

  it("shows Rotherham's three ratings in its own words, with a column each and one for not rated", () => {
    const view = actionsView(reportWith(rotherham))!;
    expect(view.guide.map((g) => [g.status.word, g.meaning])).toEqual([
      ["Red", "Overdue."],
      ["Amber", "In Progress but Off Target (inc Deferred action)."],
      ["Green", "Complete/ On Target."],
      ["Not rated", "The lead officer gave no rating."],
    ]);
    expect(view.columns.map((c) => c.word)).toEqual(["Red", "Amber", "Green", "Not rated"]);
    expect(view.totals.counts).toEqual(["1", "0", "1", "1"]);
    expect(JSON.stringify(view)).not.toMatch(/Light green/);
  });

  it("keeps Doncaster's four where the framework has no guide of its own", () => {
    const view = actionsView(reportWith(undefined))!;
    expect(view.columns.map((c) => c.word)).toEqual(["Red", "Amber", "Light green", "Green", "Not rated"]);
    expect(view.totals.counts).toEqual(["1", "0", "0", "1", "1"]);
  });

  it("words the ratings on an exception card by the guide too", () => {
    const report = reportWith({ ...rotherham, ratings: rotherham.ratings.map((r) => (r.rag === "red" ? { ...r, words: "Overdue (red)" } : r)) });
    const card = cardActions({ indicator: "RO1", actions: [{ ref: "P1.1", rag: "red", overdue: false }] } as never, report);
    expect(card.actions![0]!.rag.word).toBe("Overdue (red)");
  });
});

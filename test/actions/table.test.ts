// The action plan's table -> actions, with every problem an issue at its file, row and cell.
import { describe, expect, it } from "vitest";
import { readActionTable, type ActionContext } from "../../src/actions/table.js";
import { HEADER, table } from "./builders.js";

const CTX: ActionContext = {
  indicators: new Set(Array.from({ length: 38 }, (_, i) => `PM${i + 1}`)),
  assurance: new Set(Array.from({ length: 20 }, (_, i) => `QA${i + 1}`)),
  financialYearStartMonth: 4,
};

const row = (ref: string, over: Partial<Record<"priority" | "key" | "lead" | "timescale" | "measures" | "progress" | "rag", string>> = {}) => [
  ref,
  over.priority ?? "P2 Support and keep victims, survivors & families safe",
  over.key ?? "Expand the Sanctuary Scheme",
  over.lead ?? "DA Strategic Lead, DMBC",
  over.timescale ?? "December 2026",
  over.measures ?? "Analysis of PM26-PM29, QA11",
  over.progress ?? "Funding identified.",
  over.rag ?? "Amber",
];

describe("reading the action plan's table", () => {
  it("reads an action: its priority, timescale, rating and links", () => {
    const { actions, issues } = readActionTable(table([row("P2.3")]), CTX);
    expect(issues).toEqual([]);
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      ref: "P2.3",
      priority: "P2",
      priorityName: "Support and keep victims, survivors & families safe",
      keyAction: "Expand the Sanctuary Scheme",
      leadOfficer: "DA Strategic Lead, DMBC",
      timescaleText: "December 2026",
      timescale: { kind: "date", due: "2026-12-31" },
      rag: "amber",
      indicators: ["PM26", "PM27", "PM28", "PM29"],
      assurance: ["QA11"],
      source: { file: "actions/2026-27-Q2.csv", row: 2, ragCell: "H2", timescaleCell: "E2", measuresCell: "F2" },
    });
  });

  it("takes the priority from the reference when the priority column is blank or absent", () => {
    expect(readActionTable(table([row("P3.1", { priority: "" })]), CTX).actions[0]!.priority).toBe("P3");
    const narrow = table([["P4.2", "Green"]], ["Action No.", "RAG Rating"]);
    const read = readActionTable(narrow, CTX);
    expect(read.issues).toEqual([]);
    expect(read.actions[0]).toMatchObject({ ref: "P4.2", priority: "P4", rag: "green", timescale: { kind: "none" } });
  });

  it("matches the seed's own headers, and reads text after the template's formula guard", () => {
    const seedHeader = ["Action No.", "Key Action", "Lead Officer", "Timescale", "Measure(s)", "Progress Update", "RAG Rating"];
    const read = readActionTable(table([["P1.1", "Campaign", "Lead", "March 2027", "'- Analysis of PM1", "'=SUM(A1)", "Light green"]], seedHeader), CTX);
    expect(read.issues).toEqual([]);
    expect(read.actions[0]).toMatchObject({ measures: "- Analysis of PM1", progress: "=SUM(A1)", indicators: ["PM1"], rag: "light-green" });
  });

  it("reports an unknown RAG rating at its cell and treats the action as not rated", () => {
    const { actions, issues } = readActionTable(table([row("P2.3"), row("P2.4", { rag: "Yellow" })]), CTX);
    expect(actions.map((a) => a.rag)).toEqual(["amber", null]);
    expect(issues).toEqual([expect.objectContaining({ code: "unknown-rag", severity: "error", file: "actions/2026-27-Q2.csv", row: 3, cell: "H3", column: "RAG", found: "Yellow" })]);
  });

  it("reports a timescale that is not a date or month, and reads it as none", () => {
    const { actions, issues } = readActionTable(table([row("P2.3", { timescale: "soon" }), row("P2.4", { timescale: "2021" })]), CTX);
    expect(actions.map((a) => a.timescale)).toEqual([{ kind: "none" }, { kind: "none" }]);
    expect(issues.map((i) => [i.code, i.row, i.cell, i.found])).toEqual([
      ["invalid-timescale", 2, "E2", "soon"],
      ["invalid-timescale", 3, "E3", "2021"],
    ]);
  });

  it("reports a duplicate reference, keeping the first row", () => {
    const { actions, issues } = readActionTable(table([row("P2.3", { rag: "Red" }), row("p2.3", { rag: "Green" })]), CTX);
    expect(actions.map((a) => [a.ref, a.rag])).toEqual([["P2.3", "red"]]);
    expect(issues).toEqual([expect.objectContaining({ code: "duplicate-action", severity: "error", row: 3, cell: "A3" })]);
    expect(issues[0]!.message).toMatch(/row 2 and again on row 3/);
  });

  it("reports a row with no reference", () => {
    const { actions, issues } = readActionTable(table([row("", { key: "An action nobody numbered" })]), CTX);
    expect(actions).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ code: "missing-action-reference", row: 2, cell: "A2" })]);
  });

  it("reports a missing reference or RAG column, and reads nothing", () => {
    const { actions, issues } = readActionTable(table([["P1.1", "x"]], ["key action", "timescale"]), CTX);
    expect(actions).toEqual([]);
    expect(issues.map((i) => [i.code, i.column])).toEqual([
      ["missing-action-column", "reference"],
      ["missing-action-column", "rag"],
    ]);
  });

  it("warns of an unknown column", () => {
    const { issues } = readActionTable(table([[...row("P2.3"), "x"]], [...HEADER, "comments"]), CTX);
    expect(issues).toEqual([expect.objectContaining({ code: "extra-column", severity: "warning", cell: "I1" })]);
  });

  it("warns of references that cannot be read, and of ones not in the framework, making no link for them", () => {
    const { actions, issues } = readActionTable(table([row("P2.3", { measures: "Analysis of PM8-PM3, PM99, QA21, PM4" })]), CTX);
    expect(actions[0]!.indicators).toEqual(["PM4"]);
    expect(actions[0]!.assurance).toEqual([]);
    expect(issues.map((i) => [i.code, i.severity, i.cell, i.found])).toEqual([
      ["unreadable-reference", "warning", "F2", "PM8-PM3"],
      ["unknown-linked-reference", "warning", "F2", "PM99"],
      ["unknown-linked-reference", "warning", "F2", "QA21"],
    ]);
  });
});

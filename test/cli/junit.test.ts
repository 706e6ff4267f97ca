// `--format junit`: well-formed XML (checked by a strict parser), one suite per file, one failing
// test case per error, everything escaped.
import { describe, expect, it } from "vitest";
import type { ValidationResult } from "../../src/api/validate.js";
import { formatJunit } from "../../src/cli/formats/junit.js";
import { escapeXml as xmlEscape } from "../../src/words/index.js";
import type { Issue } from "../../src/types.js";
import { darep } from "../helpers/cli.js";
import { makeWorkspace } from "../helpers/workspace.js";
import { all, parseXml } from "./xml-tree.js";

const hostile = `Found "<script>alert('x')</script>" & 50% here,\nthen more`;

const err = (extra: Partial<Issue>): Issue => ({ code: "invalid-value", severity: "error", file: "returns/2026-27/Q2/riverside.csv", message: "The value is not a number.", ...extra });

const result: ValidationResult = {
  issues: [{ code: "unknown-agency", severity: "error", file: "returns/2026-27/Q2/nobody.csv", message: "nobody.csv is not named after an agency." }],
  files: [
    {
      file: "returns/2026-27/Q2/riverside.csv",
      agency: "riverside",
      year: "2026-27",
      quarter: "Q2",
      status: "invalid",
      sha256: "ab",
      receivedAt: null,
      figures: 10,
      errors: 2,
      warnings: 1,
      issues: [
        err({ row: 7, cell: "D7", column: "value", indicator: "PM17", message: hostile, found: "a\u0001b\ud800" }),
        err({ code: "blank-value", row: 9, cell: "D9", column: "value", indicator: "PM18", message: "The value is blank.", advice: "Write [x]." }),
        { code: "sudden-change", severity: "warning", file: "returns/2026-27/Q2/riverside.csv", row: 3, indicator: "PM19", message: "Moved <a lot>." },
      ],
    },
    { file: "returns/2026-27/Q2/dbth.xlsx", agency: "dbth", year: "2026-27", quarter: "Q2", status: "valid", sha256: "cd", receivedAt: null, figures: 20, errors: 0, warnings: 0, issues: [] },
  ],
  summary: { files: 2, valid: 1, invalid: 1, errors: 3, warnings: 1 },
};

describe("--format junit", () => {
  const xml = formatJunit(result, (f) => `ws/${f}`);
  const doc = parseXml(xml);

  it("is well-formed XML with totals on the root", () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')).toBe(true);
    expect(doc.name).toBe("testsuites");
    expect(doc.attrs).toMatchObject({ tests: "4", failures: "3", errors: "0" });
  });

  it("has one suite per file (and one for the workspace), one failing case per error", () => {
    const suites = all(doc, "testsuite");
    expect(suites.map((s) => s.attrs.name)).toEqual(["workspace", "ws/returns/2026-27/Q2/riverside.csv", "ws/returns/2026-27/Q2/dbth.xlsx"]);
    expect(suites.map((s) => [s.attrs.tests, s.attrs.failures])).toEqual([
      ["1", "1"],
      ["2", "2"],
      ["1", "0"],
    ]);
    const [, riverside, dbth] = suites;
    const cases = all(riverside!, "testcase");
    expect(cases.map((c) => c.attrs.name)).toEqual(["PM17 row 7, cell D7 (value): invalid-value", "PM18 row 9, cell D9 (value): blank-value"]);
    expect(cases.map((c) => c.attrs.line)).toEqual(["7", "9"]);
    expect(cases[1]!.attrs.file).toBe("ws/returns/2026-27/Q2/riverside.csv");
    expect(all(dbth!, "testcase").map((c) => [c.attrs.name, c.children.length])).toEqual([["return is valid", 0]]);
  });

  it("escapes everything and keeps line breaks in attributes", () => {
    const failure = all(doc, "failure")[1]!;
    expect(failure.attrs.type).toBe("invalid-value");
    expect(failure.attrs.message).toBe(`row 7, cell D7 (value): ${hostile}`);
    expect(failure.text).toContain(`code: invalid-value`);
    expect(failure.text).toContain(`found: a\ufffdb\ufffd`);
    expect(xml).not.toContain("<script>");
  });

  it("puts warnings in the suite's output, not in a failure", () => {
    const out = all(doc, "system-out");
    expect(out).toHaveLength(1);
    expect(out[0]!.text).toContain("warning: row 3: Moved <a lot>.");
    expect(all(doc, "failure").some((f) => f.attrs.type === "sudden-change")).toBe(false);
  });

  it("escapes text and attributes differently", () => {
    expect(xmlEscape(`a<b>&"'\n`)).toBe(`a&lt;b&gt;&amp;&quot;&#39;\n`);
    expect(xmlEscape(`a<b>&"'\n\t`, true)).toBe("a&lt;b&gt;&amp;&quot;&#39;&#10;&#9;");
    expect(xmlEscape("\u0000\u001f\ud83d\ude00")).toBe("\ufffd\ufffd\ud83d\ude00");
  });
});

describe("darep validate --format junit", () => {
  it("prints JUnit XML for the files checked, exit 1 when there are errors", async () => {
    const file = "returns/2026-27/Q2/south-yorkshire-police.csv";
    const root = makeWorkspace({ files: { [file]: "indicator,measure,category,value,note\nPM20,incidents,,,\n" } });
    const r = await darep(["validate", file, "--format", "junit"], { cwd: root });
    expect(r.code).toBe(1);
    const doc = parseXml(r.stdout);
    const suites = all(doc, "testsuite");
    expect(suites.map((x) => x.attrs.name)).toEqual([file]);
    const cases = all(suites[0]!, "testcase");
    expect(cases.some((c) => c.attrs.name === "PM20 row 2, cell D2 (value): blank-value" && c.attrs.line === "2")).toBe(true);
    expect(Number(doc.attrs.failures)).toBe(all(doc, "failure").length);
  });
});

// A finding that quotes a small count is worded without it wherever it is published or sent on: the
// report's chase list and warnings, and `darep status` (whose list goes by email or ticket), even when
// the figure itself was never used (an invalid measure has no published history to mark it).
import { describe, expect, it } from "vitest";
import { status } from "../../src/index.js";
import { protectIssue } from "../../src/disclosure/index.js";
import type { Report } from "../../src/report-contract/schema.js";
import { makeWorkspace } from "../helpers/workspace.js";

type IssueJson = Report["warnings"][number];
const sudden = (message: string, found: string, expected: string): IssueJson => ({
  code: "sudden-change",
  severity: "warning",
  file: "returns/2026-27/Q2/police.csv",
  row: 3,
  indicator: "PM7",
  measure: "victim-gender",
  category: "other",
  message,
  found,
  expected,
});

describe("a finding that quotes figures", () => {
  it("is worded without them when a count it quotes is small, whether or not the measure's figures were protected", () => {
    const small = protectIssue(sudden("PM7 victim-gender (other) fell from 26 to 5, more than 3-fold since last quarter.", "5", "near last quarter's 26"), new Set(), 8);
    expect(`${small.message} ${small.found ?? ""} ${small.expected ?? ""}`).not.toMatch(/\b(5|26)\b/);
    expect(small).toMatchObject({ row: 3, indicator: "PM7", code: "sudden-change" });
  });

  it("keeps its words when every count it quotes is large, and when the policy protects nothing", () => {
    const large = sudden("PM7 victim-gender (other) rose from 20 to 90, more than 3-fold since last quarter.", "90", "near last quarter's 20");
    expect(protectIssue(large, new Set(), 8)).toBe(large);
    const small = sudden("PM7 victim-gender (other) fell from 26 to 5, more than 3-fold since last quarter.", "5", "near last quarter's 26");
    expect(protectIssue(small, new Set(), null)).toBe(small);
  });
});

describe("darep status", () => {
  it("sends on no small count a finding quotes", async () => {
    const root = makeWorkspace({
      files: {
        "returns/2026-27/Q1/south-yorkshire-police.csv": "indicator,measure,category,value,note\nPM20,incidents,,400,\nPM20,incidents,crime,380,\nPM20,incidents,non-crime,20,\n",
        "returns/2026-27/Q2/south-yorkshire-police.csv": "indicator,measure,category,value,note\nPM20,incidents,,384,\nPM20,incidents,crime,381,\nPM20,incidents,non-crime,3,\n",
      },
    });
    const { list } = await status({ workspace: root, cwd: root, quarter: "Q2", year: "2026-27", today: "2026-11-25" });
    const text = JSON.stringify(list);
    expect(text).toMatch(/sudden-change/);
    expect(text).not.toMatch(/from 20 to 3|"found":"3"/);
  });
});

// The analyst's commentary split into sections per indicator, with a warning for unknown ones.
import { describe, expect, it } from "vitest";
import { parseCommentary } from "../../src/trends/commentary.js";

const FILE = "commentary/2026-27-Q2.md";
const REFS = ["PM1", "PM3", "PM17", "PM20"];

describe("commentary", () => {
  it("reads '## PM3', '## PM3 – Title' and '### pm3' headings, each to the next heading of its level or higher", () => {
    const source = [
      "# Commentary for Q2", // 1
      "",
      "Overall a busy quarter.", // 3
      "",
      "## PM3 – Repeat referrals", // 5
      "Repeat referrals rose again.",
      "",
      "### Why", // 8: a sub-heading belongs to the section
      "A new team started.",
      "## PM20: crimes", // 10
      "Crimes are up.",
      "# Other matters", // 12: ends PM20
      "Not about any indicator.",
      "### pm17", // 14
      "People supported fell short.",
    ].join("\n");
    const c = parseCommentary(source, FILE, REFS);
    expect([...c.sections.keys()]).toEqual(["PM3", "PM20", "PM17"]);
    expect(c.sections.get("PM3")).toBe("Repeat referrals rose again.\n\n### Why\nA new team started.");
    expect(c.sections.get("PM20")).toBe("Crimes are up.");
    expect(c.sections.get("PM17")).toBe("People supported fell short.");
    expect(c.issues).toEqual([]);
  });

  it("warns about a section for an unknown reference, at its heading's line, and leaves it out", () => {
    const source = "## PM1\nFine.\r\n\r\n## PM99 - Nonsense\nIgnored.\n## PM3\nKept.\n";
    const c = parseCommentary(source, FILE, REFS);
    expect(c.sections.has("PM99")).toBe(false);
    expect(c.sections.get("PM1")).toBe("Fine.");
    expect(c.sections.get("PM3")).toBe("Kept.");
    expect(c.issues).toHaveLength(1);
    expect(c.issues[0]).toMatchObject({ code: "unknown-commentary", severity: "warning", file: FILE, row: 4, indicator: "PM99" });
  });

  it("does not take other headings for references, nor headings inside code fences", () => {
    const source = "## Q2 highlights\nText.\n## P1.5 actions\nMore.\n## PM1\n```\n## PM2\n```\nEnd.\n";
    const c = parseCommentary(source, FILE, REFS);
    expect(c.issues).toEqual([]);
    expect([...c.sections.keys()]).toEqual(["PM1"]);
    expect(c.sections.get("PM1")).toBe("```\n## PM2\n```\nEnd.");
  });

  it("joins two sections for one reference and drops empty ones", () => {
    const c = parseCommentary("\uFEFF## PM1\nFirst.\n## PM3\n\n## pm1\nSecond.", FILE, REFS);
    expect(c.sections.get("PM1")).toBe("First.\n\nSecond.");
    expect(c.sections.has("PM3")).toBe(false);
  });
});

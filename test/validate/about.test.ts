// An XLSX return's About sheet must name the agency and the quarter its place in the returns folder says.
import { describe, expect, it } from "vitest";
import { checkAbout } from "../../src/validate/index.js";
import { periodOf } from "../../src/validate/about.js";
import { agency, at, PERIOD, table, withHeader } from "./builders.js";

const FILE = "returns/2026-27/Q2/riverside.xlsx";
const about = (pairs: Record<string, string>) => checkAbout(table(withHeader(["PM19", "", "", "85%", ""]), { file: FILE, format: "xlsx", sheet: "Return", about: pairs }), agency("riverside"), PERIOD);

describe("the About sheet", () => {
  it("agrees when it names the agency (by id or name, any case) and the period", () => {
    expect(about({ agency: "riverside", period: "2026-27 Q2" })).toEqual([]);
    expect(about({ agency: "RIVERSIDE (Refuge and Outreach)", period: "2026-27 Q2", contact: "x", submitted: "2026-10-20" })).toEqual([]);
  });

  it.each(["Q2 2026-27", "2026/27 q2", "2026-27  Q 2", "2026 – 27 Q2", "2026-2027 Quarter 2", "Quarter 2, 2026-27"])("accepts the period written %j", (period) => {
    expect(about({ agency: "riverside", period })).toEqual([]);
  });

  it("reports another agency and another period, each in its own column of the About sheet", () => {
    const issues = about({ agency: "dbth", period: "2025-26 Q2" });
    expect(issues.map((i) => ({ ...at(i), sheet: i.sheet, file: i.file }))).toEqual([
      { code: "about-mismatch", severity: "error", row: undefined, cell: undefined, column: "agency", sheet: "About", file: FILE },
      { code: "about-mismatch", severity: "error", row: undefined, cell: undefined, column: "period", sheet: "About", file: FILE },
    ]);
    expect(issues[0]).toMatchObject({
      found: "dbth",
      expected: "riverside or Riverside (refuge and outreach)",
      message: "The About sheet names the agency 'dbth', but the file is riverside's return.",
    });
    expect(issues[1]).toMatchObject({ found: "2025-26 Q2", expected: "2026-27 Q2", message: "The About sheet says the period is '2025-26 Q2', but the file is in the folder for 2026-27 Q2." });
  });

  it.each(["2026-27", "Q2", "2026-27 Q3", "2026-10-14", "2026-28 Q2"])("reports the period %j, which is not this quarter", (period) => {
    expect(about({ agency: "riverside", period }).map((i) => [i.code, i.column])).toEqual([["about-mismatch", "period"]]);
  });

  it("says nothing when there is no About sheet, or it leaves agency and period blank", () => {
    expect(checkAbout(table(withHeader()), agency("riverside"), PERIOD)).toEqual([]);
    expect(about({ agency: "", period: " ", contact: "Jo" })).toEqual([]);
  });

  it("reads a period from the words people write", () => {
    expect(periodOf("2025-26 Q2")).toBe("2025-26 Q2");
    expect(periodOf("q4 2025/2026")).toBe("2025-26 Q4");
    expect(periodOf("July to September 2026")).toBeNull();
  });
});

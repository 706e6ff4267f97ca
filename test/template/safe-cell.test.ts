// Formula injection: text darep writes into a cell never starts a formula.
import { describe, expect, it } from "vitest";
import { csvField } from "../../src/template/csv.js";
import { couldBeFormula, safeCell } from "../../src/template/safe-cell.js";

describe("safeCell", () => {
  it.each(["=1+1", "+44 1302", "-2", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://x","y")', "＝1+1"])("prefixes an apostrophe to %j", (text) => {
    expect(safeCell(text)).toBe(`'${text}`);
    expect(couldBeFormula(text)).toBe(true);
  });

  it.each(["PM20", "referrals", "", "45%", "[x]", "a = b", "1-2", " =x"])("leaves %j as it is", (text) => {
    expect(safeCell(text)).toBe(text);
    expect(couldBeFormula(text)).toBe(false);
  });

  it("quotes a CSV field after neutralising it", () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField("plain")).toBe("plain");
  });
});

// The framework spreadsheet's compound cells (targets by year, an at-risk band, comparators) read and
// write back the same, name what is wrong in words, and an unwritable value falls back to the JSON column.
import { describe, expect, it } from "vitest";
import { numberError, readBand, readComparators, readNumber, readYearAmounts, writeBand, writeComparators, writeYearAmounts } from "../../src/framework-io/cell-text.js";
import { COLUMNS } from "../../src/framework-io/index.js";
import { measureRow } from "../../src/framework-io/to-rows.js";
import type { Indicator } from "../../src/framework/schema.js";

describe("the framework spreadsheet's compound cells", () => {
  it("reads numbers with thousands commas only, and names a decimal comma instead of reading it ten times too big", () => {
    expect(["300", "-2.5", "1,320", "1,000,000.5", ".5"].map(readNumber)).toEqual([300, -2.5, 1320, 1000000.5, 0.5]);
    for (const bad of ["7,5", "2,5", "0x10", "1e3", "12,34", "", "1,2345"]) expect(readNumber(bad), bad).toBeNull();
    expect(numberError("7,5")).toBe("must be a number with a decimal point: write 7.5, not 7,5");
    expect(readBand("2,5%").error).toMatch(/decimal point, not a comma/);
    expect(readYearAmounts("2025-26: 7,5").error).toMatch(/decimal point, not a comma/);
  });

  it("refuses an empty band and a year given twice", () => {
    expect(readBand(";").error).toMatch(/percentage of the target/);
    expect(readYearAmounts("2025-26: 300; 2025-26: 400").error).toBe("gives 2025-26 twice; give each year once");
  });

  it("reads and writes targets by year", () => {
    expect(readYearAmounts("2025-26: 300; 2026-27: 1,320")).toEqual({ value: { "2025-26": 300, "2026-27": 1320 } });
    expect(writeYearAmounts({ "2025-26": 300, "2026-27": 1320 })).toBe("2025-26: 300; 2026-27: 1320");
    expect(readYearAmounts("2025-26 300").error).toMatch(/year: amount pairs/);
  });

  it("reads an at-risk band as a share of the target and an amount, without floating-point dust", () => {
    expect(readBand("7%")).toEqual({ value: { relative: 0.07 } });
    expect(readBand("5%; 2")).toEqual({ value: { relative: 0.05, absolute: 2 } });
    expect(writeBand({ relative: 0.07, absolute: 2 })).toBe("7%; 2");
    for (const bad of ["-5%", "five", "5%; 6%"]) expect(readBand(bad).error).toMatch(/percentage of the target/);
  });

  it("reads comparators one per line, with an optional unit", () => {
    const text = "31 | Repeat rate, England and Wales | SafeLives | 12 months to September 2024 | percent\n2.5 | Neighbours' average | ONS | 2024";
    const read = readComparators(text);
    expect(read.value).toEqual([
      { value: 31, label: "Repeat rate, England and Wales", source: "SafeLives", period: "12 months to September 2024", unit: "percent" },
      { value: 2.5, label: "Neighbours' average", source: "ONS", period: "2024" },
    ]);
    expect(writeComparators(read.value as never)).toBe(text);
    expect(readComparators("31 | Repeat rate").error).toMatch(/value \| what it is \| source \| period/);
    expect(readComparators("x | a | b | c").error).toMatch(/on its own line/);
  });

  it("keeps a comparator the cell cannot show in the measure's JSON column", () => {
    const comparators = [{ value: 1, label: "A | B", source: "S", period: "P" }];
    const indicator = {
      ref: "SH1",
      title: "T",
      theme: "H",
      owner: "police",
      tellsUs: "D",
      frequency: "quarterly",
      measures: [{ id: "m", label: "M", unit: "count", tracked: true, direction: { wanted: "up", reason: "R" }, comparators }],
    } as unknown as Indicator;
    const row = measureRow(indicator, indicator.measures[0]!);
    const cell = (h: string) => row[COLUMNS.findIndex((c) => c.header === h)];
    expect(cell("comparators")).toBe("");
    expect(JSON.parse(String(cell("measure: more (JSON)")))).toEqual({ comparators });
  });
});

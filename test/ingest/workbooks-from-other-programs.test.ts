// Workbooks as agencies' other programs write them, through the real binary: those exceljs could not
// read as they were are repaired and read; those that hold something darep must say are named, at
// their cell, with advice. No library's message ever reaches the data officer.
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../src/issues/catalogue.js";
import { checkBad, pinned } from "../helpers/bad-fixture.js";

const AS = "probation-service.xlsx";
const LIBRARY_WORDS = /Cannot read|undefined|properties|richText|sheetNo|Invalid row number/;

describe("workbooks exceljs could not read as they were", () => {
  it.each(["namespace-prefixed.xlsx", "whole-column-validation.xlsx", "cells-without-address.xlsx"])("%s is read, every figure as written", (name) => {
    const { code, check, stdout } = checkBad(name, AS);
    expect(check.issues).toEqual([]);
    expect(check).toMatchObject({ status: "valid", figures: 2 });
    expect(code).toBe(0);
    expect(stdout).not.toMatch(LIBRARY_WORDS);
  });

  it("a shared-string number past the end of the table: the cell named, read as blank, the rest read", () => {
    const { check, stdout } = checkBad("shared-string-out-of-range.xlsx", AS);
    expect(check.issues.map(pinned)).toEqual([{ code: "damaged-cell", severity: "error", row: 3, cell: "E3", column: "note" }]);
    expect(check.issues[0]!.advice).toBe(CATALOGUE["damaged-cell"].advice);
    expect(check.figures).toBe(2);
    expect(stdout).not.toMatch(LIBRARY_WORDS);
  });
});

describe("workbooks that could be read two ways", () => {
  it("two zip entries of one name: refused as ambiguous", () => {
    const { code, check } = checkBad("duplicate-zip-entry.xlsx", AS);
    expect(code).toBe(1);
    expect(check.issues.map((i) => [i.code, i.severity, i.found])).toEqual([["ambiguous-file", "error", "xl/worksheets/sheet1.xml"]]);
    expect(check.issues[0]!.advice).toMatch(/save it again as \.xlsx/);
  });

  it("one cell address given twice: refused as ambiguous, at that cell", () => {
    const { check } = checkBad("duplicate-cell.xlsx", AS);
    expect(check.issues.map(pinned)).toEqual([{ code: "ambiguous-file", severity: "error", row: 2, cell: "D2", column: undefined }]);
    expect(check.issues[0]!.sheet).toBe("Return");
    expect(check.figures).toBe(0);
  });
});

describe("workbooks darep reads, and says what it saw", () => {
  it("a hidden Return sheet: read, with a warning", () => {
    const { code, check } = checkBad("hidden-return-sheet.xlsx", AS);
    expect(code).toBe(0);
    expect(check.issues.map((i) => [i.code, i.severity, i.sheet])).toEqual([["hidden-sheet", "warning", "Return"]]);
    expect(check.issues[0]!.advice).toMatch(/Unhide/);
    expect(check.figures).toBe(2);
  });

  it("a macro-enabled workbook renamed .xlsx: read as data, with a warning that no macro is run", () => {
    const { check } = checkBad("macro-enabled.xlsx", AS);
    expect(check.issues.map((i) => [i.code, i.severity])).toEqual([["macro-workbook", "warning"]]);
    expect(check.issues[0]!.message).toMatch(/never runs them/);
    expect(check.figures).toBe(2);
  });

  it("a row filled out to column XFD: one error, not 16,379", () => {
    const { check, stdout } = checkBad("row-to-xfd.xlsx", AS);
    expect(check.issues.map(pinned)).toEqual([{ code: "blank-header", severity: "error", row: 1, cell: "F1", column: undefined }]);
    expect(check.issues[0]!.message).toBe("The header cells F1 to XFD1 are blank, but the 16,379 columns below them have data (first in F3).");
    expect(stdout.split("\n").length).toBeLessThan(100);
  });

  it("150,000 formatted but empty rows are not rows: the return is read, not refused", () => {
    const { code, check } = checkBad("formatted-empty-rows.xlsx", AS);
    expect(check.issues).toEqual([]);
    expect(check.figures).toBe(2);
    expect(code).toBe(0);
  });
});

// CSV files as other programs save them, through the real binary: Excel's sep= line, tab-separated
// text, UTF-16 with and without a byte-order mark are read, and the unusual ones named; and a
// finding after a note with a line break points at the file's real line in GitHub and JUnit.
import { describe, expect, it } from "vitest";
import { readReturn } from "../../src/ingest/index.js";
import { checkBad, runBad } from "../helpers/bad-fixture.js";
import { fixture } from "./helpers.js";

const AS = "probation-service.csv";

describe("text files from other programs", () => {
  it("Excel's sep=, first line is accepted: not a row, and not a word about it", () => {
    const { code, check } = checkBad("sep-line.csv", AS);
    expect(check.issues).toEqual([]);
    expect(check).toMatchObject({ status: "valid", figures: 2 });
    expect(code).toBe(0);
  });

  it("a tab-separated file is named and read", () => {
    const { code, check } = checkBad("tab-separated.csv", AS);
    expect(check.issues.map((i) => [i.code, i.severity])).toEqual([["tab-separated", "warning"]]);
    expect(check.figures).toBe(2);
    expect(code).toBe(0);
  });

  /** What the probation service's two UTF-16 returns hold (made by fixtures/bad/make-workbook-fixtures.mjs). */
  const PROBATION = [
    ["PM32", "completions", "", "41", ""],
    ["PM32", "reoffending-rate", "", "16%", "Local cohort"],
  ];
  it.each([
    ["utf16le-no-bom.csv", "little-endian, without a byte-order mark) separated by tabs", PROBATION],
    ["utf16be-no-bom.csv", "big-endian, without a byte-order mark)", PROBATION],
    [
      "utf16le.csv",
      "little-endian) separated by tabs",
      [
        ["PM1", "referrals", "", "412", "£2k grant"],
        ["PM20", "incidents", "crime", "1,203", ""],
      ],
    ],
  ])("UTF-16 text %s is named and read", async (name, words, rows) => {
    const { check } = checkBad(name, name === "utf16le.csv" ? "riverside.csv" : AS);
    expect(check.issues.filter((i) => i.code === "utf-16-text").map((i) => i.severity)).toEqual(["warning"]);
    expect(check.issues[0]!.message).toContain(words);
    expect(check.issues[0]!.advice).toMatch(/CSV UTF-8/);
    // The figures themselves, cell by cell: a wrong byte order or a lost BOM would garble them.
    if (name !== "utf16le.csv") expect(check).toMatchObject({ status: "valid", figures: 2 });
    const read = await readReturn(fixture(name));
    expect(read.table?.header?.cells).toEqual(["indicator", "measure", "category", "value", "note"]);
    expect(read.table?.rows.map((r) => r.cells)).toEqual(rows);
  });
});

describe("the file's real line, after a note with a line break", () => {
  it("--format json gives the row and, where they differ, the line", () => {
    const { check } = checkBad("note-with-line-break.csv", AS);
    expect(check.issues.map((i) => [i.code, i.row, i.line, i.cell])).toEqual([["percent-as-fraction", 3, 4, "D3"]]);
  });

  it("--format github annotates line 4, where row 3 is in the file", () => {
    const { stdout } = runBad("note-with-line-break.csv", AS, ["--format", "github"]);
    expect(stdout).toMatch(/^::error file=returns\/2026-27\/Q2\/probation-service\.csv,line=4,col=4,title=darep percent-as-fraction::/m);
  });

  it("--format junit puts the failing test case on line 4", () => {
    const { stdout } = runBad("note-with-line-break.csv", AS, ["--format", "junit"]);
    expect(stdout).toMatch(/<testcase [^>]*line="4"/);
  });
});

// Timescales as the seed's action plan writes them ("March 2022", "December 2021") are the last day
// of that month; dates, quarters and "ongoing" are read too, and anything else is refused.
import { describe, expect, it } from "vitest";
import { parseDate, parseTimescale } from "../../src/actions/timescale.js";

describe("reading a timescale", () => {
  it.each([
    ["March 2022", "2022-03-31"],
    ["December 2021", "2021-12-31"],
    ["November 2021", "2021-11-30"],
    ["February 2022", "2022-02-28"],
    ["February 2024", "2024-02-29"],
    ["September 2021", "2021-09-30"],
    ["Sept 2026", "2026-09-30"],
    ["Jan 2018", "2018-01-31"],
    ["mar-27", "2027-03-31"],
    ["  march   2027 ", "2027-03-31"],
    ["by March 2027", "2027-03-31"],
    ["end of March 2027", "2027-03-31"],
    ["31 March 2027", "2027-03-31"],
    ["1st April 2027", "2027-04-01"],
    ["31/03/2027", "2027-03-31"],
    ["1/4/27", "2027-04-01"],
    ["03/2027", "2027-03-31"],
    ["2027-03-31", "2027-03-31"],
    ["2027-03", "2027-03-31"],
    ["Q4 2026-27", "2027-03-31"],
    ["2026-27 Q2", "2026-09-30"],
  ])("%j is due by %s", (text, due) => {
    expect(parseTimescale(text)).toEqual({ kind: "date", due });
  });

  it("reads a blank timescale as none, and 'ongoing' with the first date it names", () => {
    expect(parseTimescale("")).toEqual({ kind: "none" });
    expect(parseTimescale("   ")).toEqual({ kind: "none" });
    expect(parseTimescale("Ongoing")).toEqual({ kind: "ongoing", first: null });
    expect(parseTimescale("First report due November 2021 and then ongoing once established")).toEqual({ kind: "ongoing", first: "2021-11-30" });
  });

  it.each(["2021", "TBC", "soon", "asap", "31/02/2027", "13/2027", "2027-13", "Marchember 2027", "March", "Q5 2026-27", "Q1 2026-28", "December 2021  December"])(
    "refuses %j: not a date or a month",
    (text) => {
      expect(parseTimescale(text)).toBeNull();
    },
  );

  it("puts a quarter's end where the financial year says", () => {
    expect(parseDate("Q1 2026-27", 1)).toBe("2026-03-31");
    expect(parseDate("Q1 2026-27")).toBe("2026-06-30");
  });
});

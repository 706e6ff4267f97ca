// The About sheet's submitted date: read as a UK or ISO date, and used only when plausible.
import { describe, expect, it } from "vitest";
import { dateOf, plausibleSubmitted } from "../../src/validate/submitted.js";

describe("the About sheet's submitted date", () => {
  it.each([
    ["2026-10-20", "2026-10-20"],
    ["2026-10-20T00:00:00.000Z", "2026-10-20"],
    ["20/10/2026", "2026-10-20"],
    ["2/3/2027", "2027-03-02"],
    [" 20.10.2026 ", "2026-10-20"],
    ["31/02/2026", null],
    ["next week", null],
    ["", null],
  ])("%j is %j", (text, date) => expect(dateOf(text)).toBe(date));

  it("is used only between the quarter's start and the day the file was saved", () => {
    expect(plausibleSubmitted("20/10/2026", "2026-07-01", "2026-11-02")).toBe("2026-10-20");
    expect(plausibleSubmitted("20/10/2025", "2026-07-01", "2026-11-02")).toBeNull(); // last year's date left in
    expect(plausibleSubmitted("20/12/2026", "2026-07-01", "2026-11-02")).toBeNull(); // after the file was saved here
    expect(plausibleSubmitted(undefined, "2026-07-01", "2026-11-02")).toBeNull();
  });
});

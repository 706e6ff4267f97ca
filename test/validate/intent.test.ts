// Ordinary mistakes that used to reach the board as wrong figures, each an error on its row whose
// advice names what the agency most likely meant. Run through the real binary.
import { describe, expect, it } from "vitest";
import { checkBad, pinned } from "../helpers/bad-fixture.js";

describe("a figure read as the agency meant it, or an error saying what was meant", () => {
  it("an unquoted thousands separator: 1,032 split into '1' and '032'", () => {
    const { code, check } = checkBad("unquoted-thousands.csv", "probation-service.csv");
    expect(code).toBe(1);
    expect(check.issues.map(pinned)).toEqual([{ code: "unquoted-thousands", severity: "error", row: 2, cell: "D2", column: "value" }]);
    expect(check.issues[0]!.advice).toMatch(/^Did you mean 1,032\? Put numbers with commas in quotes \("1,032"\), or leave the comma out \(1032\)\.$/);
    expect(check.figures).toBe(1); // the percentage on row 3 is still read; the split number is not
  });

  it("0.74 in a percent measure is not read as 0.74%", () => {
    const { check } = checkBad("percent-as-fraction.csv", "probation-service.csv");
    expect(check.issues.map(pinned)).toEqual([{ code: "percent-as-fraction", severity: "error", row: 3, cell: "D3", column: "value" }]);
    expect(check.issues[0]!.advice).toBe("Did you mean 74%? Write 74%; write 0.74% if you really mean less than one per cent.");
  });

  it("a decimal comma: 74,5", () => {
    const { check } = checkBad("decimal-comma.csv", "probation-service.csv");
    expect(check.issues.map(pinned)).toEqual([{ code: "decimal-comma", severity: "error", row: 3, cell: "D3", column: "value" }]);
    expect(check.issues[0]!.advice).toMatch(/^Did you mean 74\.5\? Write the decimal point as a full stop/);
  });
});

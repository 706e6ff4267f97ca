// Break points in e-mail addresses: after the @ and before each dot, nowhere else.
import { describe, expect, it } from "vitest";
import { breakPoints } from "../../src/report/break-points.js";

describe("breakPoints", () => {
  it("splits an address after the @ and before each dot", () => {
    expect(breakPoints("Housing Options Data Officer, st-leger-homes.da-returns@example.org")).toEqual(["Housing Options Data Officer, st-leger-homes", ".da-returns@", "example", ".org"]);
  });

  it("leaves text without an address whole, and gives the text back when joined", () => {
    expect(breakPoints("no contact on record")).toEqual(["no contact on record"]);
    expect(breakPoints("")).toEqual([""]);
    const text = "Contact: a.b@c.example.org. Or j@x.org, weekdays.";
    expect(breakPoints(text).join("")).toBe(text);
    expect(breakPoints(text)).toEqual(["Contact: a", ".b@", "c", ".example", ".org. Or j@", "x", ".org, weekdays."]);
  });
});

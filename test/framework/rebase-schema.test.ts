// A measure's `rebase` field: a quarter and a reason each, checked when the schema loads.
import { describe, expect, it } from "vitest";
import { Config, Measure } from "../../src/framework/schema.js";

const base = { id: "referrals", label: "Referrals", unit: "count", direction: { wanted: "down", reason: "fewer" } };

describe("rebase", () => {
  it("accepts quarters with reasons, and is optional", () => {
    expect(Measure.parse(base).rebase).toBeUndefined();
    expect(Measure.parse({ ...base, rebase: [{ from: "2025-26 Q1", reason: "new service" }] }).rebase).toEqual([{ from: "2025-26 Q1", reason: "new service" }]);
  });
  it("refuses a quarter it cannot read, an empty reason, and unknown fields", () => {
    expect(Measure.safeParse({ ...base, rebase: [{ from: "Q1 2025", reason: "x" }] }).success).toBe(false);
    expect(Measure.safeParse({ ...base, rebase: [{ from: "2025-26 Q1", reason: " " }] }).success).toBe(false);
    expect(Measure.safeParse({ ...base, rebase: [{ from: "2025-26 Q1", reason: "x", when: "now" }] }).success).toBe(false);
  });
  it("screens moving ranges by default, and can be told not to", () => {
    const c = { partnership: "P", framework: "f", agencies: [{ id: "a", name: "A", indicators: ["PM1"] }] };
    expect(Config.parse(c).options.screenOutliers).toBe(true);
    expect(Config.parse({ ...c, options: { screenOutliers: false } }).options.screenOutliers).toBe(false);
  });
});

// options.disclosure and options.marking as darep.config.json writes them: defaults, and the
// mistakes a partnership could make, each refused with a message saying what is wrong.
import { describe, expect, it } from "vitest";
import { disclosurePolicy, DisclosureOptions, Marking } from "../../src/framework/disclosure.js";
import { Config } from "../../src/framework/schema.js";

const base = { partnership: "Northshire", framework: "doncaster", agencies: [{ id: "police", name: "Police", indicators: ["PM1"] }] };
const messages = (options: unknown) => {
  const r = Config.safeParse({ ...base, options });
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("options.disclosure", () => {
  it("protects breakdowns with 1-7 withheld when absent", () => {
    expect(disclosurePolicy(Config.parse(base).options.disclosure)).toEqual({ applyTo: "breakdowns", minimum: 8, roundTo: null, reason: null });
    expect(disclosurePolicy(DisclosureOptions.parse({ roundTo: 5 }))).toEqual({ applyTo: "breakdowns", minimum: 8, roundTo: 5, reason: null });
  });

  it('needs a reason to turn it off with applyTo "none"', () => {
    expect(messages({ disclosure: { applyTo: "none" } })).toEqual(['options.disclosure.reason: applyTo "none" needs a "reason", which the report prints on its first page']);
    expect(messages({ disclosure: { applyTo: "none", reason: "the analysts' copy" } })).toEqual([]);
  });

  it("refuses a threshold or rounding that protects nothing, and unknown fields", () => {
    expect(messages({ disclosure: { minimum: 1 } })).toEqual(["options.disclosure.minimum: must be at least 2"]);
    expect(messages({ disclosure: { roundTo: 2.5 } })).toEqual(["options.disclosure.roundTo: must be a whole number"]);
    expect(messages({ disclosure: { applyTo: "totals" } })[0]).toMatch(/^options\.disclosure\.applyTo: /);
    expect(messages({ disclosure: { threshold: 5 } })[0]).toMatch(/^options\.disclosure: .*threshold/);
  });

  it("refuses rounding that would publish a shown count as 0 (2 to the nearest 5)", () => {
    expect(messages({ disclosure: { minimum: 2, roundTo: 5 } })).toEqual([
      "options.disclosure.roundTo: must be at most twice the minimum, or the smallest counts shown would round to 0 (which reads as nobody): lower roundTo or raise minimum",
    ]);
    expect(messages({ disclosure: { minimum: 3, roundTo: 5 } })).toEqual([]);
  });
});

describe("options.marking", () => {
  it("takes a marking on one line of plain text", () => {
    expect(Config.parse({ ...base, options: { marking: " OFFICIAL-SENSITIVE " } }).options.marking).toBe("OFFICIAL-SENSITIVE");
    expect(Marking.safeParse("OFFICIAL\nSENSITIVE").success).toBe(false);
    expect(Marking.safeParse("<b>OFFICIAL</b>").success).toBe(false);
    expect(messages({ marking: "" })).toEqual(["options.marking: must not be blank"]);
  });
});

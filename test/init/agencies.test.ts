// Who reports what in a new workspace, and which framework texts name the framework's own place.
import { describe, expect, it } from "vitest";
import { FrameworkInfo, Indicator } from "../../src/framework/schema.js";
import { parseAgencyFlag } from "../../src/init/agency-flag.js";
import { placeAgencies } from "../../src/init/agencies.js";
import { isOwnPartnership, localTexts } from "../../src/init/local-texts.js";

const indicator = (ref: string, owner: string, tellsUs = "Demand") =>
  Indicator.parse({ ref, title: `Title ${ref}`, owner, tellsUs, theme: "T", measures: [{ id: "n", label: "N", unit: "count", direction: { wanted: "up", reason: "r" } }] });

describe("darep init's agencies", () => {
  it("reads --agency id:Name, and refuses anything else in one sentence", () => {
    expect(parseAgencyFlag("police:South Yorkshire Police")).toEqual({ id: "police", name: "South Yorkshire Police" });
    expect(() => parseAgencyFlag("South Yorkshire Police")).toThrow(/is not id:"Name"/);
  });

  it("gives each agency what it lists, else what its owner column names, else what nobody claims", () => {
    const inds = [indicator("SH1", "police"), indicator("SH2", "IDAS; police"), indicator("SH3", "the council"), indicator("SH4", "nobody")];
    const placed = placeAgencies(
      [
        { id: "police", name: "Police" },
        { id: "idas", name: "IDAS" },
        { id: "council", name: "Council", indicators: ["sh3"] },
        { id: "other", name: "Other" },
      ],
      inds,
    );
    expect(placed.agencies.map((a) => [a.id, a.indicators])).toEqual([
      ["police", ["SH1", "SH2"]],
      ["idas", ["SH2"]],
      ["council", ["SH3"]],
      ["other", ["SH4"]],
    ]);
    expect(placed.unowned).toEqual([]);
    expect(() => placeAgencies([{ id: "a", name: "A", indicators: ["XX9"] }], inds)).toThrow(/XX9, which is not in the framework/);
  });
});

describe("a framework's local texts", () => {
  const info = FrameworkInfo.parse({ name: "F", themes: ["T"], partnership: "Northshire Domestic Abuse Partnership", localTerms: ["Northshire", "NHT"] });
  it("are the fields naming one of its local terms, as whole words", () => {
    const found = localTexts(info, [indicator("SH1", "Northshire Police", "Help in Northshire"), indicator("SH2", "Police", "NHTS is not NHT's"), indicator("SH3", "Police")]);
    expect(found).toEqual([
      { ref: "SH1", field: "owner", terms: ["Northshire"] },
      { ref: "SH1", field: "tellsUs", terms: ["Northshire"] },
      { ref: "SH2", field: "tellsUs", terms: ["NHT"] },
    ]);
  });
  it("matter only to another partnership", () => {
    expect(isOwnPartnership(info, "Northshire Domestic Abuse Partnership")).toBe(true);
    expect(isOwnPartnership(info, "Sheffield Domestic Abuse Partnership")).toBe(false);
  });
});

// Every spelling of indicator references in the seed's action plan (001_*), read into links, and the
// fragments that look like references but cannot be read, given back rather than guessed at.
import { describe, expect, it } from "vitest";
import { parseReferences, prefixesOf } from "../../src/actions/links.js";

const P = ["PM", "QA"];
const pm = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `PM${from + i}`);

describe("references in an action's measures, as the seed writes them", () => {
  it.each([
    // P1.5-P1.8: a range with a space after the hyphen, then a list
    ["Analysis of performance management information ref: PM1- PM8, PM20, PM21", [...pm(1, 8), "PM20", "PM21"]],
    // P2.1: a list of indicators and assurance items
    ["Analysis of PM9, PM10, PM11, PM12, PM36, QA14, QA15", ["PM9", "PM10", "PM11", "PM12", "PM36", "QA14", "QA15"]],
    // P2.2: a range whose end has no prefix, and a trailing comma
    ["Analysis of PM3, PM17, PM18, PM19, PM26-29, QA11,", ["PM3", "PM17", "PM18", "PM19", "PM26", "PM27", "PM28", "PM29", "QA11"]],
    // P2.3
    ["Analysis of PM26-PM29, QA11", [...pm(26, 29), "QA11"]],
    // P2.6
    ["To be agreed Analysis of PM36, QA11, QA15", ["PM36", "QA11", "QA15"]],
    // P2.7: an en dash with spaces, and no comma before QA11
    ["Analysis of PM1 – PM9, PM20-PM25 QA11", [...pm(1, 9), ...pm(20, 25), "QA11"]],
    // P2.8: "and"
    ["Analysis of PM38 and QA20", ["PM38", "QA20"]],
    // P2.9-P2.11
    ["Analysis of PM2, PM15", ["PM2", "PM15"]],
    // P3.1
    ["Number of referrals and self-referrals with details of referring agency Analysis of PM37", ["PM37"]],
    // P3.2, P3.5-P3.7
    ["Perpetrator strategy produced Analysis of PM20-PM25, QA16", [...pm(20, 25), "QA16"]],
    // P3.3, P3.4: the seed's doubled words
    ["Analysis of Analysis of PM20-PM25, QA16", [...pm(20, 25), "QA16"]],
    // P4.7: a range with a bare number at its end
    ["Improved data collection; Analysis of PM13-26", pm(13, 26)],
  ])("%j", (text, refs) => {
    expect(parseReferences(text, P)).toEqual({ refs, unreadable: [] });
  });

  it("reads other ways of writing the same: an em dash, 'to', lower case, leading zeros, bullets and line breaks", () => {
    expect(parseReferences("PM1—PM3", P).refs).toEqual(pm(1, 3));
    expect(parseReferences("PM1 to PM3", P).refs).toEqual(pm(1, 3));
    expect(parseReferences("pm1-3 and qa2", P).refs).toEqual([...pm(1, 3), "QA2"]);
    expect(parseReferences("PM03, PM 4", P).refs).toEqual(["PM3", "PM4"]);
    expect(parseReferences("• Analysis of PM20\n• Analysis of PM21;PM22/PM23", P).refs).toEqual(["PM20", "PM21", "PM22", "PM23"]);
  });

  it("names each reference once, in the order first named", () => {
    expect(parseReferences("PM3, PM1-PM4, PM3", P).refs).toEqual(["PM3", "PM1", "PM2", "PM4"]);
  });

  it("finds no reference in words that only contain the letters", () => {
    expect(parseReferences("Improved QA and performance management at 3pm; PMs to attend", P)).toEqual({ refs: [], unreadable: [] });
    expect(parseReferences("Analysis of PM2 - referrals by agency", P)).toEqual({ refs: ["PM2"], unreadable: [] });
  });

  it.each([
    ["Analysis of PM8-PM3", "PM8-PM3", []],
    ["Analysis of PM1-QA3", "PM1-QA3", []],
    ["Analysis of PM1-PM, PM4", "PM1-", ["PM4"]],
    ["Analysis of PM1-PM999", "PM1-PM999", []],
    ["Analysis of PM3a-PM5", "PM3a-PM5", []],
  ])("gives %j back as unreadable (%s)", (text, bad, refs) => {
    expect(parseReferences(text, P)).toEqual({ refs, unreadable: [bad] });
  });

  it("takes the letters from the framework's references", () => {
    expect(prefixesOf(["PM1", "PM38", "QA20", "RO4"])).toEqual(["PM", "QA", "RO"]);
    expect(parseReferences("RO1-RO3, PM1", ["RO"]).refs).toEqual(["RO1", "RO2", "RO3"]);
    expect(parseReferences("PM1", [])).toEqual({ refs: [], unreadable: [] });
  });
});

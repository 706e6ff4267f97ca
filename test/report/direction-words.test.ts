// How an exception card explains the wanted direction: the framework's own words when the schema's
// reason is no more than those words and the direction they give; otherwise the reason as written.
import { describe, expect, it } from "vitest";
import { directionWords } from "../../src/report/view-exceptions.js";

describe("directionWords", () => {
  it("keeps only the framework's words from a reason of the simple form", () => {
    expect(directionWords("Comment: 'We want to see a reduction in this' -> down.")).toBe("The framework says: “We want to see a reduction in this”.");
    expect(directionWords("Direction: 'Contracted to support 300 people per year' -> a target of at least 300 a year (75 a quarter, judged year to date).")).toBe(
      "The framework says: “Contracted to support 300 people per year”.",
    );
    expect(directionWords("Comment: 'We shouldn't have any domestic abuse victims that are considered as intentionally homeless' -> down.")).toBe(
      "The framework says: “We shouldn't have any domestic abuse victims that are considered as intentionally homeless”.",
    );
  });

  it("shows a reason with reasoning of its own as written", () => {
    for (const reason of [
      "Comment: 'Quarterly data about numbers supported and waiting lists is needed'; a shorter waiting list means people are supported sooner -> down (our reading).",
      "Tells us 'The uptake of the programme' -> up.",
      "How many answered, the base for the percentage; no direction of its own -> for information.",
    ])
      expect(directionWords(reason)).toBe(reason);
  });
});

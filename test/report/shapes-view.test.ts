// The report shows each shape of indicator in words: a figure not due has no row but is named once,
// an annual figure's card speaks of years, a year-to-date total is shown as given, comparators and a
// rate per population sit beside the figure, and the assurance against a target is a word and a symbol.
import { describe, expect, it } from "vitest";
import { exceptionsView } from "../../src/report/view-exceptions.js";
import { toViewModel } from "../../src/report/view-model.js";
import { assuranceWords, comparatorFacts, perPopulationWords, periodLabels, shapeSuffix } from "../../src/report/shape-words.js";
import { statusLook } from "../../src/report/status.js";
import { judge } from "../../src/trends/index.js";
import { agency, config, direction, figure, framework, indicator, measure, p, ret } from "../trends/builders.js";

const an1 = indicator("AN1", [measure("outturn", { label: "Annual outturn", direction: direction("target", { target: { perYear: 6000, comparison: "at-least" } }) })], {
  frequency: "annual",
  theme: "Annual",
});
const qu1 = indicator("QU1", [measure("sessions", { label: "Training sessions", reported: "year-to-date", direction: direction("up") })], { theme: "Quarterly" });

function reportAt(quarter: "Q3" | "Q4") {
  const period = p("2025-26", quarter);
  const returns = [
    ret("council", p("2024-25", "Q4"), [figure("council", p("2024-25", "Q4"), "AN1", "outturn", 6401)]),
    ret("council", p("2025-26", "Q3"), [figure("council", p("2025-26", "Q3"), "QU1", "sessions", 450)]),
    ...(quarter === "Q4" ? [ret("council", period, [figure("council", period, "AN1", "outturn", 5000), figure("council", period, "QU1", "sessions", 600)])] : []),
  ];
  return judge({
    config: config([agency("council", ["AN1", "QU1"], "Council")]),
    framework: framework([an1, qu1]),
    period,
    returns,
    commentary: null,
    generatedAt: "2026-12-01T00:00:00.000Z",
    generator: "test",
  });
}

describe("the report's words for each shape", () => {
  it("names a figure not due once under its theme, with no row", () => {
    const view = toViewModel(reportAt("Q3"));
    const annual = view.themes.find((t) => t.heading === "Annual")!;
    expect(annual.rows).toEqual([]);
    expect(annual.notDue).toBe("Not due this quarter: AN1 Title of AN1 (annual).");
  });

  it("labels an annual figure's row and card by years, and says its target outcome", () => {
    const report = reportAt("Q4");
    const row = toViewModel(report).themes.find((t) => t.heading === "Annual")!.rows[0]!;
    expect(row.label).toBe("Annual outturn (annual)");
    expect(row.lastYear).toBe("6,401");
    const card = exceptionsView(report).cards.find((c) => c.heading.startsWith("AN1"))!;
    expect(card.figures.map((f) => f.label)).toEqual(["This year", "Last year", "Change on last year"]);
    expect(card.sentence).toContain("fell short of their target of 6,000");
    expect(card.reasons).toContain("Reported once a year (Q4).");
  });

  it("shows a year-to-date figure's own quarter, and the total as given", () => {
    const row = toViewModel(reportAt("Q4")).themes.find((t) => t.heading === "Quarterly")!.rows[0]!;
    expect(row.label).toBe("Training sessions (given year to date)");
    expect(row.value).toBe("150");
  });

  it("says the assurance, comparators and a rate per population in words", () => {
    expect(assuranceWords({ spc: { assurance: "hit-and-miss" } as never })).toMatchObject({ word: "Hit and miss against the target", shape: "◐" });
    expect(assuranceWords({ spc: null })).toBeNull();
    expect(comparatorFacts({ comparators: [{ value: 31, unit: "percent", label: "England and Wales", source: "SafeLives", period: "12 months to 30 September 2024" }] })).toEqual([
      { label: "England and Wales", value: "31% (SafeLives, 12 months to 30 September 2024)" },
    ]);
    expect(perPopulationWords({ perPopulation: { value: 20.5, yearToDate: 40.5, per: 10000, of: "adult women", size: 120000 } })).toBe("20.5 per 10,000 adult women (40.5 in the year to date)");
    expect(periodLabels({ frequency: "six-monthly" })).toEqual(["This half-year", "Last half-year", "Same half-year last year"]);
    expect(shapeSuffix({ frequency: "quarterly", reported: "period" })).toBe("");
  });

  it("gives 'at risk' and 'not due' a word and a shape, never colour alone", () => {
    expect(statusLook("at-risk")).toMatchObject({ word: "At risk", shape: "△" });
    expect(statusLook("not-due")).toMatchObject({ word: "Not due", shape: "◌" });
  });
});

// Lateness at its boundary, the returns' lines in report.json, and the summary paragraph's wording.
import { describe, expect, it } from "vitest";
import { isLate, lastReceived, returnJson } from "../../src/trends/returns.js";
import { summarise, type ResultLine, type ReturnLine } from "../../src/trends/summary.js";
import { agency, config, p, ret } from "./builders.js";

describe("late returns", () => {
  // 2026-27 Q2 ends on 30 September; 30 days later is 30 October, the last day on time.
  it("are on time through the due day and late from the day after", () => {
    expect(isLate("2026-10-30T23:59:59.000Z", p("2026-27", "Q2"), 30, 4)).toBe(false);
    expect(isLate("2026-10-31T00:00:00.000Z", p("2026-27", "Q2"), 30, 4)).toBe(true);
    expect(isLate(null, p("2026-27", "Q2"), 30, 4)).toBe(false);
    // Q4 ends on 31 March of the second calendar year
    expect(isLate("2027-04-30T12:00:00.000Z", p("2026-27", "Q4"), 30, 4)).toBe(false);
    expect(isLate("2027-05-01T12:00:00.000Z", p("2026-27", "Q4"), 30, 4)).toBe(true);
  });

  it("are marked in the return's line, with its issues split by severity", () => {
    const a = { ...agency("police", ["PM20"], "Police"), contact: { email: "p@example.org" } };
    const r = ret("police", p("2026-27", "Q2"), [], {
      receivedAt: "2026-11-02T09:00:00.000Z",
      issues: [
        { code: "sudden-change", severity: "warning", file: "f.csv", message: "m" },
        { code: "invalid-value", severity: "error", file: "f.csv", message: "m" },
      ],
    });
    expect(returnJson(r, a, config([a]))).toMatchObject({ late: true, contact: { email: "p@example.org" }, errors: [{ code: "invalid-value" }], warnings: [{ code: "sudden-change" }] });
  });

  it("give the latest time received", () => {
    const q = p("2026-27", "Q2");
    expect(lastReceived([ret("a", q, [], { receivedAt: "2026-10-02T09:00:00.000Z" }), ret("b", q, [], { receivedAt: "2026-10-12T09:00:00.000Z" }), ret("c", q, [], { status: "missing" })])).toBe(
      "2026-10-12T09:00:00.000Z",
    );
    expect(lastReceived([])).toBeNull();
  });
});

describe("summary", () => {
  const line = (agencyName: string, status: ReturnLine["status"] = "received", late = false): ReturnLine => ({ agencyName, status, late });
  const result = (status: ResultLine["status"], exception = true, cause: ResultLine["cause"] = null): ResultLine => ({ status, exception, cause });
  const LABEL = "July to September 2026";

  it("says when every agency sent its return and nothing needs attention", () => {
    const s = summarise([line("A"), line("B")], [result("stable", false)], LABEL, null);
    expect(s.text).toBe("All 2 agencies sent their return for July to September 2026. No figure needs the board's attention.");
    expect(s.byStatus.stable).toBe(1);
    expect(s.byStatus.worsening).toBe(0);
  });

  it("names missing agencies and groups the exceptions, moves first", () => {
    const lines = [...Array.from({ length: 8 }, (_, i) => line(`Agency ${i}`)), line("Cranstoun", "missing"), line("Victim Services", "missing")];
    const results = [result("missing", true, "return-missing"), result("worsening"), result("worsening"), result("off-track"), result("missing", true, "return-missing"), result("improving", false)];
    expect(summarise(lines, results, LABEL, null).text).toBe(
      "8 of 10 agencies sent their return for July to September 2026; the returns from Cranstoun and Victim Services are missing. " +
        "5 figures need the board's attention: 2 are moving the wrong way, 1 is off target, and 2 cannot be judged because returns are missing.",
    );
  });

  it("says 'all' when every exception is of one kind", () => {
    expect(summarise([line("A")], [result("worsening"), result("worsening")], LABEL, null).text).toMatch(/2 figures need the board's attention: all 2 are moving the wrong way\.$/);
  });
});

// Value cells: numbers, percentages, GSS symbols and the things agencies write instead, each read
// through a one-row return of probation-service's PM32 (completions: a count; reoffending-rate: a percent).
import { describe, expect, it } from "vitest";
import { parseValue } from "../../src/validate/value.js";
import { at, check, withHeader } from "./builders.js";

const COUNT = "completions";
const PERCENT = "reoffending-rate";

/** One figure of PM32, its value in D2. */
const one = (measure: string, value: string) => check("probation-service", withHeader(["PM32", measure, "", value, ""]));

describe("values that are figures", () => {
  it.each([
    [COUNT, "1234", 1234],
    [COUNT, "1,234", 1234],
    [COUNT, "1,234,567", 1234567],
    [COUNT, " 12 ", 12],
    [COUNT, "\u00a012\u200b", 12],
    [COUNT, "0", 0],
    [COUNT, "-0", 0],
    [PERCENT, "45%", 45],
    [PERCENT, "45 %", 45],
    [PERCENT, "45", 45],
    [PERCENT, "12.5%", 12.5],
    [PERCENT, "0%", 0],
    [PERCENT, "100%", 100],
  ])("%s %j is %d", (measure, text, value) => {
    const r = one(measure, text);
    expect(r.issues).toEqual([]);
    expect(r.figures.map((f) => [f.value, f.symbol])).toEqual([[value, null]]);
    expect(Object.is(r.figures[0]!.value, -0)).toBe(false);
  });

  it.each([
    ["[c]", null, "c"],
    ["[x]", null, "x"],
    ["[z]", null, "z"],
    ["[ C ]", null, "c"],
    ["[u] 12", 12, "u"],
    ["[u]12", 12, "u"],
    ["[U] 1,203", 1203, "u"],
  ])("the GSS symbol %j is kept as a symbol, with the figure after [u]", (text, value, symbol) => {
    const r = one(COUNT, text);
    expect(r.issues).toEqual([]);
    expect(r.figures.map((f) => [f.value, f.symbol])).toEqual([[value, symbol]]);
  });
});

describe("values that are not", () => {
  const cases: [string, string, string, string | undefined][] = [
    // measure, value, code, advice (undefined: the catalogue's)
    [COUNT, "12.5", "fractional-count", undefined],
    [COUNT, "-3", "negative-count", undefined],
    [COUNT, "[u] -3", "negative-count", undefined],
    [COUNT, "[u] 12.5", "fractional-count", undefined],
    [COUNT, "1e3", "invalid-value", "Write it out in full, e.g. 1000: Excel shows large numbers this way when the column is too narrow."],
    [COUNT, "twelve", "invalid-value", "Write a number like 1234, or a symbol."],
    [COUNT, "1,23", "decimal-comma", "Did you mean 1.23? Write the decimal point as a full stop; darep reads a comma only as a thousands separator."],
    [PERCENT, "74,5%", "decimal-comma", "Did you mean 74.5%? Write the decimal point as a full stop; darep reads a comma only as a thousands separator."],
    [PERCENT, "0.74", "percent-as-fraction", "Did you mean 74%? Write 74%; write 0.74% if you really mean less than one per cent."],
    [PERCENT, "[u] 0.5", "percent-as-fraction", "Did you mean 50%? Write 50%; write 0.5% if you really mean less than one per cent."],
    [COUNT, "12,34,567", "invalid-value", "Write 1234 or 1,234."],
    [COUNT, "=SUM(A1)", "invalid-value", "Paste the figure as a value."],
    [COUNT, "+12", "invalid-value", "Paste the figure as a value."],
    [COUNT, "@x", "invalid-value", "Paste the figure as a value."],
    [COUNT, "#DIV/0!", "formula-error", "Fix the formula, or paste the figure as a value."],
    [COUNT, "#REF!", "formula-error", "Fix the formula, or paste the figure as a value."],
    [COUNT, "#n/a", "formula-error", "Fix the formula, or paste the figure as a value."],
    [COUNT, "", "blank-value", "Write the figure, or [x] if it is not available."],
    [COUNT, "   ", "blank-value", "Write the figure, or [x] if it is not available."],
    [PERCENT, "150%", "percent-out-of-range", undefined],
    [PERCENT, "-5%", "percent-out-of-range", undefined],
    [PERCENT, "100.5", "percent-out-of-range", undefined],
    [COUNT, "45%", "invalid-value", "Write the figure itself, without a % sign."],
    [COUNT, "[u]", "invalid-value", "Write a number like 1234, or a symbol."],
    [COUNT, "[c] 5", "invalid-value", "Write just [c], and put any explanation in the note column."],
    [COUNT, "[x] not collected", "invalid-value", "Write just [x], and put any explanation in the note column."],
    [COUNT, "12345678901234567890", "invalid-value", "Check the figure: it has more digits than any return's figure could."],
    [COUNT, "9".repeat(400), "invalid-value", "Write a number like 1234, or a symbol."],
  ];

  it.each(cases)("%s %j is %s, in D2", (measure, text, code, advice) => {
    const r = one(measure, text);
    expect(r.issues.map(at)).toEqual([{ code, severity: "error", row: 2, cell: "D2", column: "value" }]);
    expect(r.issues[0]).toMatchObject({ file: "returns/2026-27/Q2/probation-service.csv", indicator: "PM32", measure });
    if (advice) expect(r.issues[0]!.advice).toBe(advice);
    expect(r.figures).toEqual([]); // never read as a number, a blank least of all as 0
  });

  it("says what was found and what was expected", () => {
    expect(one(COUNT, "-3").issues[0]).toMatchObject({ found: "-3", expected: "a whole number, 0 or more", message: "-3 is below zero, but a count cannot be." });
    expect(one(COUNT, "12.5").issues[0]).toMatchObject({ found: "12.5", expected: "a whole number" });
    expect(one(PERCENT, "150%").issues[0]).toMatchObject({ found: "150%", expected: "a percentage from 0 to 100" });
    expect(one(COUNT, "twelve").issues[0]).toMatchObject({ found: "twelve", expected: "a whole number such as 1234, or [c], [x], [z]" });
    expect(one(COUNT, "").issues[0]).toMatchObject({ found: "", message: "The value is blank; a blank is never read as 0." });
    expect(one(COUNT, "#DIV/0!").issues[0]!.message).toBe("The cell shows the spreadsheet error #DIV/0!.");
  });

  it.each(["*", "**", "<5", "< 5", "<=5", ">1000", "-", "–", "—", "n/a", "N/A", "n.a.", "na", "..", "...", ":", "~", "x", "c", "supp", "suppressed", "Redacted", "withheld"])(
    "the local mark %j is told apart from a number and a GSS symbol",
    (mark) => {
      const r = one(COUNT, mark);
      expect(r.issues.map(at)).toEqual([{ code: "local-suppression-mark", severity: "error", row: 2, cell: "D2", column: "value" }]);
      expect(r.issues[0]!.advice).toBe("Write [c] for a figure withheld to protect people, or [x] for one not available.");
    },
  );
});

describe("parseValue", () => {
  it("reads a bare number by the measure's unit", () => {
    expect(parseValue("12.5", "rate")).toEqual({ ok: true, value: 12.5, symbol: null });
    expect(parseValue("14", "days")).toEqual({ ok: true, value: 14, symbol: null });
    expect(parseValue("£1,234.50", "amount")).toEqual({ ok: true, value: 1234.5, symbol: null });
    expect(parseValue("£1,234.50", "count")).toMatchObject({ ok: false, code: "invalid-value" });
    expect(parseValue(".5", "rate")).toEqual({ ok: true, value: 0.5, symbol: null });
    expect(parseValue("45%", "rate")).toMatchObject({ ok: false, code: "invalid-value", message: "'45%' is a percentage, but this measure is a rate." });
  });

  it("writes out the number a scientific notation stands for, without an exponent", () => {
    expect(parseValue("1.5E+4", "count")).toMatchObject({ advice: "Write it out in full, e.g. 15000: Excel shows large numbers this way when the column is too narrow." });
    expect(parseValue("1.5e-7", "rate")).toMatchObject({ advice: "Write it out in full, e.g. 0.00000015: Excel shows large numbers this way when the column is too narrow." });
    expect(parseValue("1e400", "rate")).toMatchObject({ advice: "Write it out in full: Excel shows large numbers this way when the column is too narrow." });
  });

  it("quotes what it found safely: control characters shown, long text cut", () => {
    const esc = parseValue("\u001b[31mred", "count");
    expect(esc.ok).toBe(false);
    if (esc.ok) return;
    expect(esc.message).toBe("'\\u001b[31mred' is not a number, a percentage or a GSS symbol.");
    const long = parseValue("x".repeat(10_000), "count");
    if (long.ok) throw new Error("read as a figure");
    expect(long.message.length).toBeLessThan(200);
    expect(long.message).toContain("(10000 characters)");
  });

  it("refuses a cell longer than any figure before trying its patterns", () => {
    // Some patterns take time growing with the square of the length, and a cell may hold 10,000
    // characters; the guard is checked by its message rather than by a clock.
    for (const text of ["1".repeat(10_000) + "x", "a" + " ".repeat(9_998) + "x", "1,".repeat(5_000) + "x", "1" + "\t".repeat(9_998) + "%", "[u] " + "1".repeat(65)]) {
      for (const unit of ["count", "percent"] as const) {
        const r = parseValue(text, unit);
        expect(r).toMatchObject({ ok: false, code: "invalid-value" });
        expect(r.ok ? "" : r.message).toMatch(/is too long to be a figure\.$/);
      }
    }
    // The longest figure anyone writes still passes the guard; the literal is the same double parseValue reads from the text.
    // biome-ignore lint/correctness/noPrecisionLoss: the text is written with more digits than a double holds, on purpose
    expect(parseValue("[u] 1,234,567,890.0000000001%", "percent")).toMatchObject({ ok: true, symbol: "u", value: 1234567890.0000000001 });
  });
});

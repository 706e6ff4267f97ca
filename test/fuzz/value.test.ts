// Property-based tests of one value cell's reading: any text, in any unit, gives a figure or a
// finding, never a throw or a number that is not one; and figures written the ways people write
// them are read back as the same number.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../src/issues/catalogue.js";
import { parseValue } from "../../src/validate/value.js";
import { cellText, expectPrototypesUntouched, params } from "./fuzz.js";

const UNITS = ["count", "percent", "rate", "days", "amount"] as const;
const unit = fc.constantFrom(...UNITS);
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** 1234567 -> "1,234,567" */
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

describe("parseValue on any text", () => {
  it("gives a finite figure, a symbol or a catalogued finding, with safe text", () => {
    fc.assert(
      fc.property(fc.oneof(cellText, fc.string({ unit: "binary", maxLength: 200 }), fc.string({ maxLength: 10_000 })), unit, (text, u) => {
        const r = parseValue(text, u);
        if (r.ok) {
          if (r.value !== null) expect(Number.isFinite(r.value) && Math.abs(r.value) <= Number.MAX_SAFE_INTEGER).toBe(true);
          expect(r.symbol === null || ["c", "x", "z", "u"].includes(r.symbol)).toBe(true);
          expect(r.value === null).toBe(r.symbol !== null && r.symbol !== "u");
        } else {
          expect(Object.hasOwn(CATALOGUE, r.code)).toBe(true);
          expect(CATALOGUE[r.code].severity).toBe("error");
          expect(CONTROL.test(r.message), JSON.stringify(r.message)).toBe(false);
          expect(r.message.length).toBeLessThan(300);
        }
        expectPrototypesUntouched();
      }),
      params(),
    );
  });
});

describe("figures as people write them", () => {
  it("reads a whole number, grouped by threes or not, padded with spaces, as itself", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.boolean(), fc.constantFrom("", " ", "  ", "\u00a0"), fc.constantFrom("", "[u] ", "[U]"), (n, group, pad, low) => {
        const text = `${pad}${low}${group ? grouped(n) : String(n)}${pad}`;
        expect(parseValue(text, "count")).toEqual({ ok: true, value: n, symbol: low ? "u" : null });
      }),
      params(),
    );
  });

  it("reads a percentage with or without its sign as the same number", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom("", "%", " %"), (hundredths, sign) => {
        const p = hundredths / 100;
        // without its sign, a number between 0 and 1 is a fraction written for a percentage (0.74 for 74%)
        if (sign === "" && p > 0 && p < 1) expect(parseValue(`${p}`, "percent")).toMatchObject({ ok: false, code: "percent-as-fraction" });
        else expect(parseValue(`${p}${sign}`, "percent")).toEqual({ ok: true, value: p, symbol: null });
      }),
      params(),
    );
  });

  it("reads a negative number and a fraction as they are (the measure's range is checked after), and never a percentage as a count", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 99 }), (n, cents) => {
        expect(parseValue(`-${n}`, "count")).toMatchObject({ ok: true, value: -n }); // the range check is the caller's
        const fraction = `${n}.${String(cents).padStart(2, "0")}`;
        expect(parseValue(fraction, "count")).toMatchObject({ ok: true, value: Number(fraction) });
        expect(Number.isInteger(Number(fraction))).toBe(false);
        expect(parseValue(`${n}%`, "count")).toMatchObject({ ok: false, code: "invalid-value" });
      }),
      params(),
    );
  });

  it("never reads a blank as a figure", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(" ", "\t", "\u00a0", "\u200b", "\ufeff", "\r", "\n"), maxLength: 20 }), unit, (blank, u) => {
        expect(parseValue(blank, u)).toMatchObject({ ok: false, code: "blank-value" });
      }),
      params(),
    );
  });
});

// Numbers at the edges: half away from zero on the decimal value, -0, tiny and huge numbers.
import { describe, expect, it } from "vitest";
import { bytesInWords, formatNumber, ordinalWord, roundHalfAway } from "../../src/words/index.js";

describe("formatNumber", () => {
  it("rounds half away from zero on the decimal value, not the binary one", () => {
    expect(formatNumber(28.75, 1)).toBe("28.8");
    expect(formatNumber(-28.75, 1)).toBe("-28.8");
    expect(formatNumber(12.25, 1)).toBe("12.3");
    expect(formatNumber(1.45, 1)).toBe("1.5"); // stored as 1.4499999999999999556: toFixed says 1.4
    expect(formatNumber(1.005, 2)).toBe("1.01"); // toFixed says 1.00
    expect(formatNumber(0.5, 0)).toBe("1");
    expect(formatNumber(-0.5, 0)).toBe("-1");
    expect(formatNumber(2.5, 0)).toBe("3");
    expect(formatNumber(9.95, 1)).toBe("10");
    expect(formatNumber(999.95, 1)).toBe("1,000");
  });

  it("reads a computed value as the decimal it stands for", () => {
    const pct = ((57 - 80) / 80) * 100; // -28.749999999999996 in binary
    expect(pct).not.toBe(-28.75);
    expect(formatNumber(pct, 1)).toBe("-28.8");
    expect(formatNumber(0.1 + 0.2, 2)).toBe("0.3");
  });

  it("never prints -0", () => {
    expect(formatNumber(-0, 1)).toBe("0");
    expect(formatNumber(-0.04, 1)).toBe("0");
    expect(formatNumber(-0.0000001, 2)).toBe("0");
    expect(formatNumber(-0.05, 1)).toBe("-0.1");
  });

  it("writes tiny numbers without an exponent", () => {
    expect(formatNumber(1e-9, 1)).toBe("0");
    expect(formatNumber(1e-9, 9)).toBe("0.000000001");
    expect(formatNumber(-1e-9, 9)).toBe("-0.000000001");
    expect(formatNumber(5e-10, 9)).toBe("0.000000001");
  });

  it("writes large numbers in full, with thousands separators", () => {
    expect(formatNumber(1234.5, 1)).toBe("1,234.5");
    expect(formatNumber(-1234567, 0)).toBe("-1,234,567");
    expect(formatNumber(1e15, 0)).toBe("1,000,000,000,000,000");
    expect(formatNumber(9007199254740991, 0)).toBe("9,007,199,254,740,991");
    expect(formatNumber(1234567890123456.5, 1)).toBe("1,234,567,890,123,456.5");
    expect(formatNumber(1e21, 2)).toBe("1,000,000,000,000,000,000,000");
    expect(formatNumber(1.5e25, 2)).toBe("15,000,000,000,000,000,000,000,000");
    expect(formatNumber(Number.MAX_VALUE, 0)).toMatch(/^179,769,313,486,231,570(,000){97}$/);
  });

  it("drops trailing zeros and keeps at most the places asked for", () => {
    expect(formatNumber(12, 2)).toBe("12");
    expect(formatNumber(12.1, 2)).toBe("12.1");
    expect(formatNumber(12.345, 2)).toBe("12.35");
    expect(formatNumber(0.15, 1)).toBe("0.2");
  });

  it("writes what is not a number as JavaScript does, rather than throwing", () => {
    expect(formatNumber(Number.NaN)).toBe("NaN");
    expect(formatNumber(-Infinity)).toBe("-Infinity");
  });
});

describe("roundHalfAway", () => {
  it("rounds the decimal value half away from zero and never gives -0", () => {
    expect(roundHalfAway(28.75, 1)).toBe(28.8);
    expect(roundHalfAway(-28.75, 1)).toBe(-28.8);
    expect(roundHalfAway(((57 - 80) / 80) * 100, 1)).toBe(-28.8);
    expect(roundHalfAway(12.25, 1)).toBe(12.3);
    expect(Object.is(roundHalfAway(-0.04, 1), 0)).toBe(true);
    expect(Object.is(roundHalfAway(-0, 1), 0)).toBe(true);
    expect(roundHalfAway(1e-9, 1)).toBe(0);
    expect(roundHalfAway(1e15 + 0.5, 0)).toBe(1e15 + 1);
    expect(roundHalfAway(Infinity, 1)).toBe(Infinity);
  });
});

describe("ordinalWord and bytesInWords", () => {
  it("words the first twelve, then numbers with the right suffix", () => {
    expect([1, 6, 12, 13, 21, 22, 23, 111, 112].map(ordinalWord)).toEqual(["first", "sixth", "twelfth", "13th", "21st", "22nd", "23rd", "111th", "112th"]);
  });

  it("gives sizes a person can judge", () => {
    expect(bytesInWords(20 * 1024 * 1024)).toBe("20 MB");
    expect(bytesInWords(1536)).toBe("1.5 KB");
    expect(bytesInWords(512)).toBe("512 bytes");
    expect(bytesInWords(1)).toBe("1 byte");
  });
});

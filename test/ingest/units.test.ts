// The small pieces: cell addresses, number text, CSV positions, encoding detection.
import { describe, expect, it } from "vitest";
import { cellAddress, columnIndex, columnLetters } from "../../src/ingest/address.js";
import { scanCsv } from "../../src/ingest/csv-position.js";
import { decode, scanUtf8 } from "../../src/ingest/decode.js";
import { isPercentFormat, numberText, percentText } from "../../src/words/number-text.js";

describe("cell addresses", () => {
  it("counts columns as Excel does", () => {
    expect([0, 4, 25, 26, 27, 51, 52, 701, 702].map(columnLetters)).toEqual(["A", "E", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
    expect(cellAddress(3, 7)).toBe("D7");
    expect(["A1", "Z9", "AA10", "ZZ2", "AAA3", "7"].map(columnIndex)).toEqual([0, 25, 26, 701, 702, -1]);
  });
});

describe("number text", () => {
  it("writes plain decimals without exponent or float noise", () => {
    expect(numberText(0.1 + 0.2)).toBe("0.3");
    expect(numberText(1234567)).toBe("1234567");
    expect(numberText(1e21)).toBe("1000000000000000000000");
    expect(numberText(1.5e-7)).toBe("0.00000015");
    expect(numberText(-0)).toBe("0");
    expect(numberText(-12.5)).toBe("-12.5");
    expect(numberText(1 / 3)).toBe("0.3333333333");
    expect(numberText(123456789012)).toBe("123456789012"); // whole numbers keep every digit
  });
  it("writes percentages by moving the point, not multiplying", () => {
    expect([0.15, 0.45, 0.07, 1, 0.001, -0.5, 0.1 + 0.2, 0.145].map(percentText)).toEqual(["15%", "45%", "7%", "100%", "0.1%", "-50%", "30%", "14.5%"]);
  });
  it("knows a percent format from a literal percent sign", () => {
    expect(["0%", "0.0%", "#,##0.00%"].map(isPercentFormat)).toEqual([true, true, true]);
    expect(['0.0"%"', "0\\%", "General", undefined].map(isPercentFormat)).toEqual([false, false, false, false]);
  });
});

describe("positions in CSV text", () => {
  it("counts records like the parser: quoted line breaks stay inside, \\r\\n is one break", () => {
    const text = 'a,b\r\n"x\ny",z\rq,"r"';
    expect(scanCsv(text, ",", text.indexOf("q")).at).toEqual({ row: 3, column: 0 });
    expect(scanCsv(text, ",", text.indexOf("z")).at).toEqual({ row: 2, column: 1 });
    expect(scanCsv(text, ",").openQuote).toBeNull();
  });
  it("says where a quote that never closes opened", () => {
    expect(scanCsv('a,b\nc,"d\ne,f\n', ",").openQuote).toEqual({ row: 2, column: 1, offset: 6 });
    expect(scanCsv('a,b\nc,d"e\n', ",").openQuote).toBeNull(); // a quote mid-field is text
  });
});

describe("encoding detection", () => {
  it("tells valid multi-byte UTF-8 from bytes that are not", () => {
    expect(scanUtf8(Buffer.from("£ ok"))).toEqual({ firstInvalid: -1, hasMultiByte: true });
    expect(scanUtf8(Buffer.from([0x61, 0xa3, 0x62]))).toEqual({ firstInvalid: 1, hasMultiByte: false });
    expect(scanUtf8(Buffer.from([0xc0, 0xaf]))).toMatchObject({ firstInvalid: 0 }); // overlong
    expect(scanUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toMatchObject({ firstInvalid: 0 }); // surrogate
  });
  it("reads Windows-1252 only when no UTF-8 is present, and says where the first such character is", () => {
    const d = decode(Buffer.from([0x61, 0x2c, 0x93, 0x71, 0x94]));
    expect(d).toEqual({ ok: true, text: "a,“q”", encoding: "windows-1252", firstLegacyChar: 2 });
    const mixed = decode(Buffer.concat([Buffer.from("£,"), Buffer.from([0x93])]));
    expect(mixed).toMatchObject({ ok: false, badChar: 2, badByte: 0x93, text: "£,\ufffd" });
  });
});

// Property-based tests of the worksheet repair that runs before exceljs: any text gives a result,
// never a throw; and a sheet written without addresses where they are optional, with formatted empty
// rows and data validations, keeps exactly its cells, each at the address its position gives.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellAddress } from "../../src/ingest/address.js";
import { repairSheet } from "../../src/ingest/sheet-repair.js";
import { budget, params } from "./fuzz.js";

/** A grid of numbers or blanks (null), with empty formatted rows between some rows. */
const grid = fc.array(fc.record({ cells: fc.array(fc.option(fc.integer({ min: 0, max: 9999 }), { nil: null }), { maxLength: 8 }), emptyAfter: fc.nat(3), addressed: fc.boolean() }), { maxLength: 12 });

function sheetXml(rows: { cells: (number | null)[]; emptyAfter: number; addressed: boolean }[], validations: boolean): { xml: string; cells: Map<string, string> } {
  const cells = new Map<string, string>();
  let n = 0;
  const out: string[] = ['<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  for (const row of rows) {
    n++;
    out.push(row.addressed ? `<row r="${n}">` : "<row>");
    let previous = -1;
    row.cells.forEach((v, col) => {
      if (v === null) return;
      const address = cellAddress(col, n);
      cells.set(address, String(v));
      // the address may be left out only where it is the next one
      out.push(col === previous + 1 && !row.addressed ? `<c><v>${v}</v></c>` : `<c r="${address}"><v>${v}</v></c>`);
      previous = col;
    });
    out.push("</row>");
    for (let k = 0; k < row.emptyAfter; k++) out.push(`<row r="${++n}" ht="20" customHeight="1"/>`);
  }
  out.push("</sheetData>");
  if (validations) out.push('<dataValidations count="1"><dataValidation type="whole" sqref="A1:A1048576"><formula1>0</formula1></dataValidation></dataValidations>');
  out.push("</worksheet>");
  return { xml: out.join(""), cells };
}

/** Every cell of repaired XML, by the address it now carries. */
function cellsOf(xml: string): Map<string, string> {
  return new Map([...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*><v>([^<]*)<\/v><\/c>/g)].map((m) => [m[1]!, m[2]!]));
}

describe("repairSheet", () => {
  it("gives a result for any text, never a throw", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.nat(5), (text, strings) => {
        const r = repairSheet(`<sheetData>${text}</sheetData>`, strings);
        expect(typeof r.xml).toBe("string");
        expect(r.rows).toBeGreaterThanOrEqual(0);
      }),
      params(),
    );
  });

  it(
    "keeps every cell, each at its position's address, drops empty rows and validations, and counts only rows with content",
    () => {
      fc.assert(
        fc.property(grid, fc.boolean(), (rows, validations) => {
          const { xml, cells } = sheetXml(rows, validations);
          const r = repairSheet(xml, 0);
          expect(cellsOf(r.xml)).toEqual(cells);
          expect(r.xml).not.toContain("dataValidation");
          expect(r.xml).not.toMatch(/<row [^>]*\/>/);
          expect(r.rows).toBe(rows.filter((row) => row.cells.some((v) => v !== null)).length);
          expect(r.cells).toBe(cells.size);
          expect(r.duplicateCell).toBeUndefined();
        }),
        params(),
      );
    },
    budget(),
  );
});

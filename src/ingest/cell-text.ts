// One workbook cell -> the text the reader passes on, and the problem the text cannot carry
// (a formula whose result was never saved, a cell covered by a merge).
import type { Cell, CellValue } from "exceljs";
import { isPercentFormat, numberText, percentText } from "../words/number-text.js";

export interface CellText {
  text: string;
  /** An issue code for the validator to report at this cell. */
  problem?: "formula-without-result" | "merged-cells";
  /** For a cell covered by a merge: whether the merge's first cell holds something. */
  coversValue?: boolean;
}

/** A plain value (not a formula) as text; numbers honour a percent format. */
function valueText(value: CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return isPercentFormat(numFmt) ? percentText(value) : numberText(value);
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if ("error" in value) return String(value.error); // "#DIV/0!": the validator reports formula-error
  if ("richText" in value) return value.richText.map((r) => r.text ?? "").join("");
  if ("hyperlink" in value) {
    // exceljs gives a hyperlink's text as rich text when the link is formatted
    const text = value.text as unknown as CellValue;
    return valueText(text, undefined);
  }
  return "";
}

export function cellText(cell: Cell): CellText {
  if (cell.master !== cell) {
    const master = cellText(cell.master);
    return { text: "", problem: "merged-cells", coversValue: master.text.trim() !== "" };
  }
  const value = cell.value;
  if (value !== null && typeof value === "object" && ("formula" in value || "sharedFormula" in value)) {
    const result = value.result;
    if (result === undefined || result === null) return { text: "", problem: "formula-without-result" };
    return { text: valueText(result, cell.numFmt) };
  }
  return { text: valueText(value, cell.numFmt) };
}

// A framework as the spreadsheet's rows: one per measure, the indicator's fields repeated on each of
// its measures' rows, and every field no column names kept as JSON (pure).
import type { FrameworkInfo, Indicator, Measure } from "../framework/schema.js";
import { COLUMNS, type CellValue, type Column, type FrameworkAbout } from "../framework/sheet-columns.js";
import { type ComparatorCell, writeBand, writeComparators, writeYearAmounts } from "./cell-text.js";
import { getPath, withoutPaths } from "./paths.js";

/** The cell a field is written as, or null when the cell cannot hold it (it then travels in the JSON column). */
function cellOf(column: Column, value: unknown): CellValue | null {
  if (value === undefined || value === null) return "";
  switch (column.kind) {
    case "number":
      return value as number;
    case "list":
      return (value as string[]).join("; ");
    case "yes-no":
      return value ? "yes" : "no";
    case "categories":
      return (value as { id: string; label: string }[]).map((c) => `${c.id}: ${c.label}`).join("; ");
    case "year-amounts":
      return writeYearAmounts(value as Record<string, number>);
    case "band":
      return writeBand(value as { relative?: number; absolute?: number });
    case "comparators":
      return writeComparators(value as ComparatorCell[]);
    default:
      return String(value);
  }
}

/** The level's fields as its cells: each column's own, then every field no cell holds as JSON. */
function cellsOf(source: Record<string, unknown>, level: Column["level"]): Map<Column, CellValue> {
  const cells = new Map<Column, CellValue>();
  const held: string[][] = [["$schema"], ...(level === "indicator" ? [["measures"]] : [])];
  for (const c of COLUMNS.filter((c) => c.level === level && c.kind !== "json")) {
    const cell = cellOf(c, getPath(source, c.path));
    cells.set(c, cell ?? "");
    if (cell !== null) held.push(c.path);
  }
  const rest = withoutPaths(source, held);
  cells.set(COLUMNS.find((c) => c.level === level && c.kind === "json")!, Object.keys(rest).length ? JSON.stringify(rest) : "");
  return cells;
}

export function measureRow(indicator: Indicator, measure: Measure): CellValue[] {
  const cells = new Map([...cellsOf(indicator as Record<string, unknown>, "indicator"), ...cellsOf(measure as Record<string, unknown>, "measure")]);
  return COLUMNS.map((c) => cells.get(c) ?? "");
}

export function frameworkRows(indicators: Indicator[]): CellValue[][] {
  return indicators.flatMap((ind) => ind.measures.map((m) => measureRow(ind, m)));
}

export function aboutOf(info: FrameworkInfo): FrameworkAbout {
  return {
    name: info.name,
    ...(info.source !== undefined ? { source: info.source } : {}),
    themes: info.themes,
    ...(info.partnership !== undefined ? { partnership: info.partnership } : {}),
    ...(info.localTerms !== undefined ? { localTerms: info.localTerms } : {}),
  };
}

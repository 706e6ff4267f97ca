// A framework as the spreadsheet's rows: one per measure, the indicator's fields repeated on each of
// its measures' rows, and every field no column names kept as JSON (pure).
import type { FrameworkInfo, Indicator, Measure } from "../framework/schema.js";
import { COLUMNS, columnPaths, type CellValue, type Column, type FrameworkAbout } from "../framework/sheet-columns.js";
import { getPath, withoutPaths } from "./paths.js";

function cellOf(column: Column, value: unknown): CellValue {
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
    default:
      return String(value);
  }
}

function leftover(obj: Record<string, unknown>, level: Column["level"]): string {
  const paths = [...columnPaths(level), ["$schema"], ...(level === "indicator" ? [["measures"]] : [])];
  const rest = withoutPaths(obj, paths);
  return Object.keys(rest).length ? JSON.stringify(rest) : "";
}

export function measureRow(indicator: Indicator, measure: Measure): CellValue[] {
  return COLUMNS.map((c) => {
    const source = (c.level === "indicator" ? indicator : measure) as Record<string, unknown>;
    return c.kind === "json" ? leftover(source, c.level) : cellOf(c, getPath(source, c.path));
  });
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

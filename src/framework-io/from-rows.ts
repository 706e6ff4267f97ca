// The framework spreadsheet's table (read by src/ingest, with every cell's place) -> indicators,
// checked by the framework's own schema, each problem named by row and cell (pure).
import { Indicator } from "../framework/schema.js";
import { cellAddress } from "../words/cell-address.js";
import { issue, quote } from "../issues/catalogue.js";
import type { Issue, RawRow, RawTable } from "../types.js";
import { COLUMNS, type Column } from "../framework/sheet-columns.js";
import { numberError, readBand, readComparators, readNumber, readYearAmounts } from "./cell-text.js";
import { getPath, mergeDeep, setPath, unsafeKey } from "./paths.js";

type Json = Record<string, unknown>;

export interface ReadFramework {
  indicators: Indicator[];
  /** Themes in the order they first appear. */
  themes: string[];
  issues: Issue[];
}

interface Place {
  row: RawRow;
  /** Column index in the file, by column header. */
  at: Map<string, number>;
}

/** A cell's text as a column's value: undefined when blank, an error message when unusable. */
function parseCell(column: Column, text: string): { value?: unknown; error?: string } {
  if (text === "") return {};
  switch (column.kind) {
    case "number": {
      const n = readNumber(text);
      return n === null ? { error: numberError(text) } : { value: n };
    }
    case "list":
      return {
        value: text
          .split(";")
          .map((s) => s.trim())
          .filter(Boolean),
      };
    case "yes-no":
      return /^(yes|no)$/i.test(text) ? { value: text.toLowerCase() === "yes" } : { error: "must be yes or no" };
    case "categories": {
      const values = text
        .split(";")
        .map((s) => s.trim())
        .filter(Boolean)
        .map((pair) => {
          const i = pair.indexOf(":");
          return i < 0 ? { id: pair, label: pair } : { id: pair.slice(0, i).trim(), label: pair.slice(i + 1).trim() };
        });
      return { value: values };
    }
    case "year-amounts":
      return readYearAmounts(text);
    case "band":
      return readBand(text);
    case "comparators":
      return readComparators(text);
    case "json": {
      try {
        const v = JSON.parse(text) as unknown;
        const bad = unsafeKey(v);
        if (bad) return { error: `must not use the key "${bad}", which is no field of a framework` };
        return v && typeof v === "object" && !Array.isArray(v) ? { value: v } : { error: 'must be a JSON object, e.g. {"tolerance": {"relative": 0.1}}' };
      } catch {
        return { error: "is not valid JSON" };
      }
    }
    default:
      if (column.choices && !column.choices.includes(text)) return { error: `must be one of ${column.choices.join(", ")}` };
      return { value: text };
  }
}

function where(file: string, place: Place, column: Column) {
  const i = place.at.get(column.header);
  return { file, row: place.row.row, column: column.header, ...(i !== undefined ? { cell: cellAddress(i, place.row.row) } : {}) };
}

/**
 * The column for a zod finding: the one whose path is the longest start of the finding's path; else
 * the first that shares the longest start with it (a finding on direction.target belongs with the
 * direction and target columns); else the level's JSON column.
 */
function columnFor(level: Column["level"], path: PropertyKey[]): Column {
  const same = COLUMNS.filter((c) => c.level === level);
  const cells = same.filter((c) => c.kind !== "json");
  const fits = cells.filter((c) => c.path.every((k, i) => path[i] === k) && c.path.length <= path.length);
  // categories' id and label sit under values[i]: the categories column holds them.
  const longest = fits.sort((a, b) => b.path.length - a.path.length)[0];
  if (longest) return longest;
  const shared = (c: Column) => {
    let n = 0;
    while (n < c.path.length && n < path.length && c.path[n] === path[n]) n++;
    return n;
  };
  const best = Math.max(0, ...cells.map(shared));
  return (best > 0 ? cells.find((c) => shared(c) === best) : undefined) ?? same.find((c) => c.kind === "json")!;
}

export function readFrameworkTable(table: RawTable): ReadFramework {
  const file = table.file;
  const issues: Issue[] = [];
  const at = new Map<string, number>();
  table.header?.cells.forEach((h, i) => {
    const known = COLUMNS.find((c) => c.header.toLowerCase() === h.trim().toLowerCase());
    if (known && !at.has(known.header)) at.set(known.header, i);
  });
  for (const c of COLUMNS.filter((c) => c.required && !at.has(c.header)))
    issues.push(issue("framework-missing-column", { file, row: table.header?.row ?? 1, column: c.header }, `There is no '${c.header}' column; every framework row needs one.`, { expected: c.header }));
  if (issues.length) return { indicators: [], themes: [], issues };

  // Group the rows by reference, keeping each indicator's first row for its own fields.
  const groups = new Map<string, { first: Place; indicator: Json; measures: { place: Place; value: Json }[] }>();
  for (const row of table.rows) {
    const place: Place = { row, at };
    // darep writes text that could run as a formula with a leading apostrophe (src/template/safe-cell.ts).
    const text = (c: Column) => (row.cells[at.get(c.header) ?? -1] ?? "").trim().replace(/^'(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/, "");
    if (COLUMNS.every((c) => text(c) === "")) continue;
    const refColumn = COLUMNS[0]!;
    const ref = text(refColumn);
    if (ref === "") {
      issues.push(issue("framework-invalid-cell", where(file, place, refColumn), `Row ${row.row} has no reference, so darep cannot tell which indicator it belongs to.`));
      continue;
    }
    const key = ref.toUpperCase();
    const group = groups.get(key) ?? { first: place, indicator: {}, measures: [] };
    groups.set(key, group);
    const measure: Json = {};
    // The cells filled on this row: a JSON column that sets one of their fields again is a conflict, not a silent override.
    const filled: Column[] = [];
    for (const c of COLUMNS) {
      const parsed = parseCell(c, text(c));
      if (parsed.error) {
        issues.push(issue("framework-invalid-cell", where(file, place, c), `'${c.header}' ${parsed.error} (found ${quote(text(c))}).`, { found: quote(text(c)), indicator: ref }));
        continue;
      }
      if (parsed.value === undefined) continue;
      if (c.kind !== "json") filled.push(c);
      else {
        const twice = filled.filter((f) => f.level === c.level && getPath(parsed.value, f.path) !== undefined);
        if (twice.length) {
          for (const f of twice)
            issues.push(
              issue("framework-conflict", where(file, place, c), `'${c.header}' gives ${f.path.join(".")} again, which the '${f.header}' column already gives; give it in one place.`, {
                found: quote(text(c)),
                indicator: ref,
              }),
            );
          continue;
        }
      }
      if (c.level === "measure") {
        if (c.kind === "json") mergeDeep(measure, parsed.value as Json);
        else setPath(measure, c.path, parsed.value);
        continue;
      }
      if (group.first === place) {
        if (c.kind === "json") mergeDeep(group.indicator, parsed.value as Json);
        else setPath(group.indicator, c.path, parsed.value);
      } else if (c.kind !== "json" && JSON.stringify(parsed.value) !== JSON.stringify(c.path.reduce<unknown>((o, k) => (o as Json | undefined)?.[k], group.indicator))) {
        issues.push(
          issue("framework-conflict", where(file, place, c), `Row ${row.row} gives ${ref} a different ${c.header} from row ${group.first.row.row}; leave it blank or make the two agree.`, {
            found: quote(text(c)),
            indicator: ref,
          }),
        );
      }
    }
    group.measures.push({ place, value: measure });
  }

  const indicators: Indicator[] = [];
  const themes: string[] = [];
  for (const g of groups.values()) {
    const data = { ...g.indicator, measures: g.measures.map((m) => m.value) };
    const parsed = Indicator.safeParse(data);
    if (parsed.success) {
      indicators.push(parsed.data);
      if (!themes.includes(parsed.data.theme)) themes.push(parsed.data.theme);
      continue;
    }
    for (const z of parsed.error.issues) {
      const inMeasure = z.path[0] === "measures" && typeof z.path[1] === "number" && g.measures[z.path[1]];
      const place = inMeasure ? g.measures[z.path[1] as number]!.place : g.first;
      const column = inMeasure ? columnFor("measure", z.path.slice(2)) : columnFor("indicator", z.path);
      const field = z.path.slice(inMeasure ? 2 : 0).join(".");
      // A cell already reported as unreadable is not reported again for being blank.
      const at = where(file, place, column);
      if (issues.some((i) => i.row === at.row && i.column === at.column)) continue;
      const message =
        z.code === "invalid_value" ? `must be one of ${z.values.map(String).join(", ")}` : z.code === "invalid_type" ? `is blank or of the wrong kind (expected ${z.expected})` : z.message;
      issues.push(
        issue("framework-invalid-cell", where(file, place, column), `'${column.header}'${column.kind === "json" || field !== column.path.join(".") ? ` (${field || "the row"})` : ""}: ${message}.`, {
          indicator: String((data as Json).ref ?? ""),
        }),
      );
    }
  }
  issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { indicators, themes, issues };
}

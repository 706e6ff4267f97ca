// The action plan's table (as read from CSV or XLSX) -> actions, with every finding as an issue
// at its file, row and cell: a missing reference, a duplicate, an unknown RAG rating, a timescale
// that is no date, and references in the measures that cannot be read or are not in the framework.
// Pure: never throws on data; a bad cell is reported and read as blank.
import { cellAddress } from "../words/cell-address.js";
import { issue, quote } from "../issues/catalogue.js";
import type { Issue, Location, RawTable } from "../types.js";
import { cellValue, findColumns, type ColumnSpec } from "./columns.js";
import { parseReferences, prefixesOf } from "./links.js";
import { parseRag, ragChoices } from "./rag.js";
import { parseMilestones } from "./milestones.js";
import type { RagGuide } from "../framework/schema.js";
import { parseTimescale } from "./timescale.js";
import type { Action } from "./types.js";

export type ActionField = "ref" | "priority" | "keyAction" | "leadOfficer" | "timescale" | "measures" | "progress" | "milestones" | "rag";

/** The columns in the order `darep template actions` writes them. */
export const ACTION_COLUMNS: Record<ActionField, readonly string[]> = {
  ref: ["reference", "ref", "actionno", "actionnumber", "actionref", "actionreference", "no"],
  priority: ["priority"],
  keyAction: ["keyaction", "action", "actions"],
  leadOfficer: ["leadofficer", "leadofficers", "lead", "owner"],
  timescale: ["timescale", "targetdate", "duedate", "due", "deadline"],
  measures: ["measures", "measure", "measuress"],
  progress: ["progressupdate", "progress", "update"],
  milestones: ["milestones", "milestone"],
  rag: ["rag", "ragrating", "ragstatus"],
};

/** The header names the template writes. */
export const ACTION_HEADER = ["reference", "priority", "key action", "lead officer", "timescale", "measures", "progress update", "RAG"] as const;

const SPEC: ColumnSpec<ActionField> = { names: ACTION_COLUMNS, required: ["ref", "rag"], missingCode: "missing-action-column", what: "action plan" };

export interface ActionContext {
  /** Upper-case indicator references of the framework. */
  indicators: ReadonlySet<string>;
  /** Upper-case assurance references of the framework (empty when it has none). */
  assurance: ReadonlySet<string>;
  financialYearStartMonth: number;
  /** The framework's RAG guide (rag.json); default Doncaster's four. */
  rag?: RagGuide;
}

export interface ActionTable {
  actions: Action[];
  issues: Issue[];
}

/** "P1 Prevent and ultimately end domestic abuse" -> P1 and its name; else the reference's part before the dot. */
function priorityOf(cell: string, ref: string): { priority: string; name: string | null } {
  const m = /^\s*(P\d+)\b[\s:.\-\u2013\u2014]*(.*)$/i.exec(cell);
  if (m) return { priority: m[1]!.toUpperCase(), name: m[2]!.trim() || null };
  const fromRef = /^([A-Za-z]*\d+)\./.exec(ref)?.[1]?.toUpperCase() ?? null;
  const name = cell.trim() || null;
  return { priority: fromRef ?? name ?? "Other", name: fromRef ? name : null };
}

export function readActionTable(table: RawTable, ctx: ActionContext): ActionTable {
  const { columns, issues } = findColumns(table, SPEC);
  if (!columns || !table.header) return { actions: [], issues };
  const base: Location = { file: table.file, ...(table.sheet ? { sheet: table.sheet } : {}) };
  const headerName = (i: number) => table.header!.cells[i] ?? "";
  const prefixes = prefixesOf([...ctx.indicators, ...ctx.assurance]);
  const actions: Action[] = [];
  const firstRow = new Map<string, number>();

  for (const row of table.rows) {
    const get = (f: ActionField) => cellValue(row.cells, columns[f]).trim();
    const at = (f: ActionField): Location => ({ ...base, row: row.row, ...(columns[f] >= 0 ? { cell: cellAddress(columns[f], row.row), column: headerName(columns[f]) } : {}) });
    const ref = get("ref");
    if (ref === "") {
      issues.push(issue("missing-action-reference", at("ref"), `Row ${row.row} of the action plan has no action reference, so it was left out.`, { expected: "a reference such as P1.5" }));
      continue;
    }
    const key = ref.toUpperCase();
    const before = firstRow.get(key);
    if (before !== undefined) {
      issues.push(issue("duplicate-action", at("ref"), `Action ${quote(ref)} is on row ${before} and again on row ${row.row}; row ${row.row} was left out.`, { found: quote(ref) }));
      continue;
    }
    firstRow.set(key, row.row);

    const ragText = get("rag");
    const rag = parseRag(ragText, ctx.rag);
    if (rag === "unknown")
      issues.push(
        issue("unknown-rag", at("rag"), `The RAG rating of ${quote(ref)} is '${quote(ragText)}', which is not a rating; the action is treated as not rated.`, {
          found: quote(ragText),
          expected: ragChoices(ctx.rag),
        }),
      );

    const timescaleText = get("timescale");
    const timescale = parseTimescale(timescaleText, ctx.financialYearStartMonth);
    if (timescale === null)
      issues.push(
        issue("invalid-timescale", at("timescale"), `The timescale of ${quote(ref)}, '${quote(timescaleText)}', is not a date or a month, so darep cannot tell whether it is overdue.`, {
          found: quote(timescaleText),
          expected: "a month such as March 2027, a date such as 31/03/2027, 'ongoing', or blank",
        }),
      );

    const measures = get("measures");
    const parsed = parseReferences(measures, prefixes);
    for (const u of parsed.unreadable)
      issues.push(issue("unreadable-reference", at("measures"), `The measures of ${quote(ref)} name '${quote(u)}', which cannot be read as references; no link was made for it.`, { found: quote(u) }));
    const indicators: string[] = [];
    const assurance: string[] = [];
    for (const r of parsed.refs) {
      if (ctx.indicators.has(r)) indicators.push(r);
      else if (ctx.assurance.has(r)) assurance.push(r);
      else issues.push(issue("unknown-linked-reference", at("measures"), `The measures of ${quote(ref)} name ${r}, which is not in the framework; no link was made for it.`, { found: r }));
    }

    const { priority, name } = priorityOf(get("priority"), ref);
    const cells = { ragCell: at("rag").cell, timescaleCell: at("timescale").cell, measuresCell: at("measures").cell };
    actions.push({
      ref,
      priority,
      priorityName: name,
      keyAction: get("keyAction"),
      leadOfficer: get("leadOfficer"),
      timescaleText,
      timescale: timescale ?? { kind: "none" },
      measures,
      progress: get("progress"),
      milestones: parseMilestones(get("milestones"), ctx.rag),
      ragText,
      rag: rag === "unknown" ? null : rag,
      indicators,
      assurance,
      source: { ...base, row: row.row, ...Object.fromEntries(Object.entries(cells).filter(([, v]) => v !== undefined)) },
    });
  }
  return { actions, issues };
}

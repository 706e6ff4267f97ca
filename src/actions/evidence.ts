// The assurance evidence file (assurance/<year>-<quarter>.csv or .xlsx) -> what was received, for
// which quarter, with a finding at its cell for an unknown reference, a date that is no date, a
// quarter that is no quarter, or an item recorded twice. Pure.
import { comparePeriods, isYearLabel } from "../framework/period.js";
import { cellAddress } from "../words/cell-address.js";
import { issue, quote } from "../issues/catalogue.js";
import type { Issue, Location, Period, QuarterName, RawTable } from "../types.js";
import { cellValue, findColumns, type ColumnSpec } from "./columns.js";
import { parseDate } from "./timescale.js";
import type { Evidence } from "./types.js";

export type EvidenceField = "ref" | "received" | "for" | "evidence";

export const EVIDENCE_COLUMNS: Record<EvidenceField, readonly string[]> = {
  ref: ["reference", "ref", "qa", "item"],
  received: ["received", "receivedon", "datereceived", "date"],
  for: ["for", "forquarter", "quarter", "period"],
  evidence: ["evidence", "note", "notes", "what"],
};

const SPEC: ColumnSpec<EvidenceField> = { names: EVIDENCE_COLUMNS, required: ["ref", "received"], missingCode: "missing-action-column", what: "assurance evidence file" };

/** "2026-27 Q1", "Q1 2026-27", "2026-27-Q1" -> a period; null when it is none. */
export function parseQuarterText(text: string): Period | null {
  const t = text.trim();
  const m = /^(\d{4}-\d{2})[\s/_-]*(Q[1-4])$/i.exec(t) ?? /^(Q[1-4])[\s/_-]*(\d{4}-\d{2})$/i.exec(t);
  if (!m) return null;
  const [year, q] = /^q/i.test(m[1]!) ? [m[2]!, m[1]!] : [m[1]!, m[2]!];
  return isYearLabel(year) ? { year, quarter: q.toUpperCase() as QuarterName } : null;
}

export function readEvidenceTable(table: RawTable, filePeriod: Period, assurance: ReadonlySet<string>): { evidence: Evidence[]; issues: Issue[] } {
  const { columns, issues } = findColumns(table, SPEC);
  if (!columns || !table.header) return { evidence: [], issues };
  const base: Location = { file: table.file, ...(table.sheet ? { sheet: table.sheet } : {}) };
  const evidence: Evidence[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const get = (f: EvidenceField) => cellValue(row.cells, columns[f]).trim();
    const at = (f: EvidenceField): Location => ({ ...base, row: row.row, ...(columns[f] >= 0 ? { cell: cellAddress(columns[f], row.row), column: table.header!.cells[columns[f]] } : {}) });
    const ref = get("ref").toUpperCase();
    if (!assurance.has(ref)) {
      issues.push(
        issue("unknown-assurance-reference", at("ref"), `Row ${row.row} names '${quote(get("ref"))}', which is not in the assurance framework; the row was left out.`, { found: quote(get("ref")) }),
      );
      continue;
    }
    let period = filePeriod;
    const forText = get("for");
    if (forText !== "") {
      const p = parseQuarterText(forText);
      if (!p || comparePeriods(p, filePeriod) > 0) {
        issues.push(
          issue("invalid-evidence-period", at("for"), `The evidence for ${ref} is said to be for '${quote(forText)}', which is not this quarter or an earlier one; the row was left out.`, {
            found: quote(forText),
            expected: `a quarter up to ${filePeriod.year} ${filePeriod.quarter}, e.g. ${filePeriod.year} ${filePeriod.quarter}`,
          }),
        );
        continue;
      }
      period = p;
    }
    const receivedText = get("received");
    const received = receivedText === "" ? null : parseDate(receivedText);
    if (receivedText !== "" && received === null) {
      issues.push(
        issue("invalid-received-date", at("received"), `The date ${ref} was received, '${quote(receivedText)}', is not a date; it is not counted as received.`, {
          found: quote(receivedText),
          expected: "a date such as 2026-08-14 or 14/08/2026",
        }),
      );
    }
    const key = `${ref}|${period.year}|${period.quarter}`;
    const before = seen.get(key);
    if (before !== undefined) {
      issues.push(issue("duplicate-evidence", at("ref"), `${ref} for ${period.year} ${period.quarter} is on row ${before} and again on row ${row.row}; row ${row.row} was left out.`, { found: ref }));
      continue;
    }
    seen.set(key, row.row);
    evidence.push({ ref, for: period, received, evidence: get("evidence"), source: { ...base, row: row.row } });
  }
  return { evidence, issues };
}

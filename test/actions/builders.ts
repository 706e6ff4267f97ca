// Small builders for the action-plan tests: a raw table from rows of cells, actions, evidence.
import type { Action, Evidence } from "../../src/actions/types.js";
import type { Period, QuarterName, RawTable } from "../../src/types.js";

export const HEADER = ["reference", "priority", "key action", "lead officer", "timescale", "measures", "progress update", "RAG"];

/** A CSV-like table: the header on row 1, then each row of cells on rows 2, 3, ... */
export function table(rows: string[][], header = HEADER, file = "actions/2026-27-Q2.csv"): RawTable {
  return { file, format: "csv", header: { row: 1, cells: header }, rows: rows.map((cells, i) => ({ row: i + 2, cells })) };
}

export const p = (year: string, quarter: QuarterName): Period => ({ year, quarter });

export function action(ref: string, extra: Partial<Action> = {}): Action {
  return {
    ref,
    priority: ref.split(".")[0]!,
    priorityName: null,
    keyAction: `Key action ${ref}`,
    leadOfficer: "Lead Officer",
    timescaleText: "March 2027",
    timescale: { kind: "date", due: "2027-03-31" },
    measures: "",
    progress: "",
    ragText: "",
    rag: null,
    indicators: [],
    assurance: [],
    source: { file: "actions/2026-27-Q2.csv", row: 2 },
    ...extra,
  };
}

export function evidence(ref: string, period: Period, received: string | null = "2026-08-01"): Evidence {
  return { ref, for: period, received, evidence: "", source: { file: `assurance/${period.year}-${period.quarter}.csv`, row: 2 } };
}

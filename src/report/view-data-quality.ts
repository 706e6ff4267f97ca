// The data-quality section's view: the chase list of returns that are missing, late or have errors,
// by agency, with each error in plain words and where to find it.
import type { Report, ReturnJson } from "../report-contract/schema.js";
import { dateInWords, listWords, plural } from "../words/index.js";
import { breakPoints } from "./break-points.js";
import { quarterLong } from "./format.js";
import type { AgencyErrors, ChaseRow, DataQualityView, IssueRow, StatusView } from "./view-types.js";

/** The board needs to know whom to chase, not every error: the rest are in `darep validate`'s output. */
export const MAX_ERRORS_PER_AGENCY = 10;

type Issue = ReturnJson["errors"][number];

const STATE: Record<"missing" | "invalid" | "late", StatusView> = {
  missing: { word: "Missing", shape: "✕", css: "status status-unknown" },
  invalid: { word: "Has errors", shape: "⊘", css: "status status-unknown" },
  late: { word: "Late", shape: "◷", css: "status status-neutral" },
};

function stateOf(r: ReturnJson): StatusView | null {
  if (r.status === "missing") return STATE.missing;
  if (r.status === "invalid") return STATE.invalid;
  return r.late ? STATE.late : null;
}

/** "sheet Return, row 14, column value (cell D14)". */
export function whereWords(i: Issue): string {
  const parts = [i.sheet ? `sheet ${i.sheet}` : "", i.row !== undefined ? `row ${i.row}` : "", i.column ? `column ${i.column}` : ""].filter(Boolean);
  const place = parts.join(", ");
  if (i.cell) return place ? `${place} (cell ${i.cell})` : `cell ${i.cell}`;
  return place || "the whole file";
}

function labels(report: Report): Map<string, string> {
  const m = new Map<string, string>();
  for (const r of report.results) {
    m.set(`${r.indicator}|`, `${r.indicator} ${r.indicatorTitle}`);
    m.set(`${r.indicator}|${r.measure}|`, `${r.indicator} ${r.measureLabel}`);
    m.set(`${r.indicator}|${r.measure}|${r.category ?? ""}`, `${r.indicator} ${r.measureLabel}${r.categoryLabel ? `: ${r.categoryLabel}` : ""}`);
  }
  return m;
}

function issueRow(i: Issue, names: Map<string, string>): IssueRow {
  const ref = i.indicator?.toUpperCase();
  const figure = !ref
    ? ""
    : (names.get(`${ref}|${i.measure ?? ""}|${i.category ?? ""}`) ?? names.get(`${ref}|${i.measure ?? ""}|`) ?? names.get(`${ref}|`) ?? [ref, i.measure, i.category].filter(Boolean).join(" "));
  return { where: whereWords(i), figure, problem: i.message, advice: i.advice ?? "" };
}

function contactWords(r: ReturnJson): string {
  const parts = [r.contact?.name, r.contact?.email].filter((s): s is string => !!s);
  return parts.join(", ") || "no contact on record";
}

function problemWords(r: ReturnJson): string {
  if (r.status === "missing") return `No return; ${plural(r.indicators.length, "indicator")} owed`;
  const parts = [r.errors.length ? plural(r.errors.length, "error") : "", r.warnings.length ? plural(r.warnings.length, "warning") : "", r.late ? "received after the due date" : ""].filter(Boolean);
  return `${parts.join(", ")}; ${plural(r.figuresUsed, "figure")} used`;
}

export function dataQualityView(report: Report): DataQualityView {
  const s = report.summary;
  const names = labels(report);
  const chased = report.returns.filter((r) => stateOf(r) !== null);
  const fine = report.returns.filter((r) => stateOf(r) === null);
  const late = report.returns.filter((r) => r.late).length;
  const chase: ChaseRow[] = chased.map((r) => ({
    agency: r.agencyName,
    state: stateOf(r)!,
    received: r.receivedAt ? dateInWords(r.receivedAt) : "not received",
    problems: problemWords(r),
    contact: breakPoints(contactWords(r)),
  }));
  const errors: AgencyErrors[] = report.returns
    .filter((r) => r.errors.length > 0)
    .map((r, i) => {
      const more = r.errors.length - MAX_ERRORS_PER_AGENCY;
      return {
        anchor: `errors-${i + 1}`,
        heading: `Errors in the return from ${r.agencyName}`,
        file: r.file ?? "no file",
        caption: `The ${plural(r.errors.length, "error")} in ${r.agencyName}'s return`,
        rows: r.errors.slice(0, MAX_ERRORS_PER_AGENCY).map((e) => issueRow(e, names)),
        more: more > 0 ? `…and ${plural(more, "more error")}. Checking the file with darep validate lists every one.` : null,
      };
    });
  const withWarnings = fine.filter((r) => r.warnings.length > 0);
  return {
    intro:
      `${s.returnsReceived + s.returnsInvalid} of ${s.returnsExpected} returns for ${quarterLong(report)} were received: ` +
      `${plural(s.returnsMissing, "is", "are")} missing, ${plural(s.returnsInvalid, "has", "have")} errors and ${plural(late, "was", "were")} late.`,
    chase,
    allGood: fine.length ? `Received on time with no errors: ${listWords(fine.map((r) => r.agencyName))}.` : null,
    warningsNote: withWarnings.length
      ? `Warnings are figures to double-check, not errors: ${listWords(withWarnings.map((r) => `${plural(r.warnings.length, "warning")} from ${r.agencyName}`))}.`
      : null,
    errors,
    otherWarnings: report.warnings.map((w) => issueRow(w, names)),
  };
}

// The catalogue of every issue darep reports about data: a stable code, its severity, a title,
// what it means and what to do. README's table of codes is generated from this file
// (`npm run docs:issues`), so this is the one place to add or change a code.
import type { Issue, Location, Severity } from "../types.js";
import { showControls } from "../words/index.js";

export interface IssueType {
  severity: Severity;
  group: "file" | "encoding" | "structure" | "value" | "figures" | "quarters" | "workspace" | "actions" | "framework" | "history";
  title: string;
  /** What it means, for the README and `darep help codes`. */
  meaning: string;
  /** Default advice when the finding carries none of its own. */
  advice: string;
}

export const CATALOGUE = {
  // --- the file as a whole ---
  "empty-file": { severity: "error", group: "file", title: "Empty file", meaning: "The file has no bytes, or no rows at all.", advice: "Export the return again from the template and resend it." },
  "unreadable-file": {
    severity: "error",
    group: "file",
    title: "Unreadable file",
    meaning: "The file could not be opened or parsed as the format its name says (a truncated or damaged file).",
    advice: "Open it yourself to check it, then save it again as .xlsx or .csv and resend it.",
  },
  "wrong-file-type": {
    severity: "error",
    group: "file",
    title: "Not a spreadsheet",
    meaning: "The file's content is not what its name says (e.g. a PDF, image or old .xls renamed .csv or .xlsx).",
    advice: "Save the return as .xlsx (Excel Workbook) or .csv (CSV UTF-8) and resend it.",
  },
  "encrypted-workbook": {
    severity: "error",
    group: "file",
    title: "Password-protected workbook",
    meaning: "The workbook is encrypted, so nobody can read it without the password.",
    advice: "Remove the password (File > Info > Protect Workbook) and resend it; never send the password by email.",
  },
  "unsupported-format": { severity: "error", group: "file", title: "Unsupported file type", meaning: "Only .csv and .xlsx returns are read.", advice: "Save the return as .xlsx or .csv." },
  "missing-sheet": {
    severity: "warning",
    group: "file",
    title: "No sheet named Return",
    meaning: "The workbook has no sheet named 'Return', so the first sheet was read instead.",
    advice: "Name the sheet holding the figures 'Return'.",
  },
  "ambiguous-return": {
    severity: "error",
    group: "file",
    title: "Two files for one return",
    meaning: "Both a .csv and an .xlsx exist for the same agency and quarter, and darep will not guess which is meant.",
    advice: "Delete the one that is out of date.",
  },
  "unknown-agency": {
    severity: "error",
    group: "file",
    title: "Unknown agency",
    meaning: "The file name is not the id of an agency in darep.config.json.",
    advice: "Name the file after your agency's id, e.g. south-yorkshire-police.csv.",
  },
  "misplaced-return": {
    severity: "error",
    group: "file",
    title: "Return in the wrong place",
    meaning: "The file is not under returns/<year>/<quarter>/, or its About sheet names another agency or period than its place says.",
    advice: "Move the file to returns/<year>/<quarter>/<agency-id>.csv, or correct the About sheet.",
  },
  "limit-exceeded": {
    severity: "error",
    group: "file",
    title: "File too large",
    meaning: "The file is bigger than a safety limit allows (size, rows, cells, characters per cell, or unpacked size), so it was not read.",
    advice: "A return has one row per figure: check that the file holds only the return.",
  },
  "ambiguous-file": {
    severity: "error",
    group: "file",
    title: "Ambiguous workbook",
    meaning: "The workbook holds one part or one cell twice (two zip entries of one name, or two cells with one address), so two programs could read two different returns from it.",
    advice: "Open the file in Excel or LibreOffice, check the figures, save it again as .xlsx and resend it.",
  },
  "hidden-sheet": {
    severity: "warning",
    group: "file",
    title: "Hidden Return sheet",
    meaning: "The sheet darep read is hidden in Excel, so the person who checked the file may not have seen the figures sent.",
    advice: "Unhide the sheet (right-click a sheet tab > Unhide), check it, and save the file again.",
  },
  "macro-workbook": {
    severity: "warning",
    group: "file",
    title: "Workbook with macros",
    meaning: "The workbook carries macros (a macro-enabled workbook renamed .xlsx, or saved with a macro project). darep never runs them; the file is read as data only.",
    advice: "Save the return as a plain Excel Workbook (.xlsx) without macros; a return needs none.",
  },
  "unreadable-workbook": {
    severity: "error",
    group: "file",
    title: "Workbook not readable",
    meaning: "The file is a workbook, but its contents do not follow the Excel format closely enough to be read (it may be damaged, or written by a program darep does not know).",
    advice: "Open it in Excel or LibreOffice, save it again as an Excel Workbook (.xlsx), and resend it.",
  },
  // --- text encoding ---
  "invalid-encoding": {
    severity: "error",
    group: "encoding",
    title: "Text not readable",
    meaning: "The file has bytes that are not valid text in UTF-8, and it does not look like a Windows-1252 export either.",
    advice: "In Excel choose Save As > 'CSV UTF-8 (Comma delimited)'.",
  },
  "legacy-encoding": {
    severity: "warning",
    group: "encoding",
    title: "Old text encoding",
    meaning: "The CSV was saved as Windows-1252 (Excel's plain 'CSV'); it was read as such.",
    advice: "Next time choose 'CSV UTF-8' so that characters like £ and ’ travel safely.",
  },
  "utf-16-text": {
    severity: "warning",
    group: "file",
    title: "UTF-16 text",
    meaning: "The CSV was saved as UTF-16 (Excel's 'Unicode Text'), with or without a byte-order mark; it was read as such.",
    advice: "Next time choose Save As > 'CSV UTF-8 (Comma delimited)'.",
  },
  "invisible-characters": {
    severity: "warning",
    group: "encoding",
    title: "Invisible characters",
    meaning: "A header or reference held non-breaking or zero-width spaces; they were ignored.",
    advice: "Retype the cell, or copy it from the template.",
  },
  // --- the table's shape ---
  "missing-header": {
    severity: "error",
    group: "structure",
    title: "No header row",
    meaning: "The first non-blank row must name the columns: indicator, measure, category, value, note.",
    advice: "Start from the template, which has the header row.",
  },
  "missing-column": {
    severity: "error",
    group: "structure",
    title: "Required column missing",
    meaning: "A required column (indicator or value) is not in the header row.",
    advice: "Add the column, spelt as in the template.",
  },
  "blank-header": {
    severity: "error",
    group: "structure",
    title: "Blank column name",
    meaning: "A column with data in it has no name in the header row.",
    advice: "Name the column, or delete it if it is not needed.",
  },
  "duplicate-header": {
    severity: "error",
    group: "structure",
    title: "Column named twice",
    meaning: "Two columns have the same name, so darep cannot tell which one holds the figures.",
    advice: "Delete or rename one of them.",
  },
  "extra-column": {
    severity: "warning",
    group: "structure",
    title: "Unknown column",
    meaning: "A column that is not part of the return was ignored.",
    advice: "Remove it, or move what it says into the note column.",
  },
  "extra-cell": {
    severity: "error",
    group: "structure",
    title: "Too many cells",
    meaning: "A row has more cells than the header row has columns, so its values may have slipped sideways.",
    advice: "Check the row for a stray comma or a value in the wrong column.",
  },
  "missing-cell": {
    severity: "warning",
    group: "structure",
    title: "Too few cells",
    meaning: "A row has fewer cells than the header row; the missing ones were read as blank.",
    advice: "Check the row is complete.",
  },
  "malformed-csv": {
    severity: "error",
    group: "structure",
    title: "Broken CSV",
    meaning: "The CSV could not be split into rows and cells, usually because of a quote that is never closed.",
    advice: 'Look for a " in the row named and close or remove it.',
  },
  "tab-separated": {
    severity: "warning",
    group: "file",
    title: "Tab-separated file",
    meaning: "The file separates cells with tabs, not commas; it was read as such, since its header row leaves no doubt.",
    advice: "Next time save as 'CSV UTF-8 (Comma delimited)'.",
  },
  "damaged-cell": {
    severity: "error",
    group: "structure",
    title: "Damaged cell",
    meaning: "A cell of the workbook refers to text the file does not hold (a shared-string number past the end of its table), so what it showed cannot be known; it was read as blank.",
    advice: "Open the file in Excel or LibreOffice, retype the cell, save it again and resend it.",
  },
  "wrong-delimiter": {
    severity: "error",
    group: "structure",
    title: "Semicolon-separated file",
    meaning: "The CSV separates cells with semicolons (a European Excel setting) instead of commas.",
    advice: "Save as 'CSV UTF-8 (Comma delimited)', or use the .xlsx template.",
  },
  "merged-cells": {
    severity: "error",
    group: "structure",
    title: "Merged cells",
    meaning: "Cells in the data are merged, so a value stands for several rows or columns.",
    advice: "Unmerge the cells and fill in each one.",
  },
  // --- single values ---
  "unknown-indicator": {
    severity: "error",
    group: "value",
    title: "Unknown indicator",
    meaning: "The indicator reference is not in the partnership's framework.",
    advice: "Use a reference from the template.",
  },
  "unknown-measure": { severity: "error", group: "value", title: "Unknown measure", meaning: "The measure is not one of the indicator's measures.", advice: "Use one of the measures listed." },
  "missing-measure": {
    severity: "error",
    group: "value",
    title: "Measure not given",
    meaning: "The indicator has several measures, so the measure column must say which one the figure is.",
    advice: "Fill in the measure column.",
  },
  "unknown-category": {
    severity: "error",
    group: "value",
    title: "Unknown category",
    meaning: "The category is not one of the measure's breakdown categories.",
    advice: "Use one of the categories listed, or leave it blank for the total.",
  },
  "blank-value": {
    severity: "error",
    group: "value",
    title: "Blank value",
    meaning: "The value cell is empty. A blank is never read as 0.",
    advice: "Write the figure, or [x] if it is not available.",
  },
  "invalid-value": {
    severity: "error",
    group: "value",
    title: "Not a number",
    meaning: "The value is not a number, a percentage or a GSS symbol ([c], [x], [z], [u]).",
    advice: "Write a number like 1234, or a symbol.",
  },
  "local-suppression-mark": {
    severity: "error",
    group: "value",
    title: "Own suppression mark",
    meaning: "The value uses a local mark such as *, <5, - or n/a; these are not read as numbers.",
    advice: "Write [c] for a figure withheld to protect people, or [x] for one not available.",
  },
  "negative-count": { severity: "error", group: "value", title: "Negative count", meaning: "A count of people or events cannot be below zero.", advice: "Check the figure." },
  "fractional-count": {
    severity: "error",
    group: "value",
    title: "Fractional count",
    meaning: "A count must be a whole number.",
    advice: "Check the figure; a percentage belongs in a percent measure.",
  },
  "percent-out-of-range": {
    severity: "error",
    group: "value",
    title: "Percentage out of range",
    meaning: "A percentage must be between 0 and 100.",
    advice: "Write 45 or 45% for forty-five per cent.",
  },
  "value-out-of-range": { severity: "error", group: "value", title: "Value out of range", meaning: "The value is outside the range the indicator's schema allows.", advice: "Check the figure." },
  "formula-error": {
    severity: "error",
    group: "value",
    title: "Formula error",
    meaning: "The cell holds a spreadsheet error such as #DIV/0! or #REF!.",
    advice: "Fix the formula, or paste the figure as a value.",
  },
  "formula-without-result": {
    severity: "error",
    group: "value",
    title: "Formula without a saved result",
    meaning: "The cell has a formula whose result was never saved (the file was written by a program that does not calculate).",
    advice: "Open the file in Excel, save it, and resend it; or paste the figure as a value.",
  },
  "unquoted-thousands": {
    severity: "error",
    group: "value",
    title: "Number split by its comma",
    meaning: "A number with a thousands separator was written without quotes in a CSV, so its comma split it into two cells (1,032 read as 1 and 032).",
    advice: 'Put numbers with commas in quotes ("1,032"), or leave the comma out (1032).',
  },
  "percent-as-fraction": {
    severity: "error",
    group: "value",
    title: "Percentage written as a fraction",
    meaning: "A percent measure holds a bare number between 0 and 1 (0.74), as Gnumeric's CSV export and pasted values write 74%; read as it stands it would be 0.74%.",
    advice: "Write 74 or 74% for seventy-four per cent; write 0.74% if you really mean less than one per cent.",
  },
  "decimal-comma": {
    severity: "error",
    group: "value",
    title: "Decimal comma",
    meaning: "The value uses a comma as its decimal point (74,5), as European settings write it; darep reads a comma only as a thousands separator.",
    advice: "Write the decimal point as a full stop: 74.5.",
  },
  "not-reported-by-agency": {
    severity: "error",
    group: "value",
    title: "Indicator not yours",
    meaning: "The indicator is not one this agency reports according to darep.config.json.",
    advice: "Remove the row, or ask the partnership analyst to update the configuration.",
  },
  // --- figures taken together ---
  "duplicate-figure": { severity: "error", group: "figures", title: "Figure given twice", meaning: "The same indicator, measure and category appear on two rows.", advice: "Keep one row." },
  "missing-indicator": {
    severity: "error",
    group: "figures",
    title: "Indicator left out",
    meaning: "An indicator this agency reports has no row at all.",
    advice: "Add its rows; write [x] where a figure is not available.",
  },
  "categories-do-not-add-up": {
    severity: "error",
    group: "figures",
    title: "Categories do not add up",
    meaning: "The breakdown categories do not add up to the total given (none of them is suppressed).",
    advice: "Check each category and the total.",
  },
  "part-exceeds-whole": {
    severity: "error",
    group: "figures",
    title: "Part bigger than its whole",
    meaning: "A figure is larger than the figure it is part of (e.g. repeat referrals more than all referrals).",
    advice: "Check both figures.",
  },
  // --- across quarters ---
  "sudden-change": {
    severity: "warning",
    group: "quarters",
    title: "Sudden change",
    meaning: "The figure moved more than threefold since last quarter, or fell to zero: often a keying error.",
    advice: "Check the figure; if it is right, say why in the note column.",
  },
  "year-to-date-fell": {
    severity: "error",
    group: "quarters",
    title: "Year to date fell",
    meaning: "A figure the framework says is reported as a year-to-date total is lower than last quarter's total in the same year: a total so far can only grow.",
    advice: "Give the total since April (not this quarter's own figure), or correct last quarter's return.",
  },
  "identical-to-previous": {
    severity: "warning",
    group: "quarters",
    title: "Same as last quarter",
    meaning: "Every figure is identical to the agency's previous return: perhaps last quarter's file was sent again.",
    advice: "Check that this is this quarter's return.",
  },
  "about-mismatch": {
    severity: "error",
    group: "file",
    title: "About sheet disagrees",
    meaning: "The About sheet names another agency or period than the file's place.",
    advice: "Correct the About sheet, or move the file.",
  },
  // --- the workspace ---
  "unknown-period": {
    severity: "error",
    group: "workspace",
    title: "No such quarter",
    meaning: "A returns folder is not a financial year (2025-26) and quarter (Q1-Q4).",
    advice: "Rename the folder, e.g. returns/2025-26/Q2.",
  },
  "invalid-receipt": {
    severity: "warning",
    group: "workspace",
    title: "Receipts log line not used",
    meaning: "A line of a quarter's _received.csv does not name an agency with a date like 2026-11-04.",
    advice: "Correct the line: agency-id,YYYY-MM-DD.",
  },
  "unknown-commentary": {
    severity: "warning",
    group: "workspace",
    title: "Commentary for an unknown indicator",
    meaning: "The analyst's commentary has a section for a reference the framework does not have.",
    advice: "Correct the heading to an indicator reference, e.g. '## PM20'.",
  },
  // --- the action plan and the assurance evidence ---
  "missing-action-column": {
    severity: "error",
    group: "actions",
    title: "Action plan column missing",
    meaning: "The action plan has no 'reference' or no 'RAG' column (or an assurance evidence file no 'ref' or 'received' column), so its rows cannot be read.",
    advice: "Start from `darep template actions`, which has every column; an evidence file's header is ref, received, for, evidence.",
  },
  "missing-action-reference": {
    severity: "error",
    group: "actions",
    title: "Action without a reference",
    meaning: "A row of the action plan has something in it but no action reference (such as P1.5).",
    advice: "Give the action its reference, or delete the row.",
  },
  "duplicate-action": {
    severity: "error",
    group: "actions",
    title: "Action listed twice",
    meaning: "Two rows of the action plan have the same reference; only the first is used.",
    advice: "Keep one row per action; give a new action its own reference.",
  },
  "unknown-rag": {
    severity: "error",
    group: "actions",
    title: "Unknown RAG rating",
    meaning: "The RAG rating is not one of Red, Amber, Light green or Green (or blank for not rated); the action is treated as not rated.",
    advice: "Write Red, Amber, Light green or Green, or leave it blank if it has not been rated.",
  },
  "invalid-timescale": {
    severity: "error",
    group: "actions",
    title: "Timescale not a date",
    meaning: "The timescale is not a month (March 2027), a date (31/03/2027, 2027-03-31), 'ongoing' or blank, so darep cannot tell whether the action is overdue.",
    advice: "Write the month the action is due, e.g. March 2027; leave it blank if no date is agreed.",
  },
  "rag-contradicts-rules": {
    severity: "warning",
    group: "actions",
    title: "RAG rating against the guide",
    meaning: "The lead officer's RAG rating contradicts the action plan's RAG guide: an action whose date has passed and is not complete is Red. The rating is reported as written, never changed.",
    advice: "Ask the lead officer to re-rate the action, or to agree a new timescale with the board.",
  },
  "unreadable-reference": {
    severity: "warning",
    group: "actions",
    title: "Indicator reference not read",
    meaning: "The measures name something that looks like an indicator reference or range but cannot be read (a range that runs backwards, mixes kinds, or has no end).",
    advice: "Write references as PM3, ranges as PM20-PM25 or PM26-29, lists with commas.",
  },
  "unknown-linked-reference": {
    severity: "warning",
    group: "actions",
    title: "Linked reference not in the framework",
    meaning: "The measures name an indicator or assurance reference the framework does not have, so no link was made.",
    advice: "Correct the reference to one in the framework.",
  },
  "missing-action-plan": {
    severity: "warning",
    group: "actions",
    title: "No action plan update this quarter",
    meaning: "The workspace keeps an action plan, but there is no file for this quarter; the latest earlier one was judged against this quarter's end instead.",
    advice: "Save this quarter's update as actions/<year>-<quarter>.csv or .xlsx.",
  },
  "unknown-assurance-reference": {
    severity: "error",
    group: "actions",
    title: "Unknown assurance reference",
    meaning: "The assurance evidence names a reference that is not in the framework's assurance.json.",
    advice: "Use a reference from the assurance framework, e.g. QA6.",
  },
  "invalid-received-date": {
    severity: "error",
    group: "actions",
    title: "Received date not a date",
    meaning: "The date the assurance evidence was received is not a date (2026-08-14, 14/08/2026, 14 August 2026); the row is not counted as received.",
    advice: "Write the date the evidence came in, or leave the row out until it does.",
  },
  "invalid-evidence-period": {
    severity: "error",
    group: "actions",
    title: "Evidence for an unknown quarter",
    meaning: "The 'for' column is not a quarter such as 2026-27 Q1, or names a quarter after the file's own.",
    advice: "Write the quarter the evidence is for, e.g. 2026-27 Q1, or leave it blank for the file's own quarter.",
  },
  "duplicate-evidence": {
    severity: "warning",
    group: "actions",
    title: "Evidence recorded twice",
    meaning: "The same assurance item is recorded twice for the same quarter; the first row is used.",
    advice: "Keep one row per item and quarter.",
  },
  // --- a framework from a spreadsheet (darep framework import) ---
  "framework-missing-column": {
    severity: "error",
    group: "framework",
    title: "Framework column missing",
    meaning: "A column every framework row needs (reference, title, theme, owner, what it tells us, measure id, measure, unit, direction, reason) is not in the header row.",
    advice: "Start from 'darep framework template', which has every column.",
  },
  "framework-invalid-cell": {
    severity: "error",
    group: "framework",
    title: "Framework cell not usable",
    meaning: "A cell of the framework spreadsheet holds something the framework cannot take (a word not in the list, text where a number belongs, a reference or id of the wrong shape).",
    advice: "Correct the cell; the Guidance sheet of 'darep framework template' says what each column takes.",
  },
  "framework-conflict": {
    severity: "error",
    group: "framework",
    title: "Indicator described twice",
    meaning: "Two rows of the same indicator give it different titles, owners, themes or other indicator fields.",
    advice: "Make the rows agree, or leave the indicator's fields blank on all but its first row.",
  },
  // --- history (darep import history) ---
  "history-return-exists": {
    severity: "error",
    group: "history",
    title: "Return exists already",
    meaning: "The history has figures for an agency and quarter whose return is already in the workspace; darep overwrites no return, so that one was not written.",
    advice: "Leave that quarter out of the history, or remove the return first if the history is the better record.",
  },
  "history-invalid-row": {
    severity: "error",
    group: "history",
    title: "History row not usable",
    meaning: "A row of the history table has a year, quarter or agency darep cannot place.",
    advice: "Give the year as 2024-25, the quarter as Q1 to Q4, and the agency by its id in darep.config.json.",
  },
} as const satisfies Record<string, IssueType>;

export type IssueCode = keyof typeof CATALOGUE;

export function issueType(code: IssueCode): IssueType {
  return CATALOGUE[code];
}

/** Build an issue value with the catalogue's severity and default advice. */
export function issue(code: IssueCode, where: Location, message: string, extra: Omit<Partial<Issue>, "code" | "severity" | "message"> = {}): Issue {
  const t: IssueType = CATALOGUE[code];
  return { code, severity: t.severity, ...where, message, advice: t.advice, ...extra };
}

/**
 * Quote a cell's content for a message: trimmed of nothing, long text cut, and every character that
 * could act on a terminal or reorder the text around it shown as \uXXXX instead: C0 and C1 controls
 * (an ESC or CSI could recolour or rewrite a terminal) and the bidirectional overrides and isolates
 * (which make text display in another order than it is read, "Trojan Source").
 */
export function quote(s: string, max = 60): string {
  const shown = showControls(s);
  if (shown.length <= max) return shown;
  // Never cut between the two halves of a character outside the BMP (an emoji, say).
  const end = /[\ud800-\udbff]/.test(shown[max - 1] ?? "") ? max - 1 : max;
  return `${shown.slice(0, end)}… (${s.length} characters)`;
}

// The action plan template (`darep template actions`): one row per action with the columns darep
// reads, pre-filled from the latest action plan when there is one, for the lead officers to update
// their progress and RAG rating. CSV (the bare columns) or XLSX (an `Actions` sheet with a dropdown
// of the framework's RAG ratings, and a `Guidance` sheet with its RAG guide in its own words). Every text goes through safeCell, so a
// progress update starting "=" or "-" cannot run as a formula. Same input, same bytes.
import type { Cell } from "exceljs";
import type { RagGuide } from "../framework/schema.js";
import { listWords } from "../words/index.js";
import { csvField } from "./csv.js";
import { safeCell } from "./safe-cell.js";
import { fixZipDates } from "./zip-dates.js";

/** The header darep's action plan reader knows; in this order. */
export const ACTION_TEMPLATE_HEADER = ["reference", "priority", "key action", "lead officer", "timescale", "measures", "progress update", "RAG"] as const;
const WIDTHS = [11, 28, 60, 30, 18, 60, 70, 13];

/** One action as the template writes it, every cell text. */
export type ActionTemplateRow = [string, string, string, string, string, string, string, string];

/** " (an overdue action not rated Red)", in the guide's words; nothing when the guide has no overdue rule. */
function overdueWords(guide: RagGuide): string {
  const rating = guide.ratings.find((r) => r.rag === guide.overdue);
  return rating ? ` (an overdue action not rated ${rating.words})` : "";
}

/** The guide's lines for the Guidance sheet: each rating in its words, then blank for not rated. */
function guideLines(guide: RagGuide): [string, string][] {
  return [...guide.ratings.map((r): [string, string] => [r.words, r.meaning]), ["(blank)", "Not rated yet: the report lists it as not rated."]];
}

export function actionsCsv(rows: ActionTemplateRow[]): string {
  const lines = [ACTION_TEMPLATE_HEADER.join(","), ...rows.map((r) => r.map(csvField).join(","))];
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

export interface ActionsXlsxInput {
  partnership: string;
  /** e.g. "2026-27 Q3". */
  quarter: string;
  /** e.g. "actions/2026-27-Q3.xlsx": where the filled-in plan is to be saved. */
  saveAs: string;
  /** The file the rows come from, or null for a blank plan. */
  from: string | null;
  rows: ActionTemplateRow[];
  createdAt: Date;
  /** The framework's RAG guide (its rag.json, else darep's default). */
  guide: RagGuide;
}

function text(cell: Cell, value: string): void {
  cell.value = value === "" ? null : safeCell(value);
}

export async function actionsXlsx(input: ActionsXlsxInput): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  wb.creator = "darep";
  wb.lastModifiedBy = "darep";
  wb.title = `${input.partnership}: action plan, ${input.quarter}`;
  wb.created = input.createdAt;
  wb.modified = input.createdAt;

  const sheet = wb.addWorksheet("Actions", { views: [{ state: "frozen", ySplit: 1, xSplit: 1 }] });
  sheet.columns = ACTION_TEMPLATE_HEADER.map((h, i) => ({ header: h, width: WIDTHS[i] }));
  const head = sheet.getRow(1);
  head.font = { bold: true, color: { argb: "FFFFFFFF" } };
  head.eachCell((c) => (c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F3A5F" } }));
  // Room for the rows given and as many new actions again, each with the dropdown of ratings.
  const last = Math.max(input.rows.length + 1, 2) + Math.max(input.rows.length, 20);
  for (let n = 2; n <= last; n++) {
    const row = sheet.getRow(n);
    const values = input.rows[n - 2];
    ACTION_TEMPLATE_HEADER.forEach((_, i) => {
      const cell = row.getCell(i + 1);
      if (values) text(cell, values[i]!);
      cell.alignment = { vertical: "top", wrapText: true };
    });
  }
  // One rule for the whole RAG column, added as a range: cell by cell, exceljs squeezed them into
  // ranges after sorting the addresses as strings, and wrote ranges that overlap (exceljs #2820).
  const rag = sheet.getColumn(ACTION_TEMPLATE_HEADER.length).letter;
  // A list validation's words sit in one quoted formula: the RAG guide's schema allows no comma or quote in them.
  const words = input.guide.ratings.map((r) => r.words);
  (sheet as unknown as { dataValidations: { add(address: string, v: object): void } }).dataValidations.add(`${rag}2:${rag}${last}`, {
    type: "list",
    allowBlank: true,
    formulae: [`"${words.join(",")}"`],
    showInputMessage: true,
    promptTitle: "RAG rating",
    prompt: `${listWords(words, "or")}; leave blank if not rated. See the Guidance sheet.`,
    showErrorMessage: true,
    errorTitle: "Not a RAG rating",
    error: `Choose ${listWords(words, "or")}, or leave the cell blank.`,
  });

  const guide = wb.addWorksheet("Guidance");
  guide.columns = [{ width: 18 }, { width: 110 }];
  const lines: [string, string][] = [
    [`${input.partnership}: action plan update, ${input.quarter}`, ""],
    ["", input.from ? `Pre-filled from ${input.from}: update each action's progress and RAG rating.` : "A blank action plan: one row per action."],
    ["Save", `Save it as ${input.saveAs} in the workspace (the sheet must stay named 'Actions').`],
    ["reference", "The action's reference, e.g. P1.5: the priority, a dot, the action's number. Each reference once."],
    ["priority", "The priority's code and name, e.g. 'P1 Prevent and ultimately end domestic abuse'."],
    ["timescale", "The month it is due (March 2027: the end of that month), a date (31/03/2027), 'ongoing', or blank if none is agreed."],
    ["measures", "How progress is measured. Name the indicators the action is meant to move, e.g. 'Analysis of PM1-PM8, PM20, QA11'; the board's report links them."],
    ["RAG", `The lead officer's rating, from the guide below. darep reports a rating that contradicts the guide${overdueWords(input.guide)}, and never changes it.`],
    ["", ""],
    [input.guide.name, ""],
    ...guideLines(input.guide),
  ];
  lines.forEach(([a, b], i) => {
    const row = guide.getRow(i + 1);
    text(row.getCell(1), a);
    text(row.getCell(2), b);
    row.getCell(1).font = { bold: true, ...(i === 0 ? { size: 14 } : {}) };
    row.getCell(2).alignment = { vertical: "top", wrapText: true };
  });
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return fixZipDates(bytes, input.createdAt);
}

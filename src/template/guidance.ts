// The words of the template's Guidance sheet: how to fill in the return, the symbols, how to send
// it, and each indicator the agency reports explained. Pure: lines of text, laid out by xlsx.ts.
import type { Agency, Indicator } from "../framework/schema.js";
import type { Period } from "../types.js";
import { dateInWords } from "../words/index.js";

export interface GuidanceLine {
  kind: "title" | "heading" | "text" | "pair";
  text: string;
  /** The second column, for "pair" lines. */
  detail?: string;
}

export interface GuidanceInput {
  partnership: string;
  agency: Agency;
  period: Period;
  /** e.g. "July to September 2026". */
  periodLabel: string;
  /** ISO date the return is due by. */
  dueBy: string;
  fileName: string;
  indicators: Indicator[];
}

const UNIT_WORDS = { count: "a count (a whole number, 0 or more)", percent: "a percentage (0 to 100)", rate: "a rate", days: "a number of days", amount: "an amount" } as const;

export const SYMBOL_MEANINGS: [string, string][] = [
  ["[c]", "Confidential: the figure is withheld to protect people (e.g. a count small enough to identify someone)."],
  ["[x]", "Not available: you do not have the figure this quarter. Say why in the note column."],
  ["[z]", "Not applicable: the question does not apply to your service."],
  ["[u]", "Low reliability: write the symbol, then the figure, e.g. [u] 12. Say why in the note column."],
];

function indicatorLines(ind: Indicator): GuidanceLine[] {
  const lines: GuidanceLine[] = [{ kind: "heading", text: `${ind.ref}: ${ind.title}` }];
  lines.push({ kind: "pair", text: "What it tells us", detail: ind.tellsUs.replace(/\s*\n\s*/g, "; ") });
  if (ind.comment.trim()) lines.push({ kind: "pair", text: "The framework says", detail: ind.comment.trim() });
  for (const m of ind.measures) {
    const parts = [`${m.label}: ${UNIT_WORDS[m.unit]}.`];
    if (m.definition?.trim()) parts.push(m.definition.trim());
    if (m.categories) {
      const labels = m.categories.values.map((c) => `${c.label} (${c.id})`).join(", ");
      parts.push(`By ${m.categories.dimension}: ${labels}.`);
      parts.push(m.categories.addsUpToTotal ? "The categories must add up to the total row, unless one of them is [c]." : "The categories need not add up to the total.");
    }
    lines.push({ kind: "pair", text: `measure ${m.id}`, detail: parts.join(" ") });
  }
  return lines;
}

export function guidanceLines(input: GuidanceInput): GuidanceLine[] {
  const { agency, period } = input;
  const quarter = `${period.year} ${period.quarter}`;
  return [
    { kind: "title", text: `${input.partnership}: quarterly return, ${quarter}` },
    { kind: "text", text: `For ${agency.name}, covering ${input.periodLabel}. Please send it by ${dateInWords(input.dueBy)}.` },
    { kind: "heading", text: "How to fill it in" },
    { kind: "pair", text: "1", detail: "On the Return sheet, write one figure in the value column of every row. The grey columns say what each row counts; they cannot be changed." },
    { kind: "pair", text: "2", detail: "The row with a blank category is the total; the rows below it break the total down." },
    { kind: "pair", text: "3", detail: "Counts are whole numbers, 0 or more. Percentages are 0 to 100: type 45 or 45%." },
    { kind: "pair", text: "4", detail: "Never leave a value blank and never use your own marks (*, <5, -, n/a): use the symbols below." },
    { kind: "pair", text: "5", detail: "Use the note column to explain a figure, for example a large change since last quarter." },
    { kind: "pair", text: "6", detail: "Do not add, delete, reorder or rename rows, columns or sheets; on the About sheet, fill in the contact and submitted rows." },
    { kind: "heading", text: "Symbols (the Government Statistical Service's shorthand)" },
    ...SYMBOL_MEANINGS.map(([symbol, meaning]) => ({ kind: "pair" as const, text: symbol, detail: meaning })),
    { kind: "heading", text: "How to send it" },
    { kind: "pair", text: "Save", detail: `Save it as an Excel workbook (.xlsx) named ${input.fileName}.` },
    { kind: "pair", text: "Send", detail: `Send it to the partnership analyst by ${dateInWords(input.dueBy)}. Returns received later are marked late in the board's report.` },
    { kind: "pair", text: "Check", detail: "If you have darep, 'darep validate' lists anything to fix, cell by cell; otherwise the analyst will tell you." },
    { kind: "heading", text: "The indicators you report" },
    ...input.indicators.flatMap(indicatorLines),
  ];
}

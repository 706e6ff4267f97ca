// A framework to and from a spreadsheet (pure): the table src/ingest read -> the framework's files,
// with every problem named by row and cell; and a framework -> the rows and About of its workbook.
import { FrameworkInfo, type Indicator } from "../framework/schema.js";
import { issue } from "../issues/catalogue.js";
import type { Issue, RawTable } from "../types.js";
import { readFrameworkTable } from "./from-rows.js";

export { COLUMNS, HEADERS, type CellValue, type Column, type FrameworkAbout } from "../framework/sheet-columns.js";
export { aboutOf, frameworkRows } from "./to-rows.js";

export interface FrameworkFromTable {
  info: FrameworkInfo | null;
  indicators: Indicator[];
  issues: Issue[];
}

/** The framework a table holds; `name` stands in when the About sheet gives none. */
export function frameworkFromTable(table: RawTable, name: string): FrameworkFromTable {
  const read = readFrameworkTable(table);
  const about = table.about ?? {};
  const lines = (text: string | undefined) =>
    (text ?? "")
      .split(/\r?\n/)
      .map((t) => t.trim())
      .filter(Boolean);
  const listed = lines(about.themes);
  const localTerms = lines(about["local terms"]);
  const issues = [...read.issues];
  const file = table.file;
  for (const ind of read.indicators)
    if (listed.length && !listed.includes(ind.theme))
      issues.push(
        issue(
          "framework-invalid-cell",
          { file, sheet: "About", column: "themes" },
          `${ind.ref}'s theme '${ind.theme}' is not among the themes the About sheet lists; add it there, or correct the theme.`,
          { indicator: ind.ref },
        ),
      );
  if (read.indicators.length === 0 && issues.length === 0) issues.push(issue("framework-invalid-cell", { file }, "The table holds no indicator rows."));
  const info = FrameworkInfo.safeParse({
    name: about.name || name,
    ...(about.source ? { source: about.source } : {}),
    themes: listed.length ? listed : read.themes,
    ...(about.partnership ? { partnership: about.partnership } : {}),
    ...(localTerms.length ? { localTerms } : {}),
  });
  return { info: info.success ? info.data : null, indicators: read.indicators, issues };
}

/** The framework's files by name (framework.json and one <REF>.json per indicator), as JSON text. */
export function frameworkFiles(info: FrameworkInfo, indicators: Indicator[]): Map<string, string> {
  const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
  return new Map([["framework.json", json(info)], ...indicators.map((i): [string, string] => [`${i.ref}.json`, json(i)])]);
}

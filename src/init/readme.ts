// The README a new workspace starts with: what is where, every field of darep.config.json explained
// (JSON has no comments, so this is where they live), and the analyst's quarter, step by step,
// starting from the quarter that is due now.
import type { LocalText } from "./local-texts.js";

export interface ReadmeFacts {
  partnership: string;
  /** The framework's folder under schemas/, or null when the workspace uses darep's blank framework. */
  framework: string | null;
  frameworkName: string;
  /** The financial year of the quarter due. */
  year: string;
  /** The latest quarter that has ended, e.g. "Q2", and its due date in words. */
  quarter: string;
  dueBy: string;
  review: LocalText[];
}

function frameworkSection(f: ReadmeFacts): string {
  if (f.framework === null)
    return `The workspace starts with darep's **blank** framework (one example indicator, EX1), so that it loads.
Make your own: \`darep framework template\` writes the spreadsheet to fill in (one row per measure,
with dropdowns and a Guidance sheet), and \`darep framework import indicators.xlsx --name <name>\`
writes it into \`schemas/<name>/\`, names every cell to correct, and switches this workspace to it,
giving each agency the indicators its owner column names.`;
  const review = f.review.length
    ? `\n\nThe framework was written for another partnership. These texts name its place, services or
people; review them (and every indicator's \`owner\`) before the first report:\n\n${f.review.map((r) => `- ${r.ref} \`${r.field}\`: ${r.terms.join(", ")}`).join("\n")}`
    : "";
  return `\`schemas/${f.framework}/\` holds ${f.frameworkName} as data: \`framework.json\` lists its themes, and
each indicator file its title, what it tells us, its measures (unit, breakdown categories, the
direction wanted). Edit them to change the framework; darep checks every file each time it runs and
names each mistake by file and field. \`darep framework export\` writes it as a spreadsheet to review
in Excel, and \`darep framework import\` reads one back.${review}`;
}

export function workspaceReadme(f: ReadmeFacts): string {
  const { year, quarter: q } = f;
  return `# ${f.partnership}: darep workspace

This folder is a **darep workspace**: the partnership's configuration, its performance framework, the
returns agencies send each quarter, and the reports darep writes from them.

**Next:** the returns for ${year} ${q} are due by ${f.dueBy}: \`darep template ${q} --all --year ${year}\`
writes each agency's return to send it.

    darep.config.json           the partnership, its agencies and options (explained below)
    ${f.framework ? `schemas/${f.framework}/`.padEnd(28) : "(no schemas/ yet)".padEnd(28)}the framework: one file per indicator
    returns/${year}/Q1 ... Q4/    the returns, one file per agency: <agency-id>.csv or .xlsx
    returns/<year>/<quarter>/_received.csv   the receipts log: when each return arrived
    commentary/                 (optional) your commentary, one file per quarter: ${year}-${q}.md
    templates/<year>-<quarter>/ what 'darep template' writes
    reports/<year>-<quarter>/   what 'darep build' writes

The financial year runs April to March: Q1 is April to June, Q2 July to September, Q3 October to
December, Q4 January to March. A new year's folders are simply returns/<year>/Q1 and so on.

## Each quarter

1. **Send the templates.** \`darep template ${q} --all\` writes each agency's return, pre-filled with its
   rows and last quarter's figures, into \`templates/${year}-${q}/\` (an XLSX with a dropdown on the
   value column, an About sheet and a Guidance sheet; \`--format csv\` for the bare columns). Send
   each agency its own file.
2. **File the returns.** Save each return you receive as \`returns/${year}/${q}/<agency-id>.xlsx\` (or
   \`.csv\`), named exactly after the agency's id below. To tell late returns darep needs to know
   when each arrived: write it in the quarter's **receipts log**, \`returns/${year}/${q}/_received.csv\`,
   one line per return, \`<agency-id>,<date it arrived>\` (e.g. \`police,${Number(year.slice(0, 4))}-10-28\`).
   The log survives a copy or a \`git clone\`, which file dates do not. Without a line for an agency,
   darep takes the \`submitted\` date on the return's About sheet (when it falls between the quarter's
   start and the day the file was saved), and failing that the file's modification time.
   \`darep import history\` writes past quarters' returns from one long table, with receipts lines
   marked \`imported\`.
3. **Check them.** \`darep validate ${q}\` lists every problem, file by file and cell by cell.
4. **Chase.** \`darep status ${q}\` lists the returns missing, invalid or late, with each agency's
   contact and what it still owes; \`darep status ${q} --format markdown\` gives the same for an email.
5. **Report.** Write your commentary in \`commentary/${year}-${q}.md\` (a \`## <reference>\` heading per
   indicator), then \`darep build ${q}\` writes the board's report into \`reports/${year}-${q}/\`.

\`${q}\` means the latest ${q} that has ended; add \`--year ${year}\` for another.

## darep.config.json

JSON allows no comments, so each field is explained here.

| field | meaning |
| --- | --- |
| \`$schema\` | (optional) a JSON Schema's address, for editors that check JSON as you type; darep ignores it |
| \`$comment\` | free text for people; darep ignores it |
| \`partnership\` | the partnership's name, shown on every report and template |
| \`board\` | the board the report is for (default "DA Strategic Board") |
| \`financialYearStartMonth\` | the month the financial year starts: 4 (April) in the UK; quarters run from it |
| \`framework\` | the framework's name: darep looks in this workspace's \`schemas/<name>/\` first, then in darep's own; or a path to a folder |
| \`agencies\` | the agencies that send returns, one entry each (below) |
| \`agencies[].id\` | the agency's id: lower-case letters, digits and hyphens; its returns are named \`<id>.csv\` or \`<id>.xlsx\` |
| \`agencies[].name\` | the agency's name as the board knows it |
| \`agencies[].contact\` | (optional) who to chase for the return |
| \`agencies[].contact.name\` | (optional) a role or a person's name |
| \`agencies[].contact.email\` | (optional) an email address |
| \`agencies[].indicators\` | the indicator references the agency reports each quarter, e.g. \`["PM20", "PM21"]\` |
| \`distribution\` | (optional) who \`darep send\` emails the board pack to; the mail server is never here but in the DAREP_SMTP_URL environment variable |
| \`distribution.board\` | the board's email addresses, e.g. \`["chair@council.gov.uk"]\`: each gets its own message |
| \`distribution.from\` | the address the messages come from, e.g. \`"Community Safety Team <cst@council.gov.uk>"\` |
| \`distribution.maxMessageMB\` | the largest message darep will send, in MB (default 10; the PDF grows by a third when attached) |
| \`options\` | (optional) how figures are judged; each has a default |
| \`options.spcMinimumPoints\` | the quarters a figure's statistical process control limits are fixed on (default 12, as Making Data Count asks); from 6 they are trial limits, shown but not acted on |
| \`options.screenOutliers\` | leave unusually large quarter-to-quarter moves out of the limits, as NHSRplotthedots does (default true); false reproduces the Making Data Count Excel tool |
| \`options.tolerance\` | a change within both limits is "stable" |
| \`options.tolerance.relative\` | as a fraction of last quarter's figure (default 0.05, i.e. 5%) |
| \`options.tolerance.absolute\` | as a number (default 2) |
| \`options.returnsDueDays\` | days after a quarter ends that returns are due; later ones are "late" (default 30) |
| \`options.suddenChangeFactor\` | a figure that moves more than this many times against last quarter is a warning, often a keying error (default 3) |
| \`options.disclosure\` | (optional) small numbers: by default a count from 1 to 7 in a breakdown is withheld as [c] in every quarter, with whatever else would let it be worked out; each left out keeps its default |
| \`options.disclosure.applyTo\` | \`breakdowns\` (the default: a measure's categories), \`all\` (totals too), or \`none\` (nothing withheld; the report says so on its first page) |
| \`options.disclosure.minimum\` | the smallest count shown (default 8: counts 1 to 7 are withheld) |
| \`options.disclosure.roundTo\` | round every other count to the nearest multiple of this, e.g. 5 as NHS Digital does (default: no rounding) |
| \`options.disclosure.reason\` | why small numbers are not protected; needed with \`applyTo\` \`none\`, and printed on the report's first page |
| \`options.marking\` | (optional, recommended for board packs) a protective marking such as OFFICIAL-SENSITIVE, printed at the top and bottom of every page |
| \`options.limits\` | (optional) safety limits on one return file; each left out keeps its default |
| \`options.limits.maxFileBytes\` | the largest file read at all, in bytes (default 20 MB) |
| \`options.limits.maxRows\` | the most data rows in a return (default 100,000) |
| \`options.limits.maxCells\` | the most cells in a return (default 1,000,000) |
| \`options.limits.maxCellChars\` | the most characters in one cell; a longer one is read as blank and reported (default 10,000) |
| \`options.limits.maxUnzippedBytes\` | the most a workbook may unpack to, in bytes (default 200 MB) |
| \`options.limits.maxCompressionRatio\` | how many times a large part of a workbook may shrink when packed (default 200: a zip bomb shrinks about 1000 times) |
| \`options.limits.maxSecondsPerFile\` | seconds one file may take to read before it is reported and skipped (default 30) |

Check the agencies and their contacts (the example ones are placeholders) before you send the
templates. Each indicator should be reported by one agency.

## The framework

${frameworkSection(f)}

## Assurance and the action plan

The report has an action plan section only when this workspace keeps \`actions/<year>-<quarter>.csv\`
files, and an assurance section only when it keeps \`assurance/\` evidence files or its own
\`schemas/<framework>/assurance.json\`.

## Checking returns in a pull request

If the workspace is kept in a Git repository on GitHub, a workflow can check every return added
or changed in a pull request and show each problem on its line: see darep's \`docs/ci.md\`.
`;
}

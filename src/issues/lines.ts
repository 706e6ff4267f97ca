// A CSV record can span several lines of its file (a quoted line break), so its row number and the
// line an editor shows differ. The reader records the lines; any stage gives its issues them here.

/** Give each issue on a row whose file line differs from its number that line (the CSV reader's record of lines). */
export function addLines(issues: { row?: number; line?: number }[], lines: Record<number, number>): void {
  for (const i of issues) {
    const line = i.row === undefined ? undefined : lines[i.row];
    if (line !== undefined) i.line = line;
  }
}

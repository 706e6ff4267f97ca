// Spreadsheet cell addresses (A1, AA7) for CSV cells too, so every issue points the same way (a person reads them).

/** 0-based column index -> letters: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 0-based column, 1-based row -> "D7". */
export function cellAddress(column: number, row: number): string {
  return `${columnLetters(column)}${row}`;
}

/** "D7" -> 3 (the 0-based column), or -1 when it is no cell address. */
export function columnIndex(cell: string): number {
  const letters = /^([A-Z]+)\d+$/.exec(cell)?.[1];
  if (!letters) return -1;
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
}

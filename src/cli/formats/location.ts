// How a finding's place is written for a person: "row 7, cell D7 (value)".
import type { Issue } from "../../types.js";

export function where(i: Issue): string {
  const parts: string[] = [];
  if (i.sheet) parts.push(`sheet ${i.sheet}`);
  if (i.row !== undefined) parts.push(`row ${i.row}`);
  if (i.cell) parts.push(`cell ${i.cell}`);
  const place = parts.join(", ");
  return i.column ? `${place}${place ? " " : ""}(${i.column})` : place;
}

/** 1-based column number from a cell address like "D7" -> 4. */
export function columnNumber(cell: string | undefined): number | undefined {
  const m = cell ? /^([A-Z]+)\d+$/.exec(cell) : null;
  if (!m) return undefined;
  let n = 0;
  for (const ch of m[1]!) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

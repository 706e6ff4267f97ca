// Shared bits for the ingest tests: where the bad fixtures are, and short ways to pick issues.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Issue, RawTable, ReadResult } from "../../src/types.js";

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "fixtures", "bad");
export const fixture = (name: string) => join(FIXTURES, name);

/** Issue codes in order found. */
export const codes = (r: ReadResult) => r.issues.map((i) => i.code);

/** Where an issue points, and its code: the parts the tests pin down. */
export const place = (i: Issue) => ({ code: i.code, severity: i.severity, file: i.file, sheet: i.sheet, row: i.row, cell: i.cell });

/** Rows as [row number, ...cells], for compact comparisons. */
export const rowsOf = (t: RawTable | null) => (t ? t.rows.map((r) => [r.row, ...r.cells]) : null);

/** Write bytes to a file in a fresh temp folder and return its path. */
export function tempFile(name: string, content: string | Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), "darep-ingest-")), name);
  writeFileSync(path, content);
  return path;
}

// The characters a person cannot see or that change what they see: one list of each, so the
// reader, the checks, the messages and the terminal agree on what they are.

/**
 * Characters that look like a space or like nothing (no-break space, zero-width space, joiner and
 * non-joiner, word joiner, byte-order mark): pasted into cells from web pages and Word, they make
 * "12" fail to be a number. Global: use with replace, or with hasInvisible for a test.
 */
export const INVISIBLE = /[\u00a0\u200b-\u200d\u2060\ufeff]/g;

/** Whether text holds any INVISIBLE character (a fresh test: no lastIndex carried between calls). */
export function hasInvisible(text: string): boolean {
  return /[\u00a0\u200b-\u200d\u2060\ufeff]/.test(text);
}

/** Whether text is empty once spaces and INVISIBLE characters are taken away. */
export function looksBlank(text: string): boolean {
  return text.replace(INVISIBLE, "").trim() === "";
}

/** A cell with nothing a reader could see in it: only white space and invisible characters. */
export function isBlank(text: string): boolean {
  return text === "" || looksBlank(text);
}

/** A row of such cells: the readers skip it, and the validator does not count it. */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every(isBlank);
}

/**
 * Characters that act instead of showing: C0 and C1 controls (an ESC or CSI can recolour or rewrite
 * a terminal) and the bidirectional marks, embeddings, overrides and isolates (which make text
 * display in another order than it is read, "Trojan Source").
 */
const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const escaped = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** Every CONTROL_OR_BIDI character, tab and line break included, shown as \uXXXX: for quoting a cell. */
export function showControls(text: string): string {
  return text.replace(CONTROL_OR_BIDI, escaped);
}

/** Text safe on a terminal: CONTROL_OR_BIDI shown as \uXXXX, except tab and line break, which lay text out. */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL_OR_BIDI, (c) => (c === "\t" || c === "\n" ? c : escaped(c)));
}

/** A copy of plain data with every string in it (keys too) made terminal-safe. */
export function terminalSafeDeep<T>(value: T): T {
  if (typeof value === "string") return terminalSafe(value) as T;
  if (Array.isArray(value)) return value.map((v) => terminalSafeDeep(v)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [terminalSafe(k), terminalSafeDeep(v)])) as T;
  }
  return value;
}

/**
 * JSON for a terminal or a pipe: exactly JSON.stringify's value, with every CONTROL_OR_BIDI
 * character inside a string written as a \u escape (JSON.stringify leaves C1 controls and bidi
 * characters raw). They can only occur inside strings, so the data read back is the same.
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(CONTROL_OR_BIDI, (c) => (c === "\n" ? c : escaped(c)));
}

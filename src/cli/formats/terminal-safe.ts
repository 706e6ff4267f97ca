// Text from a return (file names, sheet names, cell content quoted in messages) shown safely on a
// terminal: control characters and bidirectional overrides become visible \u escapes, so a crafted
// workbook cannot recolour, rewrite or reorder what the data officer reads.

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

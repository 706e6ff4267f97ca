// Text from returns cannot drive the terminal: escapes, bells and bidi overrides are shown, not obeyed.
import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import { formatText } from "../../src/cli/formats/text.js";
import { terminalSafe } from "../../src/words/index.js";
import { oneInvalidReturn } from "../helpers/validation-result.js";

describe("terminalSafe", () => {
  it("turns control characters and bidi overrides into visible escapes, and keeps ordinary text", () => {
    expect(terminalSafe("\u001b[31mRED\u202eX\u0007")).toBe("\\u001b[31mRED\\u202eX\\u0007");
    expect(terminalSafe("Sheet ‘Return’ – £5, 😀\ttab")).toBe("Sheet ‘Return’ – £5, 😀\ttab");
  });

  it("is applied to every piece of data the text format prints", () => {
    const bad = "x\u001b]0;pwned\u0007\u202e";
    const result = oneInvalidReturn(`returns/2026-27/Q2/${bad}.csv`, [
      { code: "missing-sheet", severity: "error", file: bad, sheet: bad, row: 2, cell: "A2", message: `Sheet ${bad}`, expected: bad, advice: bad },
    ]);
    const out = formatText(result, new Chalk({ level: 0 }));
    expect(out).not.toMatch(/[\u0007\u001b\u202e]/);
    expect(out).toContain("\\u001b]0;pwned\\u0007\\u202e");
  });
});

// Type-level checks of issue codes, compiled by issue-code.test.ts: every `@ts-expect-error` below must
// meet a type error, or tsc reports the directive as unused and the test fails.
import { issue, type IssueCode } from "../../src/issues/catalogue.js";
import type { Issue, RawRow } from "../../src/types.js";

export const known: Issue = { code: "blank-value", severity: "error", file: "a.csv", message: "The value cell is empty." };

export const misspelt: Issue = {
  // @ts-expect-error "blank-vaule" is not in the catalogue
  code: "blank-vaule",
  severity: "error",
  file: "a.csv",
  message: "The value cell is empty.",
};

// @ts-expect-error an issue built by its code must name a code from the catalogue
export const built = issue("unknown-indicatr", { file: "a.csv" }, "PM99 is not in the framework.");

// @ts-expect-error a cell's problem is an issue code too
export const row: RawRow = { row: 2, cells: [""], problems: { 0: "merged-cell" } };

// @ts-expect-error a code is a catalogue key, not any string
export const anyString: IssueCode = "some-string" as string;

// The cover's counts and its one paragraph in words: "9 of 10 agencies sent their return for July to
// September 2026; Cranstoun's is missing. 7 figures need the board's attention: 4 are moving the
// wrong way, 1 is off target, and 2 cannot be judged because a return is missing."
import type { Cause } from "./judge.js";
import type { Report, ReturnJson, Status } from "../report-contract/schema.js";
import { Status as StatusEnum } from "../report-contract/schema.js";
import { listWords } from "../words/index.js";

export type ReturnLine = Pick<ReturnJson, "agencyName" | "status" | "late">;

export interface ResultLine {
  status: Status;
  exception: boolean;
  cause: Cause | null;
  /** The measure it belongs to (agency/indicator/measure): a breakdown's categories are one item for the board. */
  item?: string;
  rank?: number | null;
}

/** `order` puts the groups in the paragraph as the ranking does: moves first, then what is unknown. */
type Group = { order: number; one: string; many: string };

function groupOf(r: ResultLine, missingReturns: number): Group {
  if (r.status === "worsening") return { order: 0, one: "is moving the wrong way", many: "are moving the wrong way" };
  if (r.status === "off-track") return { order: 1, one: "is off target", many: "are off target" };
  if (r.status === "invalid") return { order: 4, one: "cannot be judged because its return has errors", many: "cannot be judged because a return has errors" };
  if (r.status === "missing" && r.cause === "return-missing") {
    const why = missingReturns > 1 ? "returns are missing" : "a return is missing";
    return { order: 3, one: `cannot be judged because ${why}`, many: `cannot be judged because ${why}` };
  }
  if (r.status === "missing") return { order: 5, one: "is not available", many: "are not available" };
  return { order: 2, one: "shows a special-cause concern", many: "show a special-cause concern" };
}

/** "the return from Cranstoun", "the returns from A, B and C": names in brackets take no possessive well. */
const returnsFrom = (names: string[]) => `the ${names.length === 1 ? "return" : "returns"} from ${listWords(names)}`;
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function returnsSentence(lines: readonly ReturnLine[], periodLabel: string): string {
  const n = lines.length;
  const sent = lines.filter((l) => l.status !== "missing").length;
  const missing = lines.filter((l) => l.status === "missing").map((l) => l.agencyName);
  const invalid = lines.filter((l) => l.status === "invalid").map((l) => l.agencyName);
  const late = lines.filter((l) => l.late).length;
  let text =
    sent === n
      ? n === 1
        ? `The one agency sent its return for ${periodLabel}.`
        : `All ${n} agencies sent their return for ${periodLabel}.`
      : `${sent} of ${n} ${n === 1 ? "agency" : "agencies"} sent their return for ${periodLabel}; ${returnsFrom(missing)} ${missing.length === 1 ? "is" : "are"} missing.`;
  if (invalid.length) text += ` ${capital(returnsFrom(invalid))} ${invalid.length === 1 ? "has" : "have"} errors, so only the figures that passed are used.`;
  if (late) text += ` ${late} ${late === 1 ? "return was" : "returns were"} late.`;
  return text;
}

function exceptionsSentence(results: readonly ResultLine[], missingReturns: number): string {
  // Counted as page 1 counts them: one per measure, its categories with it, by its worst-ranked figure.
  const worst = new Map<string, ResultLine>();
  results.forEach((r, i) => {
    if (!r.exception) return;
    const key = r.item ?? String(i);
    const held = worst.get(key);
    if (!held || (r.rank ?? Infinity) < (held.rank ?? Infinity)) worst.set(key, r);
  });
  const exceptions = [...worst.values()];
  const k = exceptions.length;
  if (k === 0) return "No figure needs the board's attention.";
  const groups = new Map<string, { group: Group; count: number }>();
  for (const r of exceptions) {
    const group = groupOf(r, missingReturns);
    const entry = groups.get(group.many) ?? { group, count: 0 };
    entry.count++;
    groups.set(group.many, entry);
  }
  const head = `${k} ${k === 1 ? "figure needs" : "figures need"} the board's attention`;
  const parts = [...groups.values()].sort((a, b) => a.group.order - b.group.order);
  if (k === 1) return `${head}: it ${parts[0]!.group.one}.`;
  if (parts.length === 1) return `${head}: all ${k} ${parts[0]!.group.many}.`;
  const said = parts.map((p) => `${p.count} ${p.count === 1 ? p.group.one : p.group.many}`);
  return `${head}: ${said.length > 2 ? `${said.slice(0, -1).join(", ")}, and ${said[said.length - 1]}` : said.join(" and ")}.`;
}

export function summarise(lines: readonly ReturnLine[], results: readonly ResultLine[], periodLabel: string, lastReceived: string | null): Report["summary"] {
  const byStatus: Record<string, number> = Object.fromEntries(StatusEnum.options.map((s) => [s, 0]));
  for (const r of results) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  const missingReturns = lines.filter((l) => l.status === "missing").length;
  return {
    returnsExpected: lines.length,
    returnsReceived: lines.filter((l) => l.status === "received").length,
    returnsMissing: missingReturns,
    returnsInvalid: lines.filter((l) => l.status === "invalid").length,
    lastReceived,
    exceptions: results.filter((r) => r.exception).length,
    byStatus,
    text: `${returnsSentence(lines, periodLabel)} ${exceptionsSentence(results, missingReturns)}`,
  };
}

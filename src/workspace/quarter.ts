// Which quarter the user meant: the one rule, for every command. "Q2" is the latest Q2 that has ended
// by today; "2025-26 Q2" or "Q2" with a year is that quarter; no quarter at all is the latest quarter
// that has ended. Pure: today and the financial year's first month are arguments.
import { RunError } from "../errors.js";
import { isYearLabel, latestEnded, parsePeriodArg, periodOfDate, previousQuarter } from "../framework/period.js";
import type { Period, QuarterName } from "../types.js";

/** A quarter as the user wrote it: the words ("Q2", "2025-26 Q2") and the year given beside them. */
export interface QuarterAsked {
  quarter?: string;
  year?: string;
}

/** The quarter and year in the user's words; a RunError when they are no quarter. */
export function parseQuarter(text: string, example = "2025-26 Q2"): { quarter: QuarterName; year?: string } {
  const q = parsePeriodArg(text);
  if (!q) throw new RunError(`'${text}' is not a quarter: write Q1, Q2, Q3 or Q4 (or e.g. '${example}').`);
  return q;
}

/** The quarter meant, once the partnership's financial year is known. A year in the words wins over `year`. */
export function quarterMeant(asked: QuarterAsked, today: string, startMonth: number, example?: string): Period {
  // Said before anything is read, written or sent: a mistyped year must never name the returns, the templates or the chase emails.
  if (asked.year !== undefined && !isYearLabel(asked.year))
    throw new RunError(`'${asked.year}' is not a financial year: write it like 2026-27 (the year it starts, a hyphen, the last two digits of the next).`);
  if (asked.quarter === undefined) {
    const ended = previousQuarter(periodOfDate(today, startMonth));
    return asked.year ? { year: asked.year, quarter: ended.quarter } : ended;
  }
  const q = parseQuarter(asked.quarter, example);
  const year = q.year ?? asked.year;
  return year ? { year, quarter: q.quarter } : latestEnded(q.quarter, today, startMonth);
}

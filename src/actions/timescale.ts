// An action's timescale cell -> the last day it is due (ISO), "ongoing", or none. Pure.
// The seed writes months ("March 2022", "December 2021"): a month means its last day, since an
// action due in March is on time until March ends. Dates, quarters and "ongoing" are read too.
import { quarterDates } from "../framework/period.js";
import type { QuarterName } from "../types.js";
import { daysIn, MONTH_NAMES, validDay } from "../words/index.js";
import type { Timescale } from "./types.js";

const MONTHS = MONTH_NAMES.map((m) => m.toLowerCase());

/** "Sept", "sep", "September" -> 8 (0-based); null when it names no month. */
export function monthIndex(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, "");
  if (w.length < 3) return null;
  const i = MONTHS.findIndex((m) => m.startsWith(w) || (w === "sept" && m === "september"));
  return i < 0 ? null : i;
}

const pad = (n: number) => String(n).padStart(2, "0");
/** Days in month m (0-11) of year y. */
const lastDay = (y: number, m: number) => daysIn(y, m + 1);
const iso = (y: number, m: number, d: number) => `${y}-${pad(m + 1)}-${pad(d)}`;

function fullYear(text: string): number | null {
  const y = Number(text);
  if (text.length === 4 && y >= 1900 && y <= 2199) return y;
  if (text.length === 2) return 2000 + y;
  return null;
}

/** A real day, or null: 31/02/2027 is no date. */
function day(y: number | null, m: number, d: number): string | null {
  if (y === null || !validDay(y, m + 1, d)) return null;
  return iso(y, m, d);
}

/**
 * One date or month, the whole text: "March 2027", "Mar-27", "31 March 2027", "31st March 2027",
 * "2027-03-31", "2027-03", "31/03/2027", "31/3/27", "03/2027", "Q4 2026-27", "2026-27 Q4".
 * A month (with no day) is its last day. Null when the text is none of these.
 */
export function parseDate(text: string, startMonth = 4): string | null {
  const t = text
    .trim()
    .replace(/\s+/g, " ")
    .replace(/^(?:by|before|due|end of|by the end of|by end of|the end of)\s+/i, "")
    .replace(/[.,]$/, "");
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t))) return day(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if ((m = /^(\d{4})-(\d{2})$/.exec(t))) {
    const y = Number(m[1]);
    const mo = Number(m[2]) - 1;
    return mo >= 0 && mo <= 11 ? iso(y, mo, lastDay(y, mo)) : null;
  }
  if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(t))) return day(fullYear(m[3]!), Number(m[2]) - 1, Number(m[1]));
  if ((m = /^(\d{1,2})\/(\d{4})$/.exec(t))) {
    const y = Number(m[2]);
    const mo = Number(m[1]) - 1;
    return mo >= 0 && mo <= 11 ? iso(y, mo, lastDay(y, mo)) : null;
  }
  if ((m = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+\.?),? (\d{4})$/.exec(t))) {
    const mo = monthIndex(m[2]!);
    return mo === null ? null : day(fullYear(m[3]!), mo, Number(m[1]));
  }
  if ((m = /^([A-Za-z]+\.?)[ ,/-]+(\d{4}|\d{2})$/.exec(t))) {
    const mo = monthIndex(m[1]!);
    const y = fullYear(m[2]!);
    return mo === null || y === null ? null : iso(y, mo, lastDay(y, mo));
  }
  if ((m = /^(Q[1-4]) (\d{4}-\d{2})$/i.exec(t) ?? /^(\d{4}-\d{2}) (Q[1-4])$/i.exec(t))) {
    const [q, year] = /^q/i.test(m[1]!) ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
    if ((Number(year.slice(0, 4)) + 1) % 100 !== Number(year.slice(5))) return null;
    return quarterDates({ year, quarter: q.toUpperCase() as QuarterName }, startMonth).end;
  }
  return null;
}

/** A month and year somewhere in a sentence ("First report due November 2026 and then ongoing"). */
function firstMonthIn(text: string): string | null {
  for (const m of text.matchAll(/\b([A-Za-z]{3,9}\.?) (\d{4})\b/g)) {
    const date = parseDate(`${m[1]} ${m[2]}`);
    if (date) return date;
  }
  return null;
}

/** The timescale cell read; null when it is neither blank, "ongoing", nor a date or month. */
export function parseTimescale(text: string, startMonth = 4): Timescale | null {
  const t = text.trim();
  if (t === "") return { kind: "none" };
  if (/\bongoing\b/i.test(t)) return { kind: "ongoing", first: firstMonthIn(t) };
  const due = parseDate(t, startMonth);
  return due ? { kind: "date", due } : null;
}

// Dates as the board reads them, "30 October 2026", and timestamps on the UK clock the partnership
// lives by. Written by hand rather than with Intl, so the words never depend on the machine's locale
// or time-zone data: two builds on two machines give the same page.

export const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** 2026-10-14T09:12, seconds and fraction optional; Z, +01:00, +0100 or +01; no offset means UTC. */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|([+-])(\d{2}):?(\d{2})?)?$/i;

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Days in a month (1-12) of a year. */
export function daysIn(year: number, month: number): number {
  return (Date.UTC(year, month, 1) - Date.UTC(year, month - 1, 1)) / DAY;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** An instant as UTC parts; arithmetic only (no Date object, so no zone can creep in). Hinnant's civil-from-days. */
function utcParts(t: number): { y: number; m: number; d: number; h: number; mi: number } {
  const days = Math.floor(t / DAY);
  const ms = t - days * DAY;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d, h: Math.floor(ms / HOUR), mi: Math.floor((ms % HOUR) / 60_000) };
}

/** Whether day d of month m (1-12) of year y is on the calendar: 2026-02-31 is not. The one home of that rule. */
export function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}

/** Whether the text is a plain ISO date (2026-11-04) of a real day; a timestamp or 2026-02-31 is not. */
export function isPlainDay(text: string): boolean {
  const plain = PLAIN_DATE.exec(text);
  return plain !== null && validDay(Number(plain[1]), Number(plain[2]), Number(plain[3]));
}

/** The instant (ms since 1970) of an ISO timestamp; null when it is not one. Never the machine's zone. */
export function instantOf(iso: string): number | null {
  const m = TIMESTAMP.exec(iso);
  if (!m) return null;
  const [y, mo, d, h, mi, s = 0] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => Number(x ?? 0)) as number[];
  if (!validDay(y!, mo!, d!) || h! > 23 || mi! > 59 || s > 59) return null;
  const ms = m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0;
  const offsetMinutes = m[9] ? (m[9] === "-" ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11] ?? 0)) : 0;
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s, ms) - offsetMinutes * 60_000;
}

/** The last Sunday of a month (0-11) of a year, as a day of the month. */
function lastSunday(year: number, month: number): number {
  const last = daysIn(year, month + 1);
  const weekday = (((Date.UTC(year, month, last) / DAY + 4) % 7) + 7) % 7; // 1 January 1970 was a Thursday (4)
  return last - weekday;
}

/** Whether an instant falls in British Summer Time: from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October. */
function isBst(t: number): boolean {
  const { y } = utcParts(t);
  return t >= Date.UTC(y, 2, lastSunday(y, 2), 1) && t < Date.UTC(y, 9, lastSunday(y, 9), 1);
}

/** A timestamp on the UK clock: its ISO date, "09:12", and GMT or BST; null when it is not a timestamp. */
export function londonTime(iso: string): { date: string; time: string; zone: "GMT" | "BST" } | null {
  const t = instantOf(iso);
  if (t === null) return null;
  const summer = isBst(t);
  const p = utcParts(t + (summer ? HOUR : 0));
  return { date: `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}`, time: `${pad(p.h)}:${pad(p.mi)}`, zone: summer ? "BST" : "GMT" };
}

/** The UK calendar day (ISO date) of a timestamp, or a plain ISO date itself; null when it is neither. */
export function londonDate(iso: string): string | null {
  if (PLAIN_DATE.test(iso)) return isPlainDay(iso) ? iso : null;
  return londonTime(iso)?.date ?? null;
}

/** "2026-10-30" -> "30 October 2026"; a timestamp -> its UK day; any other text is returned as it is. */
export function dateInWords(iso: string): string {
  const day = londonDate(iso);
  if (day === null) return iso;
  return `${Number(day.slice(8, 10))} ${MONTH_NAMES[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;
}

/** "14 October 2026 at 09:12 BST"; a plain date in words; any other text as it is. */
export function momentInWords(iso: string): string {
  const t = londonTime(iso);
  return t ? `${dateInWords(t.date)} at ${t.time} ${t.zone}` : dateInWords(iso);
}

/** Whole days from one ISO date to a later one (negative when earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** The UK calendar's day of an instant (ms since 1970): just after midnight BST on 1 October is October. Pure: the caller reads the clock. */
export function ukToday(now: number): string {
  const p = utcParts(now + (isBst(now) ? HOUR : 0));
  return `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}`;
}

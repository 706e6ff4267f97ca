// When a return was sent, by its About sheet: the `submitted` date the agency filled in, when it is
// plausible. Used where the quarter's receipts log has no line for the agency, before the file's
// modification time (which says when the file was last copied, not when it arrived).
import { validDay } from "../words/index.js";

/** "2026-10-20", "20/10/2026", "20.10.2026" (UK day first) -> "2026-10-20"; null when it is no date. */
export function dateOf(text: string | undefined): string | null {
  const t = (text ?? "").trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:T[\d:.]+Z?)?$/.exec(t);
  const uk = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(t);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (uk) [y, m, d] = [Number(uk[3]), Number(uk[2]), Number(uk[1])];
  else return null;
  if (!validDay(y, m, d)) return null; // 31/02
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * The About sheet's submitted date, when plausible: not before the quarter began (a return cannot be
 * sent before its quarter) and not after the file was last saved here (it cannot arrive after that).
 */
export function plausibleSubmitted(submitted: string | undefined, quarterStart: string, savedOn: string): string | null {
  const date = dateOf(submitted);
  return date !== null && date >= quarterStart && date <= savedOn ? date : null;
}

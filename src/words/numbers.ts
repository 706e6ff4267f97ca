// Numbers as a person reads them: "1,234.5", rounded half away from zero on the decimal value the
// number stands for (28.75 -> 28.8, -28.75 -> -28.8), never "-0". Written by hand rather than with
// Intl or toFixed: Intl depends on the machine's locale data, and toFixed rounds the binary value
// (1.45 is stored as 1.4499999..., so toFixed(1) says 1.4).

/**
 * The decimal digits of |n| with no exponent and no float noise: a computed -28.749999999999996 is
 * the -28.75 it stands for. Noise lives past the 15th significant digit (a double carries 15 decimal
 * digits faithfully), so a fraction is read to 15; an integer, or a number too large to have a
 * fraction worth reading, is read as JavaScript's shortest spelling of it (1.5e25 is 15 and 24 zeros).
 */
function decimalDigits(n: number): { whole: string; fraction: string } {
  const a = Math.abs(n);
  const text = Number.isInteger(a) || a >= 1e15 ? String(a) : String(Number(a.toPrecision(15)));
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!m) return { whole: text, fraction: "" };
  let digits = m[1]! + (m[2] ?? "");
  let point = m[1]!.length + Number(m[3] ?? 0);
  if (point < 0) {
    digits = "0".repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += "0".repeat(point - digits.length);
  return { whole: digits.slice(0, point).replace(/^0+(?=\d)/, "") || "0", fraction: digits.slice(point) };
}

/** "1299" + 1 -> "1300": a decimal string incremented in its last digit. */
function increment(digits: string): string {
  const out = digits.split("");
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== "9") {
      out[i] = String(Number(out[i]) + 1);
      return out.join("");
    }
    out[i] = "0";
  }
  return `1${out.join("")}`;
}

/** |n| rounded half away from zero to `places` decimals, as whole and fraction digits (fraction without trailing zeros). */
function rounded(n: number, places: number): { whole: string; fraction: string } {
  const { whole, fraction } = decimalDigits(n);
  if (fraction.length <= places) return { whole, fraction: fraction.replace(/0+$/, "") };
  let kept = whole + fraction.slice(0, places);
  if (fraction[places]! >= "5") kept = increment(kept);
  const cut = kept.length - places;
  return { whole: kept.slice(0, cut) || "0", fraction: kept.slice(cut).replace(/0+$/, "") };
}

const isZero = (r: { whole: string; fraction: string }) => /^0*$/.test(r.whole) && r.fraction === "";

/** n rounded half away from zero to `places` decimals, on its decimal value; never -0. */
export function roundHalfAway(n: number, places: number): number {
  if (!Number.isFinite(n)) return n;
  const r = rounded(n, places);
  if (isZero(r)) return 0;
  return Number(`${n < 0 ? "-" : ""}${r.whole}${r.fraction ? `.${r.fraction}` : ""}`);
}

/**
 * "1,234.5": thousands separators and at most `places` decimals (rounded half away from zero),
 * trailing zeros dropped; "0" for -0 and for anything that rounds to nothing (never "-0").
 * NaN and the infinities, which no figure should be, are written as JavaScript writes them.
 */
export function formatNumber(n: number, places = 1): string {
  if (!Number.isFinite(n)) return String(n);
  const r = rounded(n, places);
  const sign = n < 0 && !isZero(r) ? "-" : "";
  return `${sign}${r.whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${r.fraction ? `.${r.fraction}` : ""}`;
}

const ORDINALS = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"];

/** "sixth", ... "twelfth", then "13th", "21st", "22nd", "111th". */
export function ordinalWord(n: number): string {
  const word = ORDINALS[n];
  if (word) return word;
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : n % 10 === 1 ? "st" : n % 10 === 2 ? "nd" : n % 10 === 3 ? "rd" : "th";
  return `${n}${suffix}`;
}

/** Bytes in words a user can judge: "20 MB", "1.5 KB", "512 bytes". */
export function bytesInWords(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(bytes / (1024 * 1024), 1)} MB`;
  if (bytes >= 1024) return `${formatNumber(bytes / 1024, 1)} KB`;
  return `${formatNumber(bytes, 0)} ${bytes === 1 ? "byte" : "bytes"}`;
}

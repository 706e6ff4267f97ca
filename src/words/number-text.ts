// Numbers from a workbook as the plain decimal text a person would type: no exponent, no
// thousands separators, and no binary float noise (0.1+0.2 is "0.3", 0.15 as a percent is "15%").

/** Significant digits kept for a fraction: enough for any return's figure, few enough to drop float noise. */
const SIGNIFICANT_DIGITS = 10;

/** Write out a number's exponent ("1.5e-7" -> "0.00000015"). */
function withoutExponent(s: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(s);
  if (!m) return s;
  const [, sign, int, frac = "", exp] = m;
  return sign + shiftPoint(int!, frac, Number(exp));
}

/** The decimal point of int.frac moved `by` places right (left when negative), tidied. */
function shiftPoint(int: string, frac: string, by: number): string {
  let digits = int + frac;
  let point = int.length + by;
  if (point < 0) {
    digits = "0".repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += "0".repeat(point - digits.length);
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, "") || "0";
  const rest = digits.slice(point).replace(/0+$/, "");
  return rest ? `${whole}.${rest}` : whole;
}

export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n === 0) return "0"; // also -0
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
  return withoutExponent(String(Number(n.toPrecision(SIGNIFICANT_DIGITS))));
}

/** 0.45 -> "45%": the decimal point moved in the text, so no multiplication adds noise. */
export function percentText(n: number): string {
  const plain = numberText(n);
  const sign = plain.startsWith("-") ? "-" : "";
  const [int = "0", frac = ""] = plain.replace("-", "").split(".");
  const shifted = shiftPoint(int, frac, 2);
  return `${shifted === "0" ? "" : sign}${shifted}%`;
}

/** Whether an Excel number format shows the value as a percentage ('%' outside quotes and escapes). */
export function isPercentFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return numFmt
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .includes("%");
}

// The process limits of one baseline: the mean, the mean moving range (screened for outlying moves,
// as NHSRplotthedots does by default) and the lines at two and three sigma, never narrower than
// Poisson chance for a count.
//
// Arithmetic follows Making Data Count's XmR chart: limits = mean +/- 2.66 x mean moving range
// (2.66 = 3 / d2, d2 = 1.128 for ranges of two points), the two-sigma lines two thirds of the way out.

/** 3 / d2: the mean moving range times this is three sigma. */
export const LIMIT_FACTOR = 2.66;
/**
 * The moving-range chart's upper limit as a multiple of the mean moving range. Screening leaves out
 * every moving range at or above it (Nelson 1982; NHSRplotthedots keeps a range only when below it).
 */
export const SCREEN_FACTOR = 3.267;

export interface LimitOptions {
  /** Leave outlying moving ranges out of the mean moving range (NHSRplotthedots' default; the Excel tool does not). */
  screenOutliers: boolean;
  /** The figure is a count: its three-sigma width is at least 3 x sqrt(mean), the Poisson (c-chart) spread, and no line is below 0. */
  count: boolean;
}

export interface Limits {
  mean: number;
  /** The mean moving range after screening. */
  movingRange: number;
  /** Moving ranges left out by screening. */
  screened: number;
  /** Three sigma: how far the limits sit from the mean. */
  width: number;
  /** True when the Poisson floor, not the moving range, set the width. */
  poissonFloor: boolean;
  lower: number;
  upper: number;
  /** The two-sigma lines. */
  nearLower: number;
  nearUpper: number;
}

const mean = (xs: readonly number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;

/**
 * Moving ranges of the points given (null for a quarter without a value): only between neighbours
 * that both have one, so no range spans a gap.
 */
export function movingRanges(values: readonly (number | null)[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < values.length; i++) {
    const a = values[i - 1];
    const b = values[i];
    if (a != null && b != null) out.push(Math.abs(b - a));
  }
  return out;
}

/** Limits from a baseline's points (nulls for gaps); null when there is no value or no moving range. */
export function limitsOf(values: readonly (number | null)[], options: LimitOptions): Limits | null {
  const present = values.filter((v): v is number => v !== null);
  const ranges = movingRanges(values);
  if (present.length === 0 || ranges.length === 0) return null;
  const m = mean(present);
  const raw = mean(ranges);
  // A series that never moves has every range 0: nothing is an outlier then.
  const kept = options.screenOutliers && raw > 0 ? ranges.filter((r) => r < SCREEN_FACTOR * raw) : ranges;
  const mr = kept.length ? mean(kept) : raw;
  const fromRanges = LIMIT_FACTOR * mr;
  const floor = options.count ? 3 * Math.sqrt(Math.max(m, 0)) : 0;
  const width = Math.max(fromRanges, floor);
  return {
    mean: m,
    movingRange: mr,
    screened: ranges.length - kept.length,
    width,
    poissonFloor: floor > fromRanges,
    // A count cannot fall below 0: a lower limit under it would only confuse the board.
    lower: options.count ? Math.max(0, m - width) : m - width,
    upper: m + width,
    nearLower: options.count ? Math.max(0, m - (2 / 3) * width) : m - (2 / 3) * width,
    nearUpper: m + (2 / 3) * width,
  };
}

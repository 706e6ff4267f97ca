// The value axis of a trend chart: a "nice" range and a few round ticks (1, 2, 2.5 or 5 times a
// power of ten), so that the axis reads 80, 100, 120, 140 rather than 83.4, 101.7 ...

export interface Scale {
  min: number;
  max: number;
  ticks: number[];
}

function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw);
  return step ?? 10 * power;
}

/** A range covering every value with about `count` intervals. Never below zero when nothing is. */
export function niceScale(values: readonly number[], count = 4): Scale {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    lo = 0;
    hi = 1;
  }
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
    if (Math.min(...values) >= 0 && lo < 0) lo = 0;
  }
  const step = niceStep(hi - lo, count);
  const min = Math.floor(lo / step + 1e-9) * step;
  const max = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let t = min; t <= max + step / 2; t += step) ticks.push(Number(t.toPrecision(12)));
  return { min, max: max === min ? min + step : max, ticks };
}

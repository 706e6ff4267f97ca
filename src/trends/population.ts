// A figure per head of the population the framework gives: 40 cases among 100,000 adult women is
// 4 per 10,000. Shown beside the figure; never judged.
import { tidy } from "./compare.js";

export interface Population {
  size: number;
  per: number;
  of: string;
}

export interface PerPopulation {
  value: number | null;
  yearToDate: number | null;
  per: number;
  of: string;
  size: number;
}

const rate = (n: number | null, p: Population) => (n === null ? null : tidy((n / p.size) * p.per, 1));

export function perPopulation(p: Population, value: number | null, yearToDate: number | null): PerPopulation {
  return { value: rate(value, p), yearToDate: rate(yearToDate, p), per: p.per, of: p.of, size: p.size };
}

// Lists and counts in words: "A, B and C", "1 error", "1,200 errors".
import { formatNumber } from "./numbers.js";

/** "", "A", "A and B", "A, B and C"; with `or`, "A, B or C". */
export function listWords(items: readonly string[], joiner: "and" | "or" = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${joiner} ${items[items.length - 1]}`;
}

/** "1 error", "0 errors", "1,200 errors"; `many` for a word that does not just add "s". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n, 0)} ${n === 1 ? one : many}`;
}

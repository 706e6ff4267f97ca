// "Did you mean PM20?": the nearest allowed value to what an agency typed, when it is near enough.

/** Compare as people read: case, spaces, hyphens and underscores do not matter. */
function squash(s: string): string {
  return s.toLowerCase().replace(/[\s_-]+/g, "");
}

/**
 * Edits between two strings, counting two neighbours swapped ("vaule", "PM02") as one edit, as
 * people make them (optimal string alignment distance); plain Levenshtein would count two and miss
 * the commonest slip of the fingers.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0 || b.length === 0) return a.length + b.length;
  let before = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
    }
    [before, prev] = [prev, row];
  }
  return prev[b.length]!;
}

/**
 * The closest of `allowed` to `typed`, or null when none is close: a match ignoring case and
 * spacing wins outright; otherwise at most a third of the typed characters may differ.
 */
export function suggest(typed: string, allowed: readonly string[]): string | null {
  const t = squash(typed);
  if (t === "") return null;
  const limit = Math.max(1, Math.floor(t.length / 3));
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const a of allowed) {
    const candidate = squash(a);
    // The distance is at least the difference in length: a long cell is never compared letter by letter.
    if (Math.abs(candidate.length - t.length) > limit) continue;
    const d = editDistance(t, candidate);
    if (d === 0) return a;
    if (d < bestDistance) [best, bestDistance] = [a, d];
  }
  return bestDistance <= limit ? best : null;
}

/** A list for a message, cut after `max` items so one message never runs to pages. */
export function listOf(items: readonly string[], max = 12): string {
  if (items.length <= max) return items.join(", ");
  return `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}

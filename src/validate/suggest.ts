// "Did you mean PM20?": the nearest allowed value to what an agency typed, when it is near enough.
import { distance } from "fastest-levenshtein";

/** Compare as people read: case, spaces, hyphens and underscores do not matter. */
function squash(s: string): string {
  return s.toLowerCase().replace(/[\s_-]+/g, "");
}

/**
 * The closest of `allowed` to `typed`, or null when none is close: a match ignoring case and
 * spacing wins outright; otherwise at most a third of the typed characters may differ.
 */
export function suggest(typed: string, allowed: readonly string[]): string | null {
  const t = squash(typed);
  if (t === "") return null;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const a of allowed) {
    const d = distance(t, squash(a));
    if (d === 0) return a;
    if (d < bestDistance) [best, bestDistance] = [a, d];
  }
  return bestDistance <= Math.max(1, Math.floor(t.length / 3)) ? best : null;
}

/** A list for a message, cut after `max` items so one message never runs to pages. */
export function listOf(items: readonly string[], max = 12): string {
  if (items.length <= max) return items.join(", ");
  return `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}

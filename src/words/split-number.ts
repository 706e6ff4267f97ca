// A number whose thousands separator split it across cells: `PM6,children,,1,032,` written without
// quotes (as Notepad or a hand-made export writes it) reads as the value "1" and a stray "032".
// One home for the pattern: the CSV reader uses it to name the row's problem instead of "too many
// cells", and the validator to say which number was meant.

/** The number the cells from `at` spell when joined by commas, and how many cells it took; null when they do not. */
export function splitNumberAt(cells: readonly string[], at: number, surplus: number): { joined: string; cells: number } | null {
  const first = cells[at]?.trim() ?? "";
  if (surplus < 1 || !/^-?\d{1,3}$/.test(first)) return null;
  const groups: string[] = [first];
  for (let k = 1; k <= surplus; k++) {
    const next = cells[at + k]?.trim() ?? "";
    // every group but the last is exactly three digits; the last may carry the decimals
    if (/^\d{3}$/.test(next)) groups.push(next);
    else if (/^\d{3}\.\d+$/.test(next)) {
      groups.push(next);
      break;
    } else break;
  }
  return groups.length > 1 ? { joined: groups.join(","), cells: groups.length } : null;
}

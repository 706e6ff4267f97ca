// Where a long e-mail address may wrap on a narrow screen: after the @ and before each dot, as style
// guides advise, never in the middle of a name. The template puts a <wbr> between the pieces.

const ADDRESS = /[^\s@]+@[^\s@]+\.[^\s@]+/g;

/** The text in pieces, split inside each e-mail address only; joined, the pieces are the text again. */
export function breakPoints(text: string): string[] {
  const pieces = [""];
  let from = 0;
  for (const m of text.matchAll(ADDRESS)) {
    // The address without a full stop or comma that ends its sentence.
    const address = m[0].replace(/[.,;:]+$/, "");
    const [first, ...rest] = address.split(/(?<=@)|(?=\.)/);
    pieces[pieces.length - 1] += text.slice(from, m.index) + first;
    pieces.push(...rest);
    from = m.index + address.length;
  }
  pieces[pieces.length - 1] += text.slice(from);
  return pieces;
}

// Seeded randomness for darep's generators (the demo fixture and the benchmarks): the same seed and
// key give the same numbers on every machine, so generated files and benchmark series never drift.

/** Mulberry32: a small, fast 32-bit generator; uniform numbers in [0, 1). */
export function mulberry32(a) {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One generator per named series (an FNV-1a hash of the key with the seed), so adding a series never changes another's numbers. */
export function keyedRandom(seed, key) {
  let h = 2166136261 ^ seed;
  for (const c of key) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return mulberry32(h >>> 0);
}

/** A standard normal draw (Box-Muller) from a uniform generator. */
export const normal = (r) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());

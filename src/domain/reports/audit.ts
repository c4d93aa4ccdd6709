/**
 * The monthly NCQA email-response audit sample, by the procedure's rule: the greater of 10 items or
 * 10% of the month's submissions, but not more than 50 — drawn reproducibly from a recorded seed, so
 * the same seed always gives the same sample.
 */

export function auditSampleSize(population: number): number {
  if (population <= 0) return 0;
  return Math.min(population, Math.min(50, Math.max(10, Math.ceil(population * 0.1))));
}

/** mulberry32: small, seeded, and the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The sample of `items` (sorted by key first, so the input order does not matter) for `seed`. */
export function auditSample<T>(items: readonly T[], seed: number, key: (item: T) => string): T[] {
  const sorted = [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const n = auditSampleSize(sorted.length);
  const rand = random(seed);
  // a partial Fisher-Yates shuffle: the first n places
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rand() * (sorted.length - i));
    [sorted[i], sorted[j]] = [sorted[j]!, sorted[i]!];
  }
  return sorted.slice(0, n);
}

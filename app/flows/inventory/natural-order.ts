/**
 * Natural order for names people give machines: node-2 before node-10 before node-100, case
 * and accents aside (Intl.Collator's numeric collation, UTS #10 with the CLDR "kn" option).
 */
const COLLATOR = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export function naturalCompare(a: string, b: string): number {
  return COLLATOR.compare(a, b);
}

/** A sorted copy, by `key`, in natural order; ties keep their input order. */
export function naturalSort<T>(items: readonly T[], key: (item: T) => string): T[] {
  return items
    .map((item, index) => ({ item, index, k: key(item) }))
    .sort((x, y) => naturalCompare(x.k, y.k) || x.index - y.index)
    .map((x) => x.item);
}

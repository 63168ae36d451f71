/**
 * In a list sorted so that `isBefore` holds for a first run of its items and for none after: the
 * length of that run (the index of the first item it does not hold for). A binary search.
 */
export function countBefore<T>(sorted: readonly T[], isBefore: (item: T) => boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isBefore(sorted[middle]!)) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

/**
 * Index of the last of `count` items for which `holds(i)` is true, when it is true for a first run
 * of the items and false after (binary search; 0 when it holds for none, or there are none).
 * E.g. the last block starting at or before a code point, the last chunk whose top is above a line.
 */
export function lastIndexWhere(count: number, holds: (i: number) => boolean): number {
  let lo = 0
  let hi = count - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (holds(mid)) lo = mid
    else hi = mid - 1
  }
  return Math.max(0, lo)
}

/**
 * Maps positions of an old version of a text to the new version through a character diff
 * (diff-match-patch), so that re-anchoring after re-import starts from where each passage most
 * likely went rather than from its stale offset.
 */
import DiffMatchPatch from 'diff-match-patch'

/**
 * Seconds diff-match-patch may spend before it settles for a coarser (still correct) diff.
 * Whole books (1.4 MB Gibbon volumes) diff in well under this with line-level speed-up.
 */
const DIFF_TIMEOUT_SECONDS = 5

/** Old → new UTF-16 index mapping. Equal runs map one to one; deleted text maps to where it was cut. */
export class OffsetMap {
  /** Start of each diff segment in the old text (UTF-16), ascending; inserts have zero old length. */
  private readonly oldStarts: number[] = []
  private readonly newStarts: number[] = []
  private readonly equal: boolean[] = []
  private readonly identity: boolean

  constructor(oldText: string, newText: string) {
    this.identity = oldText === newText
    if (this.identity) return
    const dmp = new DiffMatchPatch()
    dmp.Diff_Timeout = DIFF_TIMEOUT_SECONDS
    let o = 0
    let n = 0
    for (const [op, chunk] of dmp.diff_main(oldText, newText, true)) {
      if (op === DiffMatchPatch.DIFF_INSERT) {
        n += chunk.length
        continue
      }
      this.oldStarts.push(o)
      this.newStarts.push(n)
      this.equal.push(op === DiffMatchPatch.DIFF_EQUAL)
      o += chunk.length
      if (op === DiffMatchPatch.DIFF_EQUAL) n += chunk.length
    }
    // Sentinel: the end of the old text maps to the end of the new one.
    this.oldStarts.push(o)
    this.newStarts.push(n)
    this.equal.push(false)
  }

  /** The new UTF-16 index of old UTF-16 index `x`. */
  map(x: number): number {
    if (this.identity) return x
    let lo = 0
    let hi = this.oldStarts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.oldStarts[mid] <= x) lo = mid
      else hi = mid - 1
    }
    return this.equal[lo] ? this.newStarts[lo] + (x - this.oldStarts[lo]) : this.newStarts[lo]
  }
}

/** Re-anchoring every annotation of a document when a new version of its text is imported. */
import type { TextTarget } from '../model'
import { CodePointIndex } from '../text/code-points'
import { anchor, type AnchorOptions } from './anchor'
import { describe } from './describe'
import { OffsetMap } from './offset-map'
import type { ReanchorResult } from './types'

export interface ReanchorInput {
  id: string
  /** The target in the old text; offsets in code points of the old text. */
  target: TextTarget
}

export interface ReanchorOptions extends AnchorOptions {
  /** Called every few hundred annotations with (done, total) annotations. */
  progress?: (done: number, total: number) => void
  /** Stops the work between annotations (throws the signal's reason). */
  signal?: AbortSignal
}

/** How many annotations between progress reports and cancellation checks. */
const PROGRESS_EVERY = 500

/**
 * Anchors each annotation of `oldText` in `newText`. The old position is first carried through a
 * diff of the two versions, so a passage that only shifted (text inserted or removed before it) is
 * `anchored` at its new offsets; one whose quote changed or that was found elsewhere is `moved`;
 * one not found confidently is `orphaned` and keeps its old target for the historian to review.
 * Offsets in and out are code points (of the old text in, of the new text out).
 */
export function reanchorAll(
  oldText: string,
  newText: string,
  annotations: readonly ReanchorInput[],
  options: ReanchorOptions = {}
): ReanchorResult[] {
  const oldIndex = new CodePointIndex(oldText)
  const newIndex = new CodePointIndex(newText)
  const map = new OffsetMap(oldText, newText)
  const out: ReanchorResult[] = []
  for (const [i, a] of annotations.entries()) {
    if (i % PROGRESS_EVERY === 0) {
      options.signal?.throwIfAborted()
      options.progress?.(i, annotations.length)
    }
    const t = a.target
    const start = newIndex.toCodePoint(map.map(oldIndex.toUtf16(t.start)))
    const end = Math.max(start, newIndex.toCodePoint(map.map(oldIndex.toUtf16(t.end))))
    const result = anchor(newIndex, { ...t, start, end }, options)
    const target = result.status === 'orphaned' ? t : describe(newIndex, result.start, result.end)
    out.push({ ...result, id: a.id, target })
  }
  options.progress?.(annotations.length, annotations.length)
  return out
}

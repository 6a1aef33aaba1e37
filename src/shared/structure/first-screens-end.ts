/**
 * Where the text a window shows first ends (getFirstScreens): the window lays out whole blocks, so
 * the part sent first is never cut inside a reading block. Offsets in code points.
 */
import { type Block, isMilestone } from '../model'

/**
 * Code point at which a document's first part ends: `end`, moved on to the end of every reading
 * block (not page or line spans) that starts before it, at most `length`. A text without reading
 * blocks is laid out as one block: all of it (`length`).
 * Trade-off: one very long block at the start (a plain text of one paragraph) sends everything at
 * once, as before; a book's paragraphs end a few hundred code points after `end`.
 */
export function firstScreensEnd(structure: readonly Block[], length: number, end: number): number {
  const blocks = structure.filter((b) => !isMilestone(b)).sort((a, b) => a.start - b.start)
  if (!blocks.length) return length
  let cut = Math.min(Math.max(0, end), length)
  // By start: a block that moves the cut on can only bring in blocks after it.
  for (const b of blocks) {
    if (b.start >= cut) break
    if (b.end > cut) cut = Math.min(b.end, length)
  }
  return cut
}

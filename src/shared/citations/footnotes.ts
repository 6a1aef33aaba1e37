/**
 * Numbered footnote markers (`[4]`) pointing to a notes list at the end of a document, as pandoc
 * writes Wikipedia articles to Markdown:
 *   …an old Islamic name for the Roman Empire.[4] …
 *   [2] Lowry, Heath W. (2003) _The Nature of the Early Ottoman State_. Albany, NY: …, p. 153
 * The notes list is every line starting with `[n]` after the last marker-bearing body text; a marker
 * is any `[n]` before the list. An empty note still yields its marker (with no item to propose).
 */
import type { RawFind } from './raw-find'
import { parseReference } from './reference-parser'
import { sentenceAround } from './sentences'

const NOTE_LINE = /^\[(\d{1,4})\](?:[ \t]+(.*))?$/gm
const MARKER = /\[(\d{1,4})\]/g

/** A note of the notes list; UTF-16 indices of its text (after the `[n] `). */
interface Note {
  number: number
  lineStart: number
  start: number
  end: number
}

/** The notes list: the trailing run of `[n]` lines (blank lines between them allowed). */
function findNotes(text: string): Note[] {
  const all: Note[] = []
  for (const m of text.matchAll(NOTE_LINE)) {
    const body = m[2] ?? ''
    const start = m.index + m[0].length - body.length
    all.push({ number: parseInt(m[1], 10), lineStart: m.index, start, end: start + body.trimEnd().length })
  }
  // Keep only the trailing run: from the last note line back while only blank lines separate them.
  const run: Note[] = []
  for (let i = all.length - 1; i >= 0; i--) {
    const next = run[0]
    if (next) {
      const lineEnd = text.indexOf('\n', all[i].start)
      const between = text.slice(lineEnd < 0 ? text.length : lineEnd, next.lineStart)
      if (between.trim() !== '') break
    } else if (text.slice(all[i].end).trim() !== '') break
    run.unshift(all[i])
  }
  return run
}

/** Finds `[n]` markers and their notes (UTF-16 indices). */
export function findFootnotes(text: string): RawFind[] {
  const notes = findNotes(text)
  if (notes.length === 0) return []
  const byNumber = new Map(notes.map((n) => [n.number, n]))
  const listStart = notes[0].lineStart
  const out: RawFind[] = []
  for (const m of text.slice(0, listStart).matchAll(MARKER)) {
    const number = parseInt(m[1], 10)
    const note = byNumber.get(number)
    if (!note) continue
    const start = m.index
    const end = start + m[0].length
    // The claim is the sentence the marker closes (a marker after `.` belongs to that sentence).
    const claim = sentenceAround(text, /[.!?"”)]$/.test(text.slice(0, start)) ? start - 1 : start)
    const noteText = text.slice(note.start, note.end)
    out.push({
      kind: 'footnote',
      start,
      end,
      claim,
      parsed: noteText.trim() ? parseReference(noteText) : undefined,
      note: { number, start: note.start, end: note.end }
    })
  }
  return out
}

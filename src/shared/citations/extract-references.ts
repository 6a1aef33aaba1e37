/**
 * Finds the references already in a document's text and proposes each as a bibliography item
 * linked to the sentence it supports. Pure: text and the project's items in, proposals out,
 * offsets in code points of the normalised text.
 */
import type { Citation } from '../model'
import { CodePointIndex } from '../text/code-points'
import { findAuthorYearReferences } from './author-year'
import { itemLabel } from './csl-item'
import { findFootnotes } from './footnotes'
import { findGluedReferences } from './glued-references'
import { MatchIndex } from './match-item'
import type { ReferenceProposal } from './proposal'
import type { RawFind } from './raw-find'

/** All references of `text`, in text order, each matched to a project item when one fits. */
export function extractReferences(text: string, citations: Iterable<Citation> = []): ReferenceProposal[] {
  const glued = findGluedReferences(text)
  const footnotes = findFootnotes(text)
  // Author–year cites inside a glued reference or a note of the notes list are already covered.
  const taken = [...glued, ...footnotes.flatMap((f) => (f.note ? [f.note] : []))]
  const finds: RawFind[] = [...glued, ...findAuthorYearReferences(text, taken), ...footnotes]
  finds.sort((a, b) => a.start - b.start || a.end - b.end)

  const project = new MatchIndex([...citations].map((c) => ({ ref: c.id, item: c.item })))
  // Full references read from notes, so a later short note (`Shaw, _History…_`) can point to them.
  const notes = new MatchIndex()
  const cp = new CodePointIndex(text)
  const toCp = (u: number): number => cp.toCodePoint(u)
  const proposals: ReferenceProposal[] = []
  const seenNotes = new Map<number, ReferenceProposal>()

  for (const f of finds) {
    const start = toCp(f.start)
    const end = toCp(f.end)
    const claimStart = toCp(f.claim.start)
    const claimEnd = toCp(f.claim.end)
    const p: ReferenceProposal = {
      id: `${f.kind}:${start}-${end}`,
      kind: f.kind,
      start,
      end,
      exact: text.slice(f.start, f.end),
      claim: { start: claimStart, end: claimEnd, exact: text.slice(f.claim.start, f.claim.end) },
      partial: f.parsed ? f.parsed.short : true
    }
    if (f.note) p.note = { number: f.note.number, start: toCp(f.note.start), end: toCp(f.note.end), exact: text.slice(f.note.start, f.note.end) }
    if (f.parsed) {
      p.item = { ...f.parsed.item, id: p.id }
      if (f.parsed.locator) p.locator = f.parsed.locator
      // The same note cited again (`[2]` twice) is the same item; otherwise match project, then notes.
      const again = f.note ? seenNotes.get(f.note.number) : undefined
      const m = again?.match ? undefined : project.match(f.parsed.item) ?? (f.parsed.short || f.kind === 'footnote' ? notes.match(f.parsed.item) : undefined)
      if (again?.match) p.match = again.match
      else if (m) p.match = { ref: m.ref, by: m.by, label: itemLabel(m.item) }
      if (p.match) p.partial = false
      // Only notes that stand on their own become targets: a short note resolves to its full note.
      if (f.note && !f.parsed.short && !p.match && !seenNotes.has(f.note.number)) notes.add({ ref: `note:${f.note.number}`, item: f.parsed.item })
    }
    if (f.note && !seenNotes.has(f.note.number)) seenNotes.set(f.note.number, p)
    proposals.push(p)
  }
  return proposals
}

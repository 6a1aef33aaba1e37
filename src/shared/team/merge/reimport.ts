/**
 * A document re-imported on one side and annotated on the other: the annotating side's new
 * annotations were placed in the old text, so they are re-anchored into the new text first
 * (src/shared/anchoring/reanchor.ts). Exact re-anchors merge silently; moved and orphaned ones are
 * conflicts for review (an orphan keeps its old target and the status `orphaned`, never dropped).
 */
import { reanchorAll } from '../../anchoring/reanchor'
import type { Annotation, DocumentRecord, ProjectData } from '../../model'
import { own } from '../stable-json'
import type { MergeConflict, Side, TextOf } from './types'

/** True when `doc` holds a different text version than `base` (a re-import). */
function reimported(base: DocumentRecord | undefined, doc: DocumentRecord | undefined): boolean {
  return !!base && !!doc && (doc.sha256 !== base.sha256 || (doc.textFile ?? '') !== (base.textFile ?? ''))
}

export interface ReanchorOutcome {
  conflicts: MergeConflict[]
  reanchored: { id: string; documentId: string; status: 'anchored' | 'moved' | 'orphaned' }[]
}

/**
 * Re-anchors, in `merged` (changed in place), the annotations the other side made or moved on each
 * document re-imported on exactly one side. Needs both texts from `textOf`; without them it does
 * nothing for that document.
 */
export function reanchorAcrossReimports(base: ProjectData, sides: Record<Side, ProjectData>, merged: ProjectData, textOf: TextOf | undefined): ReanchorOutcome {
  const out: ReanchorOutcome = { conflicts: [], reanchored: [] }
  if (!textOf) return out
  for (const [side, other] of [['ours', 'theirs'], ['theirs', 'ours']] as [Side, Side][]) {
    for (const doc of Object.values(sides[side].documents)) {
      const before = own(base.documents, doc.id)
      if (!reimported(before, doc) || reimported(before, own(sides[other].documents, doc.id))) continue
      const oldText = textOf(other, own(sides[other].documents, doc.id)!)
      const newText = textOf(side, doc)
      if (oldText === undefined || newText === undefined) continue
      // Annotations of the other side on this document created after the ancestor (targets in the old text).
      const stale = Object.values(sides[other].annotations).filter((a) => a.documentId === doc.id && !own(base.annotations, a.id) && own(merged.annotations, a.id))
      const results = reanchorAll(oldText, newText, stale.map((a) => ({ id: a.id, target: a.target })))
      for (const r of results) {
        const current = merged.annotations[r.id]
        const next: Annotation = { ...current, target: r.target, status: r.status }
        Object.defineProperty(merged.annotations, r.id, { value: next, enumerable: true, writable: true, configurable: true })
        out.reanchored.push({ id: r.id, documentId: doc.id, status: r.status })
        if (r.status === 'anchored') continue
        const mine = own(sides[other].annotations, r.id)!
        out.conflicts.push({
          key: `annotations/${r.id}`, collection: 'annotations', id: r.id, kind: 'reanchored',
          ours: other === 'ours' ? mine : null, theirs: other === 'theirs' ? mine : null,
          anchor: { status: r.status, score: r.score }, kept: 'combined'
        })
      }
    }
  }
  return out
}

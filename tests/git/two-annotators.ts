/**
 * Two annotators' diverged copies of one project, for the merge scale test and bench/merge.ts:
 * from a shared base (the synthetic project over the seed article), Ada and Ben each add `n` new
 * annotations, each edits a different set of shared annotations (independent), and both edit the
 * same field of `conflicts` shared annotations differently (the only conflicts). Deterministic.
 * Offsets are code points of the seed article.
 */
import type { Annotation, ProjectData } from '../../src/shared/model'
import { syntheticProject } from '../helpers/synthetic-project'
import { SEED_PATH } from '../helpers/temp-dir'

export interface TwoAnnotators {
  base: ProjectData
  ours: ProjectData
  theirs: ProjectData
  /** Keys (`annotations/<id>`) of the records edited both ways. */
  conflicting: string[]
  /** Ids of the annotations each side added. */
  added: { ours: string[]; theirs: string[] }
}

function fresh(data: ProjectData, template: Annotation[], author: string, prefix: string, n: number): string[] {
  const ids: string[] = []
  for (let i = 0; i < n; i++) {
    const t = template[(i * 7919) % template.length]
    const id = `${prefix}_${i.toString(36).padStart(5, '0')}`
    data.annotations[id] = { ...t, id, author, tags: [`${prefix}-tag-${i % 12}`], note: i % 9 ? '' : `${author}'s note ${i}`, modified: '2026-12-01T10:00:00.000Z' }
    ids.push(id)
  }
  return ids
}

export function twoAnnotators(n: number, shared = 2_000, conflicts = 50): TwoAnnotators {
  const base = syntheticProject(SEED_PATH, shared).data
  const ours = structuredClone(base)
  const theirs = structuredClone(base)
  const template = Object.values(base.annotations)
  const added = { ours: fresh(ours, template, 'Ada', 'ada', n), theirs: fresh(theirs, template, 'Ben', 'ben', n) }
  const ids = Object.keys(base.annotations).sort()
  const conflicting: string[] = []
  ids.forEach((id, i) => {
    if (i % 4 === 0) ours.annotations[id] = { ...ours.annotations[id], note: 'Ada checked this' }
    else if (i % 4 === 1) theirs.annotations[id] = { ...theirs.annotations[id], tags: [...theirs.annotations[id].tags, 'ben-reviewed'] }
    else if (i % 4 === 2 && conflicting.length < conflicts) {
      ours.annotations[id] = { ...ours.annotations[id], note: 'Ada reads it so' }
      theirs.annotations[id] = { ...theirs.annotations[id], note: 'Ben reads it otherwise' }
      conflicting.push(`annotations/${id}`)
    }
  })
  return { base, ours, theirs, conflicting, added }
}

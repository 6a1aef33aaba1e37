/** Three-way merge of two historians' projects: what merges, what is listed, how it is resolved. */
import { describe, expect, it } from 'vitest'
import { reanchorAll } from '../../../../src/shared/anchoring/reanchor'
import { planMerge } from '../../../../src/shared/entities/merge'
import type { Annotation, ProjectData } from '../../../../src/shared/model'
import { mergeProjects } from '../../../../src/shared/team/merge/merge-projects'
import { resolveConflict } from '../../../../src/shared/team/merge/resolve'
import { CodePointIndex } from '../../../../src/shared/text/code-points'
import { FIXTURE_TEXT, fixtureProject, makeAnnotation, rangeOf } from '../../../helpers/export-fixture'

const NOW = '2026-12-01T09:00:00.000Z'
const base = fixtureProject().data
const fork = (): ProjectData => structuredClone(base)
const index = new CodePointIndex(FIXTURE_TEXT)
function newAnnotation(id: string, quote: string, author: string, extra: Partial<Annotation> = {}, text = index): Annotation {
  const [s, e] = rangeOf(text, quote)
  return { ...makeAnnotation(id, 'doc_1', text, s, e), author, ...extra }
}

describe('mergeProjects', () => {
  it('merges independent edits without conflicts: new records, different fields, tags added on both sides', () => {
    const ours = fork()
    const theirs = fork()
    ours.annotations.ann_dates = { ...ours.annotations.ann_dates, note: 'Ada: dates checked', tags: ['dates', 'checked'], modified: '2026-12-01T08:00:00.000Z' }
    theirs.annotations.ann_dates = { ...theirs.annotations.ann_dates, color: '#00ff00', tags: ['dates', 'chronology'], modified: '2026-12-01T08:30:00.000Z' }
    ours.annotations.ann_new_a = newAnnotation('ann_new_a', 'Manuel II', 'Ada')
    theirs.annotations.ann_new_b = newAnnotation('ann_new_b', 'Paris', 'Ben')
    theirs.entities.ent_venice = { ...theirs.entities.ent_venice, description: 'Republic of Venice' }
    delete ours.annotations.ann_empty // deleted on one side, untouched on the other
    const r = mergeProjects({ base, ours, theirs })
    expect(r.conflicts).toEqual([])
    expect(r.problems).toEqual([])
    expect(r.merged.annotations.ann_dates).toMatchObject({ note: 'Ada: dates checked', color: '#00ff00', tags: ['dates', 'checked', 'chronology'], modified: '2026-12-01T08:30:00.000Z' })
    expect(Object.keys(r.merged.annotations)).toEqual(expect.arrayContaining(['ann_new_a', 'ann_new_b']))
    expect(r.merged.annotations.ann_empty).toBeUndefined()
    expect(r.merged.entities.ent_venice.description).toBe('Republic of Venice')
  })

  it('lists exactly the conflicting records, keeps a version of each, and resolves them', () => {
    const ours = fork()
    const theirs = fork()
    // Same annotation, same field, both ways.
    ours.annotations.ann_greek = { ...ours.annotations.ann_greek, note: 'Ada’s reading' }
    theirs.annotations.ann_greek = { ...theirs.annotations.ann_greek, note: 'Ben’s reading' }
    // Deleted here, edited there.
    delete ours.annotations.ann_gibbon
    theirs.annotations.ann_gibbon = { ...theirs.annotations.ann_gibbon, note: 'Ben: see vol. 6' }
    // Entity merged here (Andronikos IV into John VII), edited there.
    const plan = planMerge(ours, 'ent_john', 'ent_andr', NOW)
    ours.entities.ent_john = plan.entity
    for (const a of plan.annotations) ours.annotations[a.id] = a
    for (const x of plan.relations) ours.relations[x.id] = x
    delete ours.entities.ent_andr
    theirs.entities.ent_andr = { ...theirs.entities.ent_andr, description: 'Father of John VII', dates: { death: '1385' } }
    // A citation deleted here, newly cited there.
    delete ours.citations.cit_zach
    for (const a of Object.values(ours.annotations)) ours.annotations[a.id] = { ...a, citations: a.citations.filter((c) => c.citationId !== 'cit_zach') }
    theirs.annotations.ann_cites = newAnnotation('ann_cites', 'Manuel II', 'Ben', { citations: [{ citationId: 'cit_zach', locator: 'p. 340' }] })
    // And an independent edit that must not show up.
    theirs.annotations.ann_venice = { ...theirs.annotations.ann_venice, note: 'Venetian help' }

    const r = mergeProjects({ base, ours, theirs })
    expect(r.conflicts.map((c) => [c.key, c.kind])).toEqual([
      ['annotations/ann_gibbon', 'delete-edit'],
      ['annotations/ann_greek', 'edit-edit'],
      ['citations/cit_zach', 'delete-use'],
      ['entities/ent_andr', 'entity-merged']
    ])
    expect(r.conflicts.find((c) => c.id === 'ann_greek')!.fields).toEqual(['note'])
    expect(r.conflicts.find((c) => c.id === 'ent_andr')).toMatchObject({ deletedBy: 'ours', mergedInto: 'ent_john' })
    // Nothing lost meanwhile: the edited, the restored and the merged-away records are all there.
    expect(r.merged.annotations.ann_gibbon.note).toBe('Ben: see vol. 6')
    expect(r.merged.citations.cit_zach).toBeDefined()
    expect(r.merged.entities.ent_andr.description).toBe('Father of John VII')
    expect(r.merged.annotations.ann_venice.note).toBe('Venetian help')
    expect(r.problems).toEqual([])

    let s = resolveConflict(r, 'annotations/ann_greek', { record: { ...r.merged.annotations.ann_greek, note: 'Ada’s reading / Ben’s reading' } }, NOW)
    s = resolveConflict(s, 'annotations/ann_gibbon', 'ours', NOW) // the deletion wins
    s = resolveConflict(s, 'entities/ent_andr', 'ours', NOW) // the merge wins and carries Ben's edit
    s = resolveConflict(s, 'citations/cit_zach', 'theirs', NOW)
    expect(s.conflicts).toEqual([])
    expect(s.problems).toEqual([])
    expect(s.merged.annotations.ann_greek.note).toBe('Ada’s reading / Ben’s reading')
    expect(s.merged.annotations.ann_gibbon).toBeUndefined()
    expect(s.merged.entities.ent_andr).toBeUndefined()
    expect(s.merged.entities.ent_john.description).toContain('Father of John VII')
    expect(s.merged.entities.ent_john.dates.death).toBe(base.entities.ent_john.dates.death)
    expect(s.merged.annotations.ann_andr.entityIds).toEqual(['ent_john'])
    expect(r.merged.entities.ent_andr).toBeDefined() // the earlier result is untouched
  })

  it('refuses a resolution that would leave links pointing at nothing', () => {
    const ours = fork()
    const theirs = fork()
    delete ours.citations.cit_zach
    for (const a of Object.values(ours.annotations)) ours.annotations[a.id] = { ...a, citations: a.citations.filter((c) => c.citationId !== 'cit_zach') }
    theirs.annotations.ann_cites = newAnnotation('ann_cites', 'Manuel II', 'Ben', { citations: [{ citationId: 'cit_zach' }] })
    const r = mergeProjects({ base, ours, theirs })
    expect(() => resolveConflict(r, 'citations/cit_zach', 'ours', NOW)).toThrow(/ann_cites: points at missing citations\/cit_zach/)
  })

  it('re-anchors the other side’s new annotations into a re-imported text; a vanished quote is a conflict, kept as an orphan', () => {
    const newText = 'Preface added by the new edition.\n\n' + FIXTURE_TEXT.replace('Venice and Paris', 'Venice')
    const newIndex = new CodePointIndex(newText)
    const ours = fork()
    const theirs = fork()
    // Ours re-imports doc_1 and re-anchors its annotations, as reimport-document does.
    ours.documents.doc_1 = { ...ours.documents.doc_1, sha256: 'c'.repeat(64), textFile: 'doc_1.cccccccccccc.txt', length: newIndex.length }
    for (const r of reanchorAll(FIXTURE_TEXT, newText, Object.values(ours.annotations).map((a) => ({ id: a.id, target: a.target })))) {
      ours.annotations[r.id] = { ...ours.annotations[r.id], target: r.target, status: r.status }
    }
    // Theirs annotates the old text.
    theirs.annotations.ann_manuel = newAnnotation('ann_manuel', 'Manuel II', 'Ben')
    theirs.annotations.ann_paris2 = newAnnotation('ann_paris2', 'and Paris', 'Ben')
    theirs.annotations.ann_gibbon = { ...theirs.annotations.ann_gibbon, note: 'Ben edited an old one' }
    const texts: Record<string, string> = { 'doc_1.cccccccccccc.txt': newText }
    const r = mergeProjects({ base, ours, theirs, textOf: (_side, doc) => (doc.textFile ? texts[doc.textFile] : FIXTURE_TEXT) })
    const manuel = r.merged.annotations.ann_manuel
    expect(newIndex.slice(manuel.target.start, manuel.target.end)).toBe('Manuel II')
    expect(manuel.status).toBe('anchored')
    expect(r.merged.annotations.ann_gibbon).toMatchObject({ note: 'Ben edited an old one', target: ours.annotations.ann_gibbon.target })
    expect(r.conflicts.map((c) => [c.key, c.kind, c.anchor?.status])).toEqual([['annotations/ann_paris2', 'reanchored', 'orphaned']])
    expect(r.merged.annotations.ann_paris2).toMatchObject({ status: 'orphaned', target: { exact: 'and Paris' } })
    expect(r.reanchored.map((x) => x.id).sort()).toEqual(['ann_manuel', 'ann_paris2'])
  })

  it('keeps records with adversarial ids as own properties', () => {
    const ours = fork()
    const theirs = fork()
    ours.annotations = { ...ours.annotations, ...Object.fromEntries([['__proto__', newAnnotation('__proto__', 'Paris', 'Ada')]]) }
    theirs.annotations = { ...theirs.annotations, ...Object.fromEntries([['constructor', newAnnotation('constructor', 'Venice', 'Ben')]]) }
    const r = mergeProjects({ base, ours, theirs })
    expect(Object.keys(r.merged.annotations)).toEqual(expect.arrayContaining(['__proto__', 'constructor']))
    expect(Object.getPrototypeOf(r.merged.annotations)).toBe(Object.prototype)
    expect(r.problems).toEqual([])
  })
})

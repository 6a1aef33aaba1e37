/** The entities service over a real project store (undo, durability), as the app and CLI use it. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ok, projectPerTest } from '../../helpers/project-per-test'
import { ProjectSession } from '../../../src/main/services/project-session'
import { SEED_PATH } from '../../helpers/temp-dir'

const t = projectPerTest({ withSeed: true })

const api = () => t.session.api

describe('entity registry', () => {
  it('creates an entity with authority URIs and EDTF dates, and refuses bad fields changing nothing', async () => {
    const john = ok(await api().createEntity({
      type: 'person', label: 'John VII Palaiologos', aliases: ['Palaeologus', 'Παλαιολόγος', 'palaeologus'],
      authorities: [{ scheme: 'wikidata', id: 'Q37052' }], dates: { birth: '1370', death: '1408-09-22' }
    }))
    expect(john.aliases).toEqual(['Palaeologus', 'Παλαιολόγος'])
    expect(john.authorities).toEqual([{ scheme: 'wikidata', id: 'Q37052', uri: 'http://www.wikidata.org/entity/Q37052' }])
    const badId = await api().createEntity({ type: 'person', label: 'X', authorities: [{ scheme: 'viaf', id: 'Q1' }] })
    expect(badId).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/authorities\.viaf: .*expected a number/) } })
    const badDate = await api().updateEntity({ id: john.id, dates: { death: '22 September 1408' } })
    expect(badDate).toMatchObject({ ok: false, error: { message: expect.stringMatching(/dates\.death: .*not an EDTF date/) } })
    expect(ok(await api().listEntities({}))).toHaveLength(1)
    expect(ok(await api().getEntity({ id: john.id })).dates.death).toBe('1408-09-22')
    const edited = ok(await api().updateEntity({ id: john.id, dates: { birth: '1370~', death: '' }, coordinates: null }))
    expect(edited.dates).toEqual({ birth: '1370~' })
  })

  it('counts mentions and lists them across documents; type-ahead is accent-insensitive', async () => {
    const manuel = ok(await api().createEntity({ type: 'person', label: 'Manuel II', aliases: ['Manuel'] }))
    const other = ok(await api().importDocument({ fileName: 'note.txt', contentBase64: Buffer.from('Later, Manuel II travelled to Paris.').toString('base64') })).id
    ok(await api().annotateQuote({ documentId: t.docId, quote: 'uncle Manuel II', entityIds: [manuel.id] }))
    ok(await api().annotateQuote({ documentId: other, quote: 'Manuel II', entityIds: [manuel.id] }))
    expect(ok(await api().getEntity({ id: manuel.id }))).toMatchObject({ mentionCount: 2, documentCount: 2 })
    const mentions = ok(await api().listMentions({ entityId: manuel.id }))
    expect(mentions.map((m) => [m.documentId, m.exact])).toEqual([[t.docId, 'uncle Manuel II'], [other, 'Manuel II']])
    expect(ok(await api().searchEntities({ query: 'MANUÉL' }))[0].entity.id).toBe(manuel.id)
  })

  it('merges two entities so every link and relation follows, as one undoable edit', async () => {
    const a = ok(await api().createEntity({ type: 'person', label: 'Manuel II', authorities: [{ scheme: 'wikidata', id: 'Q37043' }] }))
    const b = ok(await api().createEntity({ type: 'person', label: 'Manuel Palaiologos', aliases: ['Μανουήλ'] }))
    const john = ok(await api().createEntity({ type: 'person', label: 'John VIII' }))
    const ann = ok(await api().annotateQuote({ documentId: t.docId, quote: 'uncle Manuel II', entityIds: [b.id] }))
    const rel = ok(await api().createRelation({ subject: john.id, predicate: 'son of', object: b.id }))
    const merged = ok(await api().mergeEntities({ into: a.id, from: b.id }))
    expect(merged).toMatchObject({ movedAnnotations: 1, movedRelations: 1, entity: { aliases: ['Manuel Palaiologos', 'Μανουήλ'] } })
    expect(ok(await api().listAnnotations({ documentId: t.docId })).find((x) => x.id === ann.id)?.entityIds).toEqual([a.id])
    expect(ok(await api().listRelations({ about: a.id })).map((r) => r.id)).toEqual([rel.id])
    expect(await api().getEntity({ id: b.id })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await api().mergeEntities({ into: a.id, from: b.id })).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('--from') } })
    expect(await api().mergeEntities({ into: a.id, from: a.id })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    ok(await api().undo({}))
    expect(ok(await api().getEntity({ id: b.id })).label).toBe('Manuel Palaiologos')
    expect(ok(await api().listAnnotations({ documentId: t.docId })).find((x) => x.id === ann.id)?.entityIds).toEqual([b.id])
  })

  it('deletes an entity: links removed, passages kept', async () => {
    const e = ok(await api().createEntity({ type: 'place', label: 'Thessalonica' }))
    const ann = ok(await api().annotateQuote({ documentId: t.docId, quote: 'city of Thessalonica', entityIds: [e.id], note: 'ceded 1403' }))
    expect(ok(await api().deleteEntity({ id: e.id }))).toMatchObject({ unlinkedAnnotations: 1 })
    const kept = ok(await api().listAnnotations({ documentId: t.docId })).find((x) => x.id === ann.id)
    expect(kept).toMatchObject({ note: 'ceded 1403', entityIds: [] })
  })
})

describe('suggestions', () => {
  it('suggests without creating anything; accept links, reject is stored and stays rejected', async () => {
    const before = ok(await api().listAnnotations({}))
    const suggestions = ok(await api().suggestMentions({ documentId: t.docId }))
    expect(ok(await api().listAnnotations({}))).toEqual(before)
    const timur = suggestions.find((s) => s.exact === 'Timur')!
    expect(timur).toMatchObject({ type: 'person', source: 'nlp' })
    const accepted = ok(await api().acceptSuggestion({ documentId: t.docId, start: timur.start, end: timur.end, type: timur.type }))
    expect(accepted).toMatchObject({ createdEntity: true, entity: { label: 'Timur', type: 'person' }, annotation: { target: { exact: 'Timur' } } })
    const date = suggestions.find((s) => s.edtf === '1390-04-14')!
    ok(await api().rejectSuggestion({ documentId: t.docId, start: date.start, end: date.end }))
    // Retype: "Byzantium" as an organisation (a polity) instead of a place.
    const byz = suggestions.find((s) => s.exact === 'Byzantium')!
    const retyped = ok(await api().acceptSuggestion({ documentId: t.docId, start: byz.start, end: byz.end, type: 'organisation' }))
    expect(retyped.entity.type).toBe('organisation')

    // A fresh t.session (reloaded from disk) still has the rejection.
    await t.session.close()
    t.session = await ProjectSession.open(t.dir)
    const again = ok(await api().suggestMentions({ documentId: t.docId }))
    expect(again.some((s) => s.edtf === '1390-04-14')).toBe(false)
    expect(again.some((s) => s.exact === 'Timur')).toBe(false)
    expect(ok(await api().listRejectedSuggestions({ documentId: t.docId }))).toHaveLength(1)
  })

  it('accepting a date links the date entity of that EDTF value, creating it once', async () => {
    const dates = ok(await api().suggestMentions({ documentId: t.docId, sources: ['date'] })).filter((s) => s.edtf === '1390')
    const first = ok(await api().acceptSuggestion({ documentId: t.docId, start: dates[0].start, end: dates[0].end, type: 'date', edtf: '1390' }))
    expect(first.entity).toMatchObject({ type: 'date', dates: { date: '1390' }, label: '1390' })
    const other = ok(await api().importDocument({ fileName: 'n.txt', contentBase64: Buffer.from('Deposed in 1390, restored in 1391.').toString('base64') })).id
    const later = ok(await api().suggestMentions({ documentId: other, sources: ['date'] }))
    expect(later.map((s) => [s.exact, s.entityId])).toEqual([['1390', first.entity.id], ['1391', undefined]])
    const second = ok(await api().acceptSuggestion({ documentId: other, start: later[0].start, end: later[0].end, type: 'date', edtf: '1390' }))
    expect(second).toMatchObject({ createdEntity: false, entity: { id: first.entity.id } })
  })

  it('link-all links every occurrence as ONE undoable edit, and undo reverts it', async () => {
    const manuel = ok(await api().createEntity({ type: 'person', label: 'Manuel II', aliases: ['Manuel'] }))
    ok(await api().annotateQuote({ documentId: t.docId, quote: 'uncle Manuel II', entityIds: [manuel.id] }))
    const made = ok(await api().linkAll({ entityId: manuel.id, documentId: t.docId }))
    expect(made.map((a) => a.target.exact)).toEqual(['Manuel', 'Manuel II', 'Manuel II', 'Manuel II', 'Manuel II'])
    expect(ok(await api().getEntity({ id: manuel.id })).mentionCount).toBe(6)
    expect(ok(await api().linkAll({ entityId: manuel.id, documentId: t.docId }))).toEqual([])
    ok(await api().undo({}))
    expect(ok(await api().getEntity({ id: manuel.id })).mentionCount).toBe(1)
  })
})

describe('relations and predicates', () => {
  it('relates entities and annotations; a new predicate joins the vocabulary', async () => {
    const a = ok(await api().createEntity({ type: 'person', label: 'John VII' }))
    const b = ok(await api().createEntity({ type: 'person', label: 'Andronikos IV' }))
    const ann = ok(await api().annotateQuote({ documentId: t.docId, quote: 'ousted to his grandfather' }))
    expect(ok(await api().listPredicates({})).slice(0, 8).map((p) => p.id)).toEqual(
      ['son of', 'daughter of', 'married to', 'succeeded', 'ruled', 'besieged', 'allied with', 'located in'])
    ok(await api().createRelation({ subject: a.id, predicate: 'Son  of', object: b.id }))
    ok(await api().createRelation({ subject: ann.id, predicate: 'regent for', object: a.id }))
    expect(ok(await api().listPredicates({})).map((p) => p.id)).toContain('regent for')
    expect(ok(await api().listRelations({ about: a.id })).map((r) => r.predicate)).toEqual(['son of', 'regent for'])
    expect(await api().createRelation({ subject: a.id, predicate: 'x', object: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await api().deletePredicate({ id: 'regent for' })).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(await api().deletePredicate({ id: 'son of' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  })
})

describe('native JSON export', () => {
  it('carries entities with aliases, authority URIs and EDTF dates, and relations', async () => {
    const a = ok(await api().createEntity({ type: 'person', label: 'Andronikos V', aliases: ['Andronicus V'], dates: { birth: '1400~', death: '1407' },
      authorities: [{ scheme: 'wikidata', id: 'Q2636588' }] }))
    const b = ok(await api().createEntity({ type: 'person', label: 'John VII' }))
    ok(await api().createRelation({ subject: a.id, predicate: 'son of', object: b.id }))
    const result = ok(await api().exportProject({ format: 'json' }))
    const file = result.files.find((f) => f.name.endsWith('.json'))!
    const data = JSON.parse(String(file.content)) as { entities: Array<Record<string, unknown>>; relations: Array<Record<string, unknown>> }
    expect(data.entities.find((e) => e.id === a.id)).toMatchObject({
      aliases: ['Andronicus V'], dates: { birth: '1400~', death: '1407' },
      authorities: [{ scheme: 'wikidata', id: 'Q2636588', uri: 'http://www.wikidata.org/entity/Q2636588' }]
    })
    expect(data.relations).toEqual([expect.objectContaining({ subject: a.id, predicate: 'son of', object: b.id })])
  })
})

describe('suggestions as a job', () => {
  const gibbon = () => readFileSync(SEED_PATH.replace('john-vii-palaiologos.txt', 'gibbon-vol6-ch64-65.txt'))
  const settle = async (id: string) => {
    for (;;) {
      const job = ok(await api().getJob({ id }))
      if (job.status !== 'running') return job
      await new Promise((r) => setTimeout(r, 20))
    }
  }

  it('reports progress in code points and can be cancelled while it runs', async () => {
    const long = ok(await api().importDocument({ fileName: 'gibbon.txt', contentBase64: gibbon().toString('base64') })).id
    const done = await settle(ok(await api().startJob({ method: 'suggestMentions', args: { documentId: t.docId } })).id)
    expect(done.status).toBe('done')
    expect(done.done).toBe(done.total)
    expect((done.result as unknown[]).length).toBeGreaterThan(50)

    const job = ok(await api().startJob({ method: 'suggestMentions', args: { documentId: long } }))
    // The NLP pass yields to the event loop, so this poll is answered while it runs.
    let seen = ok(await api().getJob({ id: job.id }))
    while (seen.status === 'running' && seen.done === 0) seen = ok(await api().getJob({ id: job.id }))
    expect(seen.status).toBe('running')
    expect(seen.done).toBeLessThan(seen.total)
    ok(await api().cancelJob({ id: job.id }))
    expect((await settle(job.id)).status).toBe('cancelled')
  })
})

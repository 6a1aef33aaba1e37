/**
 * Suggestions are kept per document version (issue 10 item 3): accepting, rejecting, linking all
 * or editing the registry never runs the NLP pass again; accepting returns the update of the list.
 * The passes are counted on the session's own cache (suggestionCacheOf).
 */
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { b64, ok, projectPerTest } from '../../../../helpers/project-per-test'
import { suggestionCacheOf } from '../../../../../src/main/services/entities/suggestion-cache'
import { applySuggestionUpdate, suggestionKey, type Suggestion } from '../../../../../src/shared/suggest/types'
import { corpusPath, SEED_PATH } from '../../../../helpers/temp-dir'

const t = projectPerTest()

const keys = (list: Suggestion[]) => list.map(suggestionKey)
const passes = () => suggestionCacheOf(t.session.ctx).passes

describe('suggestions kept per document version', () => {
  it('runs the NLP pass once per text version; accept, reject, link-all and entity edits answer from what is kept', async () => {
    const api = t.session.api
    const doc = ok(await api.importDocument({ fileName: 'john-vii-palaiologos.txt', contentBase64: b64(readFileSync(SEED_PATH)) }))
    let list = ok(await api.suggestMentions({ documentId: doc.id }))
    expect(passes()).toBe(1)
    const manuel = list.find((s) => s.exact === 'Manuel II' && s.source === 'nlp')!
    expect(manuel).toBeDefined()

    const accepted = ok(await api.acceptSuggestion({ documentId: doc.id, start: manuel.start, end: manuel.end, type: manuel.type }))
    expect(accepted.createdEntity).toBe(true)
    // The update turns the client's list into what a fresh call gives: the accepted one gone,
    // the new entity's other mentions proposed as known names.
    list = applySuggestionUpdate(list, accepted.suggestions!)
    const fresh = ok(await api.suggestMentions({ documentId: doc.id }))
    expect(keys(list)).toEqual(keys(fresh))
    expect(accepted.suggestions!.removed).toContain(suggestionKey(manuel))
    expect(accepted.suggestions!.added.some((s) => s.source === 'alias' && s.entityId === accepted.entity.id)).toBe(true)

    const other = fresh.find((s) => s.source === 'nlp')!
    ok(await api.rejectSuggestion({ documentId: doc.id, start: other.start, end: other.end }))
    ok(await api.linkAll({ entityId: accepted.entity.id, documentId: doc.id }))
    ok(await api.updateEntity({ id: accepted.entity.id, aliases: ['Manuel'] }))
    const after = ok(await api.suggestMentions({ documentId: doc.id }))
    expect(after.some((s) => s.start === other.start && s.end === other.end)).toBe(false)
    expect(after.some((s) => s.entityId === accepted.entity.id && s.exact === 'Manuel II')).toBe(false) // all linked
    expect(passes()).toBe(1)

    // A new version of the text is a new reading.
    const text = readFileSync(SEED_PATH, 'utf8').replace('Palaiologos', 'Palaeologus')
    ok(await api.reimportDocument({ id: doc.id, fileName: 'john-vii-palaiologos.txt', contentBase64: b64(text) }))
    ok(await api.suggestMentions({ documentId: doc.id }))
    expect(passes()).toBe(2)
  })

  it('callers asking at once share one pass; one caller cancelling does not cancel the others', async () => {
    const api = t.session.api
    const doc = ok(await api.importDocument({ fileName: 'john-vii-palaiologos.txt', contentBase64: b64(readFileSync(SEED_PATH)) }))
    const quitter = new AbortController()
    const first = t.session.call('suggestMentions', { documentId: doc.id }, { signal: quitter.signal })
    // The second caller joins the running pass; once it hears progress, the first one quits.
    let heard = 0
    const second = t.session.call('suggestMentions', { documentId: doc.id }, { progress: (done) => {
      heard = done
      if (done > 0) quitter.abort()
    } })
    expect(await first).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    const list = await second
    expect(list.ok && (list.value as unknown[]).length).toBeGreaterThan(10)
    expect(heard).toBeGreaterThan(0)
    expect(passes()).toBe(1)

    // When the only caller quits, the pass stops, and the next call runs a new one.
    await new Promise((r) => setTimeout(r, 0))
    const long = ok(await api.importDocument({ fileName: 'long.txt', contentBase64: b64(readFileSync(SEED_PATH, 'utf8').repeat(4)) }))
    const alone = new AbortController()
    const cancelled = t.session.call('suggestMentions', { documentId: long.id }, { signal: alone.signal, progress: (done) => done > 0 && alone.abort() })
    expect(await cancelled).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    expect(ok(await api.suggestMentions({ documentId: long.id })).length).toBeGreaterThan(10)
    expect(passes()).toBe(3)
  })

  const VOL2 = corpusPath('large/gibbon-decline-and-fall-vol2-pg732.txt')
  it.skipIf(!existsSync(VOL2))('on Gibbon vol. 2, accepting after the first pass runs no pass and returns the list update', async () => {
    const api = t.session.api
    const doc = ok(await api.importDocument({ fileName: 'gibbon-vol2.txt', contentBase64: b64(readFileSync(VOL2)), format: 'text' }))
    const list = ok(await api.suggestMentions({ documentId: doc.id }))
    expect(list.length).toBeGreaterThan(1000)
    expect(passes()).toBe(1)
    const name = list.find((s) => s.source === 'nlp' && s.type === 'person' && !s.entityId)!
    const accepted = ok(await api.acceptSuggestion({ documentId: doc.id, start: name.start, end: name.end, type: 'person' }))
    const date = list.find((s) => s.source === 'date')!
    ok(await api.rejectSuggestion({ documentId: doc.id, start: date.start, end: date.end }))
    ok(await api.linkAll({ entityId: accepted.entity.id, documentId: doc.id }))
    expect(passes()).toBe(1)
    const updated = applySuggestionUpdate(list, accepted.suggestions!)
    expect(updated.some((s) => s.start === name.start && s.end === name.end)).toBe(false)
    expect(updated.length).toBeGreaterThan(1000)
  }, 600_000) // one NLP pass over a whole book: about a minute alone, several on a shared loaded machine
})

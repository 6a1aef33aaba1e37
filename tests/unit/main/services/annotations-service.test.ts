import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ProjectSession } from '../../../../src/main/services/project-session'
import { CodePointIndex } from '../../../../src/shared/text/code-points'
import { SEED_PATH, tempDir } from '../../../helpers/temp-dir'

let session: ProjectSession
let cleanup: () => void
let docId: string

async function importText(name: string, text: string): Promise<string> {
  const r = await session.api.importDocument({ fileName: name, contentBase64: Buffer.from(text).toString('base64') })
  if (!r.ok) throw new Error(r.error.message)
  return r.value.id
}

beforeEach(async () => {
  const t = tempDir()
  cleanup = t.cleanup
  session = await ProjectSession.open(t.dir, { create: true })
  docId = await importText('john-vii-palaiologos.txt', readFileSync(SEED_PATH, 'utf8'))
})
afterEach(async () => {
  await session.close()
  cleanup()
})

describe('annotations', () => {
  it('stores code point offsets whose slice equals the quote (Greek, combining marks, astral)', async () => {
    const other = await importText('mixed.txt', 'Before 𝔊𝔊 Ιωάννης Ζ\' Παλαιολόγος, q\u0323uiet 🏛 after.')
    const text = (await session.api.getDocument({ id: other }))
    if (!text.ok) throw new Error()
    const index = new CodePointIndex(text.value.text)
    for (const quote of ["Ιωάννης Ζ' Παλαιολόγος", 'q\u0323uiet 🏛', '𝔊𝔊']) {
      const r = await session.api.annotateQuote({ documentId: other, quote })
      expect(r.ok).toBe(true)
      if (!r.ok) continue
      expect(r.value.target.exact).toBe(quote)
      expect(index.slice(r.value.target.start, r.value.target.end)).toBe(quote)
    }
    const astral = await session.api.annotateQuote({ documentId: other, quote: '𝔊𝔊' })
    if (astral.ok) expect(astral.value.target.start).toBe(7) // 7 code points precede it, 7 UTF-16 units too
    const greek = await session.api.annotateQuote({ documentId: other, quote: 'Ιωάννης' })
    if (greek.ok) expect(greek.value.target.start).toBe(10) // after "Before 𝔊𝔊 ": 10 code points, 12 UTF-16 units
  })

  it('widens a selection that splits a grapheme instead of storing half a character', async () => {
    const other = await importText('marks.txt', 'aq\u0323b')
    const r = await session.api.createAnnotation({ documentId: other, start: 1, end: 2 })
    expect(r.ok && r.value.target.exact).toBe('q\u0323')
  })

  it('refuses a quote that is absent, or ambiguous without --occurrence, instead of guessing', async () => {
    const absent = await session.api.annotateQuote({ documentId: docId, quote: 'Napoleon' })
    expect(absent).toMatchObject({ ok: false, error: { code: 'not-found' } })
    const ambiguous = await session.api.annotateQuote({ documentId: docId, quote: 'Bayezid' })
    expect(ambiguous).toMatchObject({ ok: false, error: { code: 'ambiguous' } })
    const second = await session.api.annotateQuote({ documentId: docId, quote: 'Bayezid', occurrence: 2 })
    expect(second.ok && second.value.target.suffix.startsWith(' confirmed John VII')).toBe(true)
    const tooFar = await session.api.annotateQuote({ documentId: docId, quote: 'Bayezid', occurrence: 9 })
    expect(tooFar).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('rejects malformed arguments with the field named', async () => {
    const r = await session.call('createAnnotation', { documentId: docId, start: -1, end: 3 })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    if (!r.ok) expect(r.error.message).toMatch(/start/)
    expect(await session.call('noSuchMethod', {})).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await session.call('createAnnotation', { documentId: docId, start: 5, end: 999999 })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  })

  it('lists the annotations overlapping a window of the text (the first screens), the same records as the whole list', async () => {
    const value = <T>(r: { ok: true; value: T } | { ok: false }): T => { if (!r.ok) throw new Error('call failed'); return r.value }
    const made = []
    for (const [start, end] of [[0, 5], [10, 40], [35, 60], [60, 70], [200, 230]]) made.push(value(await session.api.createAnnotation({ documentId: docId, start, end })))
    const all = value(await session.api.listAnnotations({ documentId: docId }))
    const window = value(await session.api.listAnnotations({ documentId: docId, start: 38, end: 60 }))
    // [10, 40) and [35, 60) overlap [38, 60); [60, 70) touches only its end (excluded), [0, 5) and [200, 230) lie outside.
    expect(window.map((a) => a.id)).toEqual([made[1].id, made[2].id])
    expect(window).toEqual(all.filter((a) => window.some((w) => w.id === a.id)))
    expect(value(await session.api.listAnnotations({ documentId: docId, start: 0, end: 1 })).map((a) => a.id)).toEqual([made[0].id])
  })

  it('gives a window its first screens in one answer: the document asked for (else the first text) with the first part of its text and the annotations before `end`', async () => {
    const value = <T>(r: { ok: true; value: T } | { ok: false }): T => { if (!r.ok) throw new Error('call failed'); return r.value }
    const near = value(await session.api.createAnnotation({ documentId: docId, start: 10, end: 20 }))
    value(await session.api.createAnnotation({ documentId: docId, start: 500, end: 510 }))
    const other = await importText('other.txt', 'Another text.\n')
    const seedText = value(await session.api.getDocument({ id: docId })).text
    // No id: the first text in import order; annotations overlapping [0, 100) only.
    const first = value(await session.api.getFirstScreens({ end: 100 }))
    expect(first?.document.id).toBe(docId)
    expect(first?.annotations.map((a) => a.id)).toEqual([near.id])
    // Only the text's first part: [0, 100) moved on to the end of the block it falls in.
    expect(first?.whole).toBe(false)
    expect(seedText.startsWith(first!.text)).toBe(true)
    const cut = [...first!.text].length
    expect(cut).toBeGreaterThanOrEqual(100)
    expect(first!.document.structure.some((b) => b.kind !== 'page' && b.kind !== 'line' && b.end === cut && b.start < 100)).toBe(true)
    expect(first?.document).not.toHaveProperty('text')
    // Asked far enough, the whole text.
    const all = value(await session.api.getFirstScreens({ end: 1_000_000 }))
    expect(all?.whole).toBe(true)
    expect(all?.text).toBe(seedText)
    // The document asked for; one that is gone falls back to the first text.
    expect(value(await session.api.getFirstScreens({ id: other, end: 100 }))).toMatchObject({ text: 'Another text.\n', whole: true })
    expect(value(await session.api.getFirstScreens({ id: 'doc_gone', end: 100 }))?.document.id).toBe(docId)
    // A project without documents: nothing to show.
    value(await session.api.deleteDocument({ id: docId }))
    value(await session.api.deleteDocument({ id: other }))
    expect(value(await session.api.getFirstScreens({ end: 100 }))).toBeNull()
  })

  it('lists in document order, gives new tags colours, and undoes/redoes create, edit and delete', async () => {
    const later = await session.api.annotateQuote({ documentId: docId, quote: 'Battle of Ankara', tags: ['event'] })
    const earlier = await session.api.annotateQuote({ documentId: docId, quote: 'Keratsa of Bulgaria', tags: ['person'] })
    if (!later.ok || !earlier.ok) throw new Error('setup')
    const list = await session.api.listAnnotations({ documentId: docId })
    expect(list.ok && list.value.map((a) => a.id)).toEqual([earlier.value.id, later.value.id])
    const tags = await session.api.listTags({})
    expect(tags.ok && new Set(tags.value.map((t) => t.color)).size).toBe(2)

    await session.api.updateAnnotation({ id: earlier.value.id, note: 'mother' })
    await session.api.deleteAnnotation({ id: later.value.id })
    const count = async () => { const r = await session.api.listAnnotations({}); return r.ok ? r.value.length : -1 }
    expect(await count()).toBe(1)
    await session.api.undo({}) // delete
    expect(await count()).toBe(2)
    await session.api.undo({}) // edit
    const reverted = await session.api.listAnnotations({ documentId: docId })
    expect(reverted.ok && reverted.value[0].note).toBe('')
    const redone = await session.api.redo({})
    expect(redone.ok && redone.value.canRedo).toBe(true)
    const edited = await session.api.listAnnotations({ documentId: docId })
    expect(edited.ok && edited.value[0].note).toBe('mother')
  })

  it("keeps each document's list current across create, edit, delete, undo and redo (the per-document lists follow the store)", async () => {
    const other = await importText('other.txt', 'Another text about Manuel II and the siege of Constantinople.')
    const value = <T>(r: { ok: true; value: T } | { ok: false }): T => { if (!r.ok) throw new Error('call failed'); return r.value }
    /** The per-document list against the whole project's list, filtered and sorted afresh. */
    const check = async () => {
      const all = value(await session.api.listAnnotations({}))
      for (const d of [docId, other]) {
        const listed = value(await session.api.listAnnotations({ documentId: d }))
        expect(listed).toEqual(all.filter((a) => a.documentId === d))
        expect(value(await session.api.listAnnotations({ documentId: d, start: 0, end: 12 }))).toEqual(listed.filter((a) => a.target.start < 12))
      }
      return all.length
    }
    expect(await check()).toBe(0) // read once: the lists are made
    const a = value(await session.api.createAnnotation({ documentId: docId, start: 30, end: 40 }))
    const b = value(await session.api.createAnnotation({ documentId: other, start: 8, end: 15, note: 'Manuel' }))
    expect(await check()).toBe(2)
    value(await session.api.updateAnnotation({ id: a.id, note: 'changed' }))
    expect(value(await session.api.listAnnotations({ documentId: docId }))[0].note).toBe('changed')
    value(await session.api.deleteAnnotation({ id: b.id }))
    expect(await check()).toBe(1)
    value(await session.api.undo({})) // the delete
    expect(await check()).toBe(2)
    value(await session.api.undo({})) // the edit
    expect(value(await session.api.listAnnotations({ documentId: docId }))[0].note).toBe('')
    value(await session.api.redo({}))
    expect(value(await session.api.listAnnotations({ documentId: docId }))[0].note).toBe('changed')
    expect(await check()).toBe(2)
  })

  it('emits a change event for every edit', async () => {
    const events: string[] = []
    session.onChange((e) => events.push(...e.collections))
    await session.api.annotateQuote({ documentId: docId, quote: 'Keratsa of Bulgaria', tags: ['x'] })
    expect(events).toEqual(expect.arrayContaining(['annotations', 'tags']))
  })

  it('refuses a non-UTF-8 import naming the file and stores nothing', async () => {
    const before = await session.api.listDocuments({})
    const r = await session.api.importDocument({ fileName: 'latin1.txt', contentBase64: Buffer.from([0x50, 0xe6, 0x6c]).toString('base64') })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-file' } })
    if (!r.ok) expect(r.error.message).toMatch(/^latin1\.txt: not valid UTF-8/)
    const after = await session.api.listDocuments({})
    expect(after).toEqual(before)
  })
})

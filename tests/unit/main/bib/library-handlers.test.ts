/**
 * Editing the library by hand (issue 13 item 11): a new item from what was typed, two items merged
 * (links move to the survivor, undoable), and a Language field that keeps German titles out of
 * English title case in Chicago.
 */
import { describe, expect, it } from 'vitest'
import { b64, ok, projectPerTest } from '../../../helpers/project-per-test'

const t = projectPerTest({ withSeed: true })

const api = () => t.session.api

describe('new item from typed text', () => {
  const typed = 'Elizabeth A. Zachariadou, "John VII (Alias Andronicus) Palaeologus", Dumbarton Oaks Papers, 31 (1977), pp. 339-342'

  it('reads a full reference into the item\'s fields, keeps the locator apart, and does not create a duplicate', async () => {
    const draft = ok(await api().parseReference({ text: typed }))
    expect(draft).toMatchObject({
      item: { type: 'article-journal', title: 'John VII (Alias Andronicus) Palaeologus', 'container-title': 'Dumbarton Oaks Papers', volume: '31', author: [{ family: 'Zachariadou', given: 'Elizabeth A.' }] },
      locator: 'pp. 339-342'
    })
    expect(ok(await api().listCitations({}))).toEqual([])
    const made = ok(await api().createCitationFromText({ text: typed }))
    expect(made).toMatchObject({ created: true, locator: 'pp. 339-342', citation: { item: { title: 'John VII (Alias Andronicus) Palaeologus', issued: { 'date-parts': [[1977]] } } } })
    expect(ok(await api().parseReference({ text: typed })).duplicateOf).toBe(made.citation.id)
    const again = ok(await api().createCitationFromText({ text: typed }))
    expect(again).toMatchObject({ created: false, citation: { id: made.citation.id } })
    expect(ok(await api().listCitations({}))).toHaveLength(1)
  })

  it('makes a few typed words the title, in the language given', async () => {
    const made = ok(await api().createCitationFromText({ text: 'Geschichte des byzantinischen Staates', language: 'ngerman' }))
    expect(made.citation.item).toMatchObject({ title: 'Geschichte des byzantinischen Staates', language: 'de' })
    expect(made.citation.item.author).toBeUndefined()
    const bad = await api().createCitationFromText({ text: 'Something', language: 'not a language!' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/^language: "not a language!" is not a language tag/) } })
  })
})

describe('Language field', () => {
  it('keeps a German title as written in Chicago notes and bibliography; without it the title gets English title case', async () => {
    const german = ok(await api().createCitation({ item: { type: 'book', title: 'Geschichte des byzantinischen Staates', language: 'de', author: [{ family: 'Ostrogorsky', given: 'Georg' }], issued: { 'date-parts': [[1963]] } } }))
    const unmarked = ok(await api().createCitation({ item: { type: 'book', title: 'Geschichte des byzantinischen Reiches', author: [{ family: 'Ostrogorsky', given: 'Georg' }], issued: { 'date-parts': [[1940]] } } }))
    ok(await api().annotateQuote({ documentId: t.docId, quote: 'Bayezid I', occurrence: 1, citations: [{ citationId: german.id, locator: 'p. 3' }, { citationId: unmarked.id, locator: 'p. 4' }] }))
    const notes = ok(await api().formatNotes({ documentId: t.docId, style: 'chicago-notes-bibliography' }))
    expect(notes[0].text).toContain('Geschichte des byzantinischen Staates')
    expect(notes[1].text).toContain('Geschichte Des Byzantinischen Reiches')
    const bib = ok(await api().formatBibliography({ style: 'chicago-author-date' }))
    expect(bib.text).toContain('Geschichte des byzantinischen Staates')
    // The field is edited like any other, and checked.
    const edited = ok(await api().updateCitation({ id: unmarked.id, item: { ...unmarked.item, language: 'german' } }))
    expect(edited.item.language).toBe('de')
    expect(await api().updateCitation({ id: unmarked.id, item: { ...unmarked.item, language: '12' } })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  }, 120_000)
})

describe('merging two items by hand', () => {
  it('moves every link to the survivor (links at one locator join), fills its missing fields, deletes the other; one undo restores all', async () => {
    const bib = ok(await api().importBibliography({ fileName: 'a.bib', contentBase64: b64('@article{z, title={John VII (Alias Andronicus) Palaeologus}, author={Zachariadou, Elizabeth A.}, journal={Dumbarton Oaks Papers}, year={1977}}\n') }))
    const ris = ok(await api().importBibliography({ fileName: 'b.ris', contentBase64: b64('TY  - JOUR\nAU  - Zacharíadou, Elizabeth\nTI  - Ioannes VII (alias Andronikos) Palaiologos\nJO  - Dumbarton Oaks Papers\nVL  - 31\nSP  - 339\nEP  - 342\nPY  - 1977\nER  - \n') }))
    const [into, from] = [bib.citationIds[0], ris.citationIds[0]]
    expect(ris.imported).toBe(1) // transliterated title: not recognised as the same work
    const verdict = { status: 'supported' as const, discrepancies: [], note: 'checked', by: 'me', at: '2026-01-01T00:00:00.000Z' }
    const a = ok(await api().annotateQuote({ documentId: t.docId, quote: 'Bayezid I', occurrence: 1, citations: [{ citationId: from, locator: 'p. 340' }] }))
    const b = ok(await api().annotateQuote({ documentId: t.docId, quote: 'Selymbria', occurrence: 1, citations: [{ citationId: into, locator: 'p. 341' }, { citationId: from, locator: 'p. 341' }] }))
    // The verdict lives on the merged-away item's link.
    const stored = t.session.store.data.annotations[b.id]
    await t.session.store.transact('verdict', (tx) => tx.put('annotations', { ...stored, citations: [stored.citations[0], { ...stored.citations[1], verification: verdict }] }))
    const before = JSON.stringify(t.session.store.data)

    const merge = ok(await api().mergeCitations({ into, from }))
    expect(merge).toMatchObject({ movedLinks: 2, annotations: 2, addedFields: expect.arrayContaining(['volume', 'page']) })
    expect(merge.citation.item).toMatchObject({ title: 'John VII (Alias Andronicus) Palaeologus', volume: '31', page: '339-342' })
    expect(t.session.store.data.citations[from]).toBeUndefined()
    expect(t.session.store.data.annotations[a.id].citations).toEqual([{ citationId: into, locator: 'p. 340' }])
    expect(t.session.store.data.annotations[b.id].citations).toEqual([{ citationId: into, locator: 'p. 341', verification: verdict }])
    // Both passages are now listed under the survivor (in the order of the text).
    expect(ok(await api().listCitingPassages({ citationId: into })).map((p) => p.locator).sort()).toEqual(['p. 340', 'p. 341'])

    ok(await api().undo({}))
    expect(JSON.stringify(t.session.store.data)).toBe(before)
    expect(await api().mergeCitations({ into, from: into })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  })

  it('keeps the fields the historian chose from either side, and moves the document record of the merged-away item; one undo restores all', async () => {
    const into = ok(await api().createCitation({ item: { type: 'article-journal', title: 'John VII (Alias Andronicus) Palaeologus', author: [{ family: 'Zachariadou', given: 'Elizabeth A.' }], volume: '31', issued: { 'date-parts': [[1977]] } } }))
    const from = ok(await api().createCitation({ item: { type: 'article-journal', title: 'Ioannes VII (alias Andronikos) Palaiologos', author: [{ family: 'Zacharíadou', given: 'Elizabeth' }], page: '339-342', language: 'en' } }))
    ok(await api().updateDocumentMetadata({ id: t.docId, citationId: from.id }))
    const a = ok(await api().annotateQuote({ documentId: t.docId, quote: 'Bayezid I', occurrence: 1, citations: [{ citationId: from.id, locator: 'p. 340' }] }))
    const before = JSON.stringify(t.session.store.data)

    // Title and author from the merged-away item, volume and date from the kept one, its page; no language.
    const chosen = { type: 'article-journal', title: from.item.title, author: from.item.author, volume: '31', issued: into.item.issued, page: '339-342' }
    const merge = ok(await api().mergeCitations({ into: into.id, from: from.id, item: chosen }))
    expect(merge).toMatchObject({ removed: from.id, movedLinks: 1, annotations: 1, documents: 1 })
    expect(merge.addedFields.sort()).toEqual(['author', 'page', 'title'])
    const kept = t.session.store.data.citations[into.id].item
    expect(kept).toEqual({ ...chosen, id: into.id })
    expect(t.session.store.data.annotations[a.id].citations).toEqual([{ citationId: into.id, locator: 'p. 340' }])
    expect(t.session.store.data.documents[t.docId].metadata.citationId).toBe(into.id)
    expect(t.session.store.data.citations[from.id]).toBeUndefined()

    ok(await api().undo({}))
    expect(JSON.stringify(t.session.store.data)).toBe(before)
    // A chosen item is checked like any other: a language that is none is refused, and nothing changes.
    expect(await api().mergeCitations({ into: into.id, from: from.id, item: { ...chosen, language: '12' } })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(JSON.stringify(t.session.store.data)).toBe(before)
  })
})

import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { b64, ok, projectPerTest } from '../../../helpers/project-per-test'
import { corpusPath } from '../../../helpers/temp-dir'

const t = projectPerTest({ withSeed: true })

describe('bibliography import', () => {
  const bib = '@article{z77, title={John VII (Alias Andronicus) Palaeologus}, author={Zachariadou, Elizabeth A.}, journal={Dumbarton Oaks Papers}, volume={31}, year={1977}}\n' +
    '@book{broken, title={Oops, year={2000}\n' +
    '@book{n09, title={Byzantium between the Ottomans and the Latins}, author={Necipo{\\u g}lu, Nevra}, year={2009}}\n'

  it('imports good entries, reports the bad one by line and key, and merges on re-import', async () => {
    const first = ok(await t.session.api.importBibliography({ fileName: 'a.bib', contentBase64: b64(bib) }))
    expect(first).toMatchObject({ format: 'bibtex', read: 2, imported: 2, merged: 0 })
    expect(first.skipped).toMatchObject([{ line: 2, key: 'broken' }])
    const again = ok(await t.session.api.importBibliography({ fileName: 'b.bib', contentBase64: b64(bib.replace('volume={31}', 'volume={31}, pages={339--342}')) }))
    expect(again).toMatchObject({ imported: 0, merged: 2 })
    expect(again.mergedDetails[0].added).toEqual(['page'])
    const list = ok(await t.session.api.listCitations({}))
    expect(list.map((c) => c.label)).toEqual(['Necipoğlu 2009 · Byzantium between the Ottomans and the Latins', 'Zachariadou 1977 · John VII (Alias Andronicus) Palaeologus'])
    expect(list[1].item.page).toBe('339-342')
  })

  it('says which duplicates were within the file and which merged with items the project had', async () => {
    const within = bib + '@article{z77again, title={John VII (alias Andronicus) Palaeologus}, author={Zachariadou, E. A.}, journal={Dumbarton Oaks Papers}, year={1977}, pages={339--342}}\n'
    const first = ok(await t.session.api.importBibliography({ fileName: 'a.bib', contentBase64: b64(within) }))
    expect(first).toMatchObject({ imported: 2, merged: 1, duplicatesInFile: 1, mergedWithExisting: 0 })
    expect(first.mergedDetails[0]).toMatchObject({ key: 'z77again', within: 'file' })
    expect(first.summary).toBe('2 items imported from a.bib; 1 duplicate within the file merged; 1 entry skipped (see the list).')
    const again = ok(await t.session.api.importBibliography({ fileName: 'b.bib', contentBase64: b64(bib) }))
    expect(again).toMatchObject({ imported: 0, merged: 2, duplicatesInFile: 0, mergedWithExisting: 2 })
    expect(again.summary).toBe('0 items imported from b.bib; 2 merged with existing items; 1 entry skipped (see the list).')
  })

  it('changes nothing when the file is unusable', async () => {
    const before = JSON.stringify(t.session.store.data)
    const r = await t.session.api.importBibliography({ fileName: 'x.bib', contentBase64: b64(Buffer.from([0x40, 0xff, 0xfe, 0x7b])) })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatchObject({ code: 'invalid-file' })
    expect(JSON.stringify(t.session.store.data)).toBe(before)
  })

  it.skipIf(!existsSync(corpusPath('bib/miletus')))('imports the Miletus RIS file (bare CR line ends) with Greek intact', async () => {
    const bytes = readFileSync(corpusPath('bib/miletus/Milet_Bibliography_RIS.ris'))
    const r = ok(await t.session.api.importBibliography({ fileName: 'Milet_Bibliography_RIS.ris', contentBase64: b64(bytes) }))
    expect(r).toMatchObject({ format: 'ris', read: 1394, imported: 1392, merged: 2, skipped: [] })
    const items = ok(await t.session.api.listCitations({}))
    expect(items.some((c) => String(c.item.abstract ?? '').includes('Ἑστία'))).toBe(true)
  })
})

describe('references in the text', () => {
  it('accepts the glued Zachariadou reference: one undoable edit creating the item and the citing highlight', async () => {
    const proposals = ok(await t.session.api.extractReferences({ documentId: t.docId }))
    expect(proposals).toHaveLength(2)
    const z = proposals[0]
    const accepted = ok(await t.session.api.acceptReference({ documentId: t.docId, proposalId: z.id }))
    expect(accepted.createdCitation).toBe(true)
    expect(accepted.citation.item).toMatchObject({ title: 'John VII (Alias Andronicus) Palaeologus', 'container-title': 'Dumbarton Oaks Papers', volume: '31', page: '339-342' })
    expect(accepted.annotation.target).toMatchObject({ start: z.claim.start, end: z.claim.end, exact: z.claim.exact })
    expect(accepted.annotation.citations).toEqual([{ citationId: accepted.citation.id, locator: 'pp. 339-342' }])
    const passages = ok(await t.session.api.listCitingPassages({ citationId: accepted.citation.id }))
    expect(passages).toMatchObject([{ annotationId: accepted.annotation.id, exact: z.claim.exact, locator: 'pp. 339-342' }])
    expect(ok(await t.session.api.extractReferences({ documentId: t.docId }))[0].accepted).toBe(true)
    // One edit: a single undo removes both the item and the highlight.
    ok(await t.session.api.undo({}))
    expect(Object.keys(t.session.store.data.citations)).toEqual([])
    expect(Object.keys(t.session.store.data.annotations)).toEqual([])
  })

  it('links a short reference to the matching project item with its locator, edited', async () => {
    const n = ok(await t.session.api.createCitation({ item: { type: 'book', title: 'Byzantium between the Ottomans and the Latins', author: [{ family: 'Necipoğlu', given: 'Nevra' }], issued: { 'date-parts': [[2009]] } } }))
    const p = ok(await t.session.api.extractReferences({ documentId: t.docId }))[1]
    expect(p.match?.ref).toBe(n.id)
    const r = ok(await t.session.api.acceptReference({ documentId: t.docId, proposalId: p.id, locator: 'p. 40' }))
    expect(r.createdCitation).toBe(false)
    expect(r.annotation.citations).toEqual([{ citationId: n.id, locator: 'p. 40' }])
    expect(ok(await t.session.api.listCitations({}))[0].citedBy).toBe(1)
  })

  it('does not propose a rejected reference again', async () => {
    const p = ok(await t.session.api.extractReferences({ documentId: t.docId }))[1]
    ok(await t.session.api.rejectReference({ documentId: t.docId, proposalId: p.id }))
    expect(ok(await t.session.api.extractReferences({ documentId: t.docId })).map((x) => x.id)).not.toContain(p.id)
    expect(ok(await t.session.api.extractReferences({ documentId: t.docId, includeRejected: true })).map((x) => x.id)).toContain(p.id)
  })

  it('deleting an item unlinks it from highlights in the same edit', async () => {
    const z = ok(await t.session.api.extractReferences({ documentId: t.docId }))[0]
    const { citation, annotation } = ok(await t.session.api.acceptReference({ documentId: t.docId, proposalId: z.id }))
    expect(ok(await t.session.api.deleteCitation({ id: citation.id }))).toEqual({ id: citation.id, unlinkedAnnotations: 1 })
    expect(t.session.store.data.annotations[annotation.id].citations).toEqual([])
  })
})

describe('formatted output', () => {
  it('formats the bibliography and the notes of a document in Chicago styles', async () => {
    for (const p of ok(await t.session.api.extractReferences({ documentId: t.docId }))) ok(await t.session.api.acceptReference({ documentId: t.docId, proposalId: p.id }))
    const bib = ok(await t.session.api.formatBibliography({ style: 'chicago-notes-bibliography' }))
    expect(bib.text).toContain('Zachariadou, Elizabeth A. “John VII (Alias Andronicus) Palaeologus.” Dumbarton Oaks Papers 31 (1977): 339–42.')
    expect(bib.entries.find((e) => e.text.startsWith('Zachariadou'))?.html).toContain('<i>Dumbarton Oaks Papers</i>')
    const notes = ok(await t.session.api.formatNotes({ documentId: t.docId, style: 'chicago-notes-bibliography' }))
    expect(notes.map((n) => n.number)).toEqual([1, 2])
    expect(notes[0].text).toBe('Elizabeth A. Zachariadou, “John VII (Alias Andronicus) Palaeologus,” Dumbarton Oaks Papers 31 (1977): 339–42.')
    expect(notes[1].text).toMatch(/Necipoglu.*39\.$/)
    const ad = ok(await t.session.api.formatNotes({ documentId: t.docId, style: 'chicago-author-date' }))
    expect(ad[1].text).toBe('(Necipoglu 2009, 39)')
  }, 120_000) // the first formatting compiles the CSL style: seconds, more on a loaded machine
})

/**
 * The formatted bibliography formats what is cited, item by item, kept per item and style
 * (issue 10 item 3): the library is not formatted unless asked by id; formatting again formats
 * only what changed; notes never wait behind a long bibliography.
 */
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { b64, ok, projectPerTest } from '../../../helpers/project-per-test'
import { formatCacheOf } from '../../../../src/main/bib/format-cache'
import { corpusPath } from '../../../helpers/temp-dir'

const t = projectPerTest({ withSeed: true })

const formatted = () => formatCacheOf(t.session.ctx).formattedItems

const BIB = `@article{z77a, title={John VII (Alias Andronicus) Palaeologus}, author={Zachariadou, Elizabeth A.}, journal={Dumbarton Oaks Papers}, volume={31}, year={1977}}
@article{z77b, title={Early Ottoman Documents}, author={Zachariadou, Elizabeth A.}, journal={Studi Veneziani}, volume={12}, year={1977}}
@book{n09, title={Byzantium between the Ottomans and the Latins}, author={Necipoglu, Nevra}, year={2009}, publisher={Cambridge University Press}}
`

describe('formatted bibliography', () => {
  it('formats the works cited, not the library; again, only what changed', async () => {
    const api = t.session.api
    const [z77a, z77b, n09] = ok(await api.importBibliography({ fileName: 'z.bib', contentBase64: b64(BIB) })).citationIds
    expect(ok(await api.formatBibliography({ style: 'chicago-notes-bibliography' })).entries).toEqual([])
    expect(formatted()).toBe(0)

    ok(await api.annotateQuote({ documentId: t.docId, quote: 'Bayezid I', occurrence: 1, citations: [{ citationId: n09, locator: 'p. 39' }] }))
    const one = ok(await api.formatBibliography({ style: 'chicago-notes-bibliography' }))
    expect(one.entries.map((e) => e.citationId)).toEqual([n09])
    expect(formatted()).toBe(1)
    ok(await api.formatBibliography({ style: 'chicago-notes-bibliography' }))
    expect(formatted()).toBe(1)

    // The whole library, by id: only the two items not formatted yet go to citeproc.
    const library = ok(await api.formatBibliography({ style: 'chicago-notes-bibliography', citationIds: [z77a, z77b, n09] }))
    expect(library.entries.map((e) => e.citationId)).toEqual([n09, z77b, z77a]) // Necipoglu; Zachariadou “Early…”, “John…”
    expect(formatted()).toBe(3)

    // An edited item is formatted again, alone.
    ok(await api.updateCitation({ id: n09, item: { ...t.session.store.data.citations[n09].item, title: 'Byzantium between the Ottomans and the Latins: Politics and Society' } }))
    const edited = ok(await api.formatBibliography({ style: 'chicago-notes-bibliography', citationIds: [z77a, z77b, n09] }))
    expect(edited.entries[0].text).toContain('Politics and Society')
    expect(formatted()).toBe(4)
  }, 120_000) // the first formatting compiles the CSL style: seconds, more on a loaded machine

  it('author-date: two works of one author and year become 1977a and 1977b even when one was kept alone before', async () => {
    const api = t.session.api
    const [z77a, z77b] = ok(await api.importBibliography({ fileName: 'z.bib', contentBase64: b64(BIB) })).citationIds
    expect(ok(await api.formatBibliography({ style: 'chicago-author-date', citationIds: [z77a] })).text).toMatch(/Zachariadou, Elizabeth A\. 1977\. “John/)
    const both = ok(await api.formatBibliography({ style: 'chicago-author-date', citationIds: [z77a, z77b] }))
    expect(both.entries.map((e) => e.text.slice(0, 35))).toEqual(['Zachariadou, Elizabeth A. 1977a. “E', 'Zachariadou, Elizabeth A. 1977b. “J'])
  }, 120_000) // the first formatting compiles the CSL style: seconds, more on a loaded machine

  const MILETUS = corpusPath('bib/miletus/Milet_Bibliography_BibTeX.bib')
  it.skipIf(!existsSync(MILETUS))('the open document\'s notes do not wait behind a long bibliography', async () => {
    const api = t.session.api
    const report = ok(await api.importBibliography({ fileName: 'milet.bib', contentBase64: b64(readFileSync(MILETUS)) }))
    ok(await api.annotateQuote({ documentId: t.docId, quote: 'Bayezid I', occurrence: 1, citations: [{ citationId: report.citationIds[0], locator: 'p. 3' }] }))
    ok(await api.formatNotes({ documentId: t.docId, style: 'chicago-author-date' })) // compiles the style
    const order: string[] = []
    const bib = api.formatBibliography({ style: 'chicago-author-date', citationIds: report.citationIds.slice(0, 150) }).then((r) => {
      order.push('bibliography')
      return r
    })
    await new Promise((r) => setTimeout(r, 50))
    const notes = await t.session.call('formatNotes', { documentId: t.docId, style: 'chicago-notes-bibliography' }).then((r) => {
      order.push('notes')
      return r
    })
    expect(notes.ok).toBe(true)
    expect(order).toEqual(['notes'])
    expect(ok(await bib).entries).toHaveLength(150)
    expect(order).toEqual(['notes', 'bibliography'])
  }, 300_000)
})

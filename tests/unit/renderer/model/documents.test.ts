/**
 * Documents as records through the project model (against the real services): a rename and a
 * metadata edit show in the model as soon as the write returns, before their change event; a
 * deletion closes the document and its undo brings it back; an import run as a job can be
 * cancelled and adds nothing; "go to cited page" resolves a page locator against the printed
 * page labels of a document's structure, not its page positions.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DocumentWithText } from '../../../../src/shared/model'
import { CodePointIndex } from '../../../../src/shared/text/code-points'
import { locateInDocument, sourceDocumentOf, unresolvedMessage } from '../../../../src/renderer/lib/document-locator'
import type { ProjectModel } from '../../../../src/renderer/model/project-model'
import { type CountingTransport, type Seeded, seededModel, settle } from './session-transport'

let ctx: Seeded
let model: ProjectModel
let transport: CountingTransport
let seedId: string

beforeEach(async () => {
  ctx = await seededModel()
  ;({ model, transport, seedId } = ctx)
})
afterEach(() => ctx.close())

describe('documents as records in the model', () => {
  it('shows a rename and a metadata edit when the write returns, without reading the document again', async () => {
    transport.calls.length = 0
    await model.mutate('renameDocument', { id: seedId, title: 'John VII, emperor' })
    expect(model.documents.get(seedId)?.title).toBe('John VII, emperor')
    await settle(20) // the rename's own event (an event arriving during a write counts as newer than it)
    await model.mutate('updateDocumentMetadata', { id: seedId, author: 'Wikipedia contributors', language: 'en' })
    expect(model.documents.get(seedId)?.metadata).toMatchObject({ author: 'Wikipedia contributors', language: 'en' })
    await settle(20)
    expect(model.open?.doc.title).toBe('John VII, emperor')
    expect(model.open?.doc.text.length).toBeGreaterThan(1000) // the text kept, not re-read
    expect(transport.calls).toEqual(['renameDocument', 'updateDocumentMetadata'])
  })

  it('closes a deleted document and brings it back with its highlights on undo', async () => {
    await model.mutate('annotateQuote', { documentId: seedId, quote: 'Battle of Ankara' })
    await model.mutate('deleteDocument', { id: seedId })
    await settle(20)
    expect(model.documents.size).toBe(0)
    expect(model.open).toBeUndefined()
    await model.mutate('undo', {})
    await settle(20)
    expect([...model.documents.keys()]).toEqual([seedId])
    await model.openDocument(seedId)
    expect(model.open?.annotations.all.map((a) => a.target.exact)).toEqual(['Battle of Ankara'])
  })

  it('opens the document asked for even when the project is read again meanwhile (an import announced as a reload)', async () => {
    const other = await ctx.importText('note.txt', 'A note\n\nManuel II left John VII as regent in 1399.\n')
    await settle(20)
    const opening = model.openDocument(other)
    const reading = model.resync()
    await Promise.all([opening, reading])
    expect(model.open?.doc.id).toBe(other)
  })

  it('answers inspectImport with the candidate decodings of a file that is not UTF-8', async () => {
    const bytes = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]) // "Café" in Windows-1252
    const preview = await model.inspectImport({ fileName: 'cafe.txt', contentBase64: bytes.toString('base64') })
    expect(preview.encoding?.utf8).toBe(false)
    expect(preview.encoding?.candidates.find((c) => c.encoding === 'windows-1252')?.preview).toContain('Café')
  })
})

describe('go to cited page', () => {
  const text = 'Front matter.\nPage thirty-seven.\nPage thirty-eight.\nPage thirty-nine.\n'
  const index = new CodePointIndex(text)
  const starts = [0, 14, 33, 52]
  const doc = {
    id: 'd1', title: 'Embassies', text, metadata: { categories: [] },
    structure: [
      { kind: 'paragraph', start: 0, end: text.length },
      ...['xii', '37', '38', '39'].map((label, i) => ({ kind: 'page', start: starts[i], end: starts[i + 1] ?? text.length, label }))
    ]
  } as unknown as DocumentWithText

  it('finds a page by its printed label, not its position', () => {
    const [r] = locateInDocument(doc, index, 'p. 38').ranges
    expect(index.slice(r.start, r.end)).toBe('Page thirty-eight.\n')
    expect(r.label).toBe('p. 38')
    expect(index.slice(locateInDocument(doc, index, 'p. xii').ranges[0].start, 13)).toBe('Front matter.')
  })

  it('says which pages a document has when the locator names none of them', () => {
    expect(locateInDocument(doc, index, 'p. 4').ranges).toEqual([])
    expect(unresolvedMessage(doc, 'p. 4')).toBe('“p. 4” is not in “Embassies”: its pages are labelled xii to 39.')
  })

  it('finds the source of an item: its attached source first, else the document that says it is that item', () => {
    const a = { ...doc, id: 'a', metadata: { categories: [], citationId: 'c1' } }
    const b = { ...doc, id: 'b', metadata: { categories: [] } }
    expect(sourceDocumentOf('c1', undefined, [b, a])?.id).toBe('a')
    expect(sourceDocumentOf('c1', 'b', [b, a])?.id).toBe('b')
    expect(sourceDocumentOf('c2', undefined, [b, a])).toBeUndefined()
  })
})

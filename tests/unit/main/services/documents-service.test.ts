import { existsSync, readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ProjectSession } from '../../../../src/main/services/project-session'
import { scanPage } from '../../../helpers/make-documents'
import { corpusPath, tempDir } from '../../../helpers/temp-dir'

let session: ProjectSession
let cleanup: () => void
const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64')
const value = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}
const api = () => session.api
const KERVEGAN = corpusPath('tei/froissart-kervegan/froissart.xml')

beforeEach(async () => {
  const t = tempDir()
  cleanup = t.cleanup
  session = await ProjectSession.open(t.dir, { create: true })
})
afterEach(async () => {
  await session.close()
  cleanup()
})

describe('a TEI edition arrives pre-annotated, in one undoable import', () => {
  it('makes an annotation per name, linked to new entities, and undo takes document, annotations and entities back together', async () => {
    const doc = value(await api().importDocument({ fileName: 'froissart.xml', contentBase64: b64(readFileSync(KERVEGAN)) }))
    expect(doc.report).toMatchObject({ pages: 3, preAnnotations: 66, entitiesCreated: 27, entitiesReused: 0 })
    const annotations = value(await api().listAnnotations({ documentId: doc.id }))
    expect(annotations).toHaveLength(66)
    const entities = value(await api().listEntities({}))
    const berry = entities.find((e) => e.label === 'Jean de Berry')!
    expect(berry.type).toBe('person')
    const first = annotations.find((a) => a.target.start === 0 || a.target.exact === 'duc de Berry')!
    expect(first).toMatchObject({ target: { exact: 'duc de Berry' }, entityIds: [berry.id], tags: ['source markup'], status: 'anchored' })
    expect(value(await api().listEntities({ type: 'place' })).map((e) => e.label)).toContain('Avignon')
    expect(session.store.history.state()).toMatchObject({ canUndo: true, undoLabel: 'Import froissart.xml' })
    value(await api().undo({}))
    expect(value(await api().listDocuments({}))).toEqual([])
    expect(value(await api().listAnnotations({}))).toEqual([])
    expect(value(await api().listEntities({}))).toEqual([])
  })

  it('links names to entities the project already has: by authority id, and by the register’s label on a second import', async () => {
    const q = value(await api().createEntity({ type: 'person', label: 'John VII Palaiologos', authorities: [{ scheme: 'wikidata', id: 'Q37043' }] }))
    const tei = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Letter</title></titleStmt></fileDesc></teiHeader><text><body><p><persName ref="https://www.wikidata.org/wiki/Q37043">Iohannes</persName> wrote to Venice.</p></body></text></TEI>`
    const letter = value(await api().importDocument({ fileName: 'letter.xml', contentBase64: b64(tei) }))
    expect(letter.report).toMatchObject({ preAnnotations: 1, entitiesCreated: 0, entitiesReused: 1 })
    expect(value(await api().listAnnotations({ documentId: letter.id }))[0].entityIds).toEqual([q.id])

    const bytes = b64(readFileSync(KERVEGAN))
    value(await api().importDocument({ fileName: 'froissart.xml', contentBase64: bytes }))
    const again = value(await api().importDocument({ fileName: 'froissart-copy.xml', contentBase64: bytes }))
    // 26 names point into the edition's register and are found again by its labels; one @ref
    // (#mdlx, a typo for the register's #mldx) points nowhere, so its name is a new entity each time.
    expect(again.report).toMatchObject({ preAnnotations: 66, entitiesCreated: 1, entitiesReused: 26 })
  })
})

describe('documents as records', () => {
  it('renames, edits metadata (the citation it is included) and deletes undoably; bad input changes nothing', async () => {
    const doc = value(await api().importDocument({ fileName: 'ducas.txt', contentBase64: b64('Ducas wrote of the siege.') }))
    value(await api().annotateQuote({ documentId: doc.id, quote: 'siege' }))
    expect(value(await api().renameDocument({ id: doc.id, title: 'Ducas, Historia' })).title).toBe('Ducas, Historia')
    const citationId = value(await api().importBibliography({ fileName: 'b.bib', contentBase64: b64('@book{ducas, title={Historia Turcobyzantina}, author={Ducas}, year={1958}}') })).citationIds[0]
    const edited = value(await api().updateDocumentMetadata({ id: doc.id, author: 'Ducas', date: '1462~', source: 'ed. Grecu', citationId }))
    expect(edited.metadata).toMatchObject({ author: 'Ducas', date: '1462~', source: 'ed. Grecu', citationId })
    expect(value(await api().listDocuments({ citationId })).map((d) => d.id)).toEqual([doc.id])
    const cleared = value(await api().updateDocumentMetadata({ id: doc.id, source: '', citationId: null }))
    expect(cleared.metadata.source).toBeUndefined()
    expect(cleared.metadata.citationId).toBeUndefined()
    const bad = await api().updateDocumentMetadata({ id: doc.id, citationId: 'cit_nope' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'not-found', message: 'no citation with id cit_nope' } })
    expect(value(await api().getDocument({ id: doc.id })).metadata.author).toBe('Ducas')

    value(await api().deleteDocument({ id: doc.id }))
    expect(value(await api().listAnnotations({}))).toEqual([])
    value(await api().undo({}))
    expect(value(await api().getDocument({ id: doc.id })).title).toBe('Ducas, Historia')
    expect(value(await api().listAnnotations({ documentId: doc.id }))).toHaveLength(1)
  })

  it('inspects a file before import: encoding candidates with a proposal for non-UTF-8 text, a Gutenberg header', async () => {
    const latin = Buffer.from([...Buffer.from('Pal'), 0xe6, ...Buffer.from('ologus, C'), 0xe6, ...Buffer.from('sar')])
    const preview = value(await api().inspectImport({ fileName: 'gibbon-extract.txt', contentBase64: b64(latin) }))
    expect(preview).toMatchObject({ format: 'text', encoding: { utf8: false, proposed: 'windows-1252' } })
    expect(preview.encoding!.candidates[0].preview).toBe('Palæologus, Cæsar')
    const refused = await api().importDocument({ fileName: 'gibbon-extract.txt', contentBase64: b64(latin) })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-file' } })
    expect(value(await api().listDocuments({}))).toEqual([])
    const chosen = value(await api().importDocument({ fileName: 'gibbon-extract.txt', contentBase64: b64(latin), encoding: 'windows-1252' }))
    expect(chosen).toMatchObject({ length: 17, metadata: { encoding: 'windows-1252' }, report: { encoding: 'windows-1252' } })
    const pg = '\ufeffThe Project Gutenberg EBook of X\r\n\r\nTitle: X\r\n\r\n*** START OF THIS PROJECT GUTENBERG EBOOK X ***\r\n\r\nBody.\r\n\r\n*** END OF THIS PROJECT GUTENBERG EBOOK X ***\r\nLicence text.'
    expect(value(await api().inspectImport({ fileName: 'pg.txt', contentBase64: b64(pg) })).gutenberg).toMatchObject({ title: 'X' })
    const trimmed = value(await api().importDocument({ fileName: 'pg.txt', contentBase64: b64(pg), trimGutenberg: true }))
    expect(value(await api().getDocument({ id: trimmed.id })).text).toBe('Body.')
  })

  const miletus = corpusPath('bib/miletus/pdf/milet-bibliographie-by-year-pdf.pdf')
  it.skipIf(!existsSync(miletus))('runs an import as a job with progress by page, and a cancelled import leaves the project unchanged', async () => {
    const args = { fileName: 'milet.pdf', contentBase64: b64(readFileSync(miletus)) }
    const progress: string[] = []
    let t0 = performance.now()
    const done = await session.call('importDocument', args, { progress: (d, t, label) => progress.push(`${d}/${t} ${label}`) })
    const whole = performance.now() - t0
    expect(done.ok).toBe(true)
    expect(progress).toContain('38/102 reading page 39 of 102')
    const before = value(await api().getProjectInfo({})).counts

    // Cancelled once it is under way: the call ends at once, as cancelled, and nothing is stored.
    const controller = new AbortController()
    let pages = 0
    t0 = performance.now()
    const cancelled = session.call('importDocument', args, {
      signal: controller.signal,
      progress: () => ++pages === 5 && controller.abort()
    })
    expect(await cancelled).toMatchObject({ ok: false, error: { code: 'cancelled', message: 'import of milet.pdf cancelled; nothing was changed' } })
    expect(performance.now() - t0).toBeLessThan(whole)
    // The same through the job API.
    const job = value(await api().startJob({ method: 'importDocument', args }))
    expect(value(await api().cancelJob({ id: job.id })).status).toBe('cancelled')
    await new Promise((r) => setTimeout(r, whole + 500)) // longer than the import would take
    expect(value(await api().getProjectInfo({})).counts).toEqual(before)
  }, 60_000)

  it('keeps a scanned page’s image to show beside its text', async () => {
    const doc = value(await api().importDocument({ fileName: 'scan.png', contentBase64: b64(scanPage(['The walls of the city held.'])) }))
    expect(doc.metadata.pageImages).toHaveLength(1)
    const image = value(await api().getPageImage({ documentId: doc.id, page: 0 }))
    expect(image).toMatchObject({ mime: 'image/jpeg', width: 1600 })
    expect(Buffer.from(image.contentBase64, 'base64').subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]))
    expect(await api().getPageImage({ documentId: doc.id, page: 1 })).toMatchObject({ ok: false, error: { code: 'not-found' } })
  }, 60_000)
})

/**
 * The w3c service over a real project folder: W3C export of annotated seed → import into a fresh
 * project holding a copy of the seed → same targets and bodies; Hypothesis annotations of another
 * page are not attached to the open document: the report says their page is not in the project
 * (and which document holds their quotes, if any), and mapping the page places them; bad files
 * (not JSON, no annotations, negative positions) change nothing; the import is one undo.
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProjectSession } from '../../../../src/main/services/project-session'
import type { MarginaliaApi } from '../../../../src/shared/api'
import { recordIri } from '../../../../src/shared/export/w3c-ids'
import type { Result } from '../../../../src/shared/result'
import { corpusPath, SEED_PATH, tempDir } from '../../../helpers/temp-dir'
import { validateExport } from '../../../helpers/w3c-validate'

type J = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value
}
const b64 = (s: string | Uint8Array): string => Buffer.from(s).toString('base64')

describe.skipIf(!existsSync(SEED_PATH))('w3c service', () => {
  let dir: string
  let cleanup: () => void
  const sessions: ProjectSession[] = []
  const open = async (name: string): Promise<MarginaliaApi> => {
    const s = await ProjectSession.open(join(dir, name), { create: true, author: 'tester' })
    sessions.push(s)
    return s.api
  }
  const importSeed = async (api: MarginaliaApi): Promise<string> =>
    unwrap(await api.importDocument({ fileName: 'john-vii-palaiologos.txt', contentBase64: b64(await readFile(SEED_PATH)) })).id

  beforeAll(() => ({ dir, cleanup } = tempDir('marginalia-w3c-')))
  afterAll(async () => {
    for (const s of sessions) await s.close()
    cleanup()
  })

  it('export → import into a fresh copy of the seed gives the same targets and bodies', async () => {
    const a = await open('a')
    const docA = await importSeed(a)
    const john = unwrap(await a.createEntity({ type: 'person', label: 'John VII Palaiologos', authorities: [{ scheme: 'wikidata', id: 'Q312364' }] }))
    unwrap(await a.annotateQuote({ documentId: docA, quote: 'John VII Palaiologos', occurrence: 2, entityIds: [john.id], tags: ['emperor'], note: 'the "subject"' }))
    unwrap(await a.annotateQuote({ documentId: docA, quote: 'Ιωάννης Ζ\' Παλαιολόγος', color: '#3366ff' }))
    unwrap(await a.annotateQuote({ documentId: docA, quote: 'Selymbria', occurrence: 1, tags: ['place'] }))
    const exported = unwrap(await a.exportProject({ format: 'w3c', documentId: docA }))
    const col = JSON.parse(exported.files[0].content)
    expect(validateExport(col, [])).toEqual([])

    const b = await open('b')
    const docB = await importSeed(b)
    const result = unwrap(await b.importAnnotations({ documentId: docB, fileName: exported.files[0].name, contentBase64: b64(exported.files[0].content) }))
    expect(result).toMatchObject({ imported: 3, anchored: 3, orphaned: 0, createdEntities: 1 })
    const again = JSON.parse(unwrap(await b.exportProject({ format: 'w3c', documentId: docB })).files[0].content)
    const strip = (items: J[]) => items.map((i) => ({ body: i.body, selector: i.target.selector, styleClass: i.target.styleClass, stylesheet: i.stylesheet }))
    expect(strip(again.first.items)).toEqual(strip(col.first.items))
    const ent = unwrap(await b.listEntities({}))
    expect(ent.map((e) => [e.type, e.label, e.authorities.map((x) => x.uri), e.mentionCount])).toEqual([
      ['person', 'John VII Palaiologos', ['http://www.wikidata.org/entity/Q312364'], 1]
    ])
    expect(unwrap(await b.listTags({})).map((t) => t.id).sort()).toEqual(['emperor', 'place'])
  })

  it('does not attach annotations of a page the project lacks; mapped by the historian, they are kept as orphans with reasons; one undo removes them', async () => {
    const c = await open('c')
    const doc = await importSeed(c)
    const file = await readFile(corpusPath('anchoring/hypothesis-html-baselines/wikipedia-regression-testing.json'))
    const first = unwrap(await c.importAnnotations({ documentId: doc, fileName: 'wikipedia-regression-testing.json', contentBase64: b64(file) }))
    expect(first).toMatchObject({ imported: 0, orphaned: 0, documents: [] })
    expect(first.unmatched).toEqual([{ sourceIri: expect.stringMatching(/^https?:\/\//), annotations: 5 }])
    expect(unwrap(await c.listAnnotations({ documentId: doc }))).toHaveLength(0)
    expect(unwrap(await c.getHistory({})).undoLabel).toMatch(/^Import john-vii/)
    const page = first.unmatched[0].sourceIri
    const r = unwrap(await c.importAnnotations({ documentId: doc, fileName: 'wikipedia-regression-testing.json', contentBase64: b64(file), sourceMap: { [page]: doc } }))
    expect(r).toMatchObject({ imported: 5, orphaned: 5, unmatched: [], documents: [{ documentId: doc, imported: 5 }] })
    expect(r.orphans.every((o) => o.reason.length > 0)).toBe(true)
    const anns = unwrap(await c.listAnnotations({ documentId: doc }))
    expect(anns).toHaveLength(5)
    expect(anns.every((x) => x.status === 'orphaned')).toBe(true)
    expect(anns.map((x) => x.note).sort()).toEqual(['Body', 'Footer', 'Heading', 'Introduction', 'Quote'])
    unwrap(await c.undo({}))
    expect(unwrap(await c.listAnnotations({ documentId: doc }))).toHaveLength(0)
  })

  it('refuses a file that is not JSON or holds no annotations, changing nothing', async () => {
    const d = await open('d')
    const doc = await importSeed(d)
    const bad = await d.importAnnotations({ documentId: doc, fileName: 'x.json', contentBase64: b64('{ not json') })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-file' } })
    if (!bad.ok) expect(bad.error.message).toMatch(/^x\.json: not a JSON file/)
    const empty = await d.importAnnotations({ documentId: doc, fileName: 'e.json', contentBase64: b64('{"type":"AnnotationPage","items":[]}') })
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid-file' } })
    const nodoc = await d.importAnnotations({ documentId: 'doc_nope', fileName: 'e.json', contentBase64: b64('[]') })
    expect(nodoc).toMatchObject({ ok: false, error: { code: 'not-found' } })
    const negative = await d.importAnnotations({ documentId: doc, fileName: 'neg.json', contentBase64: b64(JSON.stringify([
      { type: 'Annotation', id: 'urn:x:1', target: { selector: [{ type: 'TextQuoteSelector', exact: 'John' }, { type: 'TextPositionSelector', start: -5, end: 4 }] } }
    ])) })
    expect(negative).toEqual({ ok: false, error: { code: 'invalid-file', message: 'neg.json: annotation urn:x:1: TextPositionSelector start is -5; positions count characters from 0, so none is negative; nothing was imported' } })
    expect(unwrap(await d.listAnnotations({}))).toHaveLength(0)
  })

  it('places each target in the document its source names; a source the project lacks gets the document holding its quotes as suggestion', async () => {
    const e = await open('e')
    const seed = await importSeed(e)
    const other = unwrap(await e.importDocument({ fileName: 'note.txt', contentBase64: b64('A note on the Zygos pass and the crusade of Varna.') })).id
    const projectId = sessions[sessions.length - 1].store.data.project.id
    const annotation = (source: string, exact: string) => ({ type: 'Annotation', bodyValue: `on ${exact}`, target: { source, selector: { type: 'TextQuoteSelector', exact } } })
    const file = [
      annotation(recordIri(projectId, 'documents', other), 'Zygos pass'), // a document of this project (its W3C IRI): goes there
      annotation('https://example.org/elsewhere', 'crusade of Varna'), // not in the project; its quote is in the note
      annotation('https://example.org/elsewhere', 'nowhere to be found at all')
    ]
    const r = unwrap(await e.importAnnotations({ documentId: seed, fileName: 'mixed.json', contentBase64: b64(JSON.stringify(file)) }))
    expect(r.documents).toEqual([{ documentId: other, imported: 1 }])
    expect(r.unmatched).toEqual([{ sourceIri: 'https://example.org/elsewhere', annotations: 2, suggestedDocumentId: other, suggestedTitle: 'note' }])
    expect(unwrap(await e.listAnnotations({ documentId: other })).map((a) => a.target.exact)).toEqual(['Zygos pass'])
    expect(unwrap(await e.listAnnotations({ documentId: seed }))).toEqual([])
  })
})

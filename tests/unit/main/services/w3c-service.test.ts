/**
 * The w3c service over a real project folder: W3C export of annotated seed → import into a fresh
 * project holding a copy of the seed → same targets and bodies; Hypothesis annotations of another
 * page are all kept as orphans with reasons; bad files change nothing; the import is one undo.
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProjectSession } from '../../../../src/main/services/project-session'
import type { MarginaliaApi } from '../../../../src/shared/api'
import type { Result } from '../../../../src/shared/result'
import { CORPUS, SEED_PATH, tempDir } from '../../../helpers/temp-dir'
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

  it.skipIf(!existsSync(join(CORPUS, 'anchoring')))('keeps annotations of another page as orphans with reasons; one undo removes them', async () => {
    const c = await open('c')
    const doc = await importSeed(c)
    const file = await readFile(join(CORPUS, 'anchoring/hypothesis-html-baselines/wikipedia-regression-testing.json'))
    const r = unwrap(await c.importAnnotations({ documentId: doc, fileName: 'wikipedia-regression-testing.json', contentBase64: b64(file) }))
    expect(r).toMatchObject({ imported: 5, orphaned: 5 })
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
    expect(unwrap(await d.listAnnotations({}))).toHaveLength(0)
  })
})

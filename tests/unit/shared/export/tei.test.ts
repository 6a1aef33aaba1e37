import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { SaxesParser } from 'saxes'
import { beforeEach, describe, expect, it } from 'vitest'
import { exportTei } from '../../../../src/shared/export/tei'
import { teiDating } from '../../../../src/shared/export/tei-dates'
import type { ExportInput } from '../../../../src/shared/export/types'
import type { ProjectData } from '../../../../src/shared/model'
import { CodePointIndex } from '../../../../src/shared/text/code-points'
import { corpusPath } from '../../../helpers/corpus'
import { fixtureProject, rangeOf } from '../../../helpers/export-fixture'
import { jingValidate } from '../../../helpers/jing'
import { syntheticProject } from '../../../helpers/synthetic-project'

const at = '2026-11-26T12:00:00.000Z'
const input = (data: ProjectData, texts: Record<string, string>, documentId?: string): ExportInput => ({
  data, texts, scope: documentId ? { documentId } : {}, options: {}, exportedAt: at
})

/**
 * Reads a TEI export back: the text each element with an xml:id encloses, and the text between each
 * anchor pair (`<id>.start`/`<id>.end`), both with whitespace removed (layout whitespace between
 * blocks is not part of TEI's text), plus every xml:id and the elements' names and attributes.
 */
function readBack(xml: string) {
  const ranges = new Map<string, [number, number]>()
  const pieces: string[] = []
  let length = 0
  const between = new Map<string, string>()
  const elements = new Map<string, { name: string; attributes: Record<string, string> }>()
  const open: { id?: string; from: number }[] = []
  const anchorAt = new Map<string, number>()
  let inBody = false
  const p = new SaxesParser()
  p.on('opentag', (n) => {
    const attributes = n.attributes as Record<string, string>
    if (n.name === 'body') inBody = true
    const id = attributes['xml:id']
    if (id) elements.set(id, { name: n.name, attributes })
    if (n.name === 'anchor' && inBody) anchorAt.set(id, length)
    open.push({ id: inBody ? id : undefined, from: length })
  })
  p.on('text', (t) => {
    if (!inBody) return
    const piece = t.replace(/\s+/g, '')
    pieces.push(piece)
    length += piece.length
  })
  p.on('closetag', (n) => {
    const o = open.pop()!
    if (o.id && n.name !== 'anchor') ranges.set(o.id, [o.from, length])
    if (n.name === 'body') inBody = false
  })
  p.write(xml).close()
  const text = pieces.join('')
  const enclosed = new Map([...ranges].map(([id, [from, to]]) => [id, text.slice(from, to)]))
  for (const [id, from] of anchorAt)
    if (id.endsWith('.start')) between.set(id.slice(0, -'.start'.length), text.slice(from, anchorAt.get(id.replace(/\.start$/, '.end'))))
  return { enclosed, between, elements }
}

const noSpace = (s: string) => s.replace(/\s+/g, '')

describe('TEI export', () => {
  // Exported before each test, not once for the file: mutation testing then knows which test runs which line.
  let data: ProjectData, texts: Record<string, string>, out: ReturnType<typeof exportTei>, xml: string
  beforeEach(() => {
    ({ data, texts } = fixtureProject())
    out = exportTei(input(data, texts))
    xml = out.files[0].content as string
  })

  it('keeps each citation link\'s locator as written, typed by its CSL locator type, and reports no locator lost', () => {
    const links = [...xml.matchAll(/<bibl xml:id="([^"]+)" corresp="#([^"]+)"><ptr target="#([^"]+)"\/><citedRange unit="([^"]+)">([^<]*)<\/citedRange><\/bibl>/g)]
      .map((m) => ({ annotation: m[2], citation: m[3], unit: m[4], locator: m[5] }))
      .sort((a, b) => a.annotation.localeCompare(b.annotation))
    expect(links).toEqual([
      { annotation: 'ann_1390', citation: 'cit_zach', unit: 'page', locator: 'pp. 339-342' },
      { annotation: 'ann_brief', citation: 'cit_gibbon', unit: 'chapter', locator: 'ch. LXIV' }
    ])
    expect(out.losses.filter((l) => /locator/i.test(l.what) || l.fields?.some((f) => f.includes('locator')))).toEqual([])
  })

  it('marks where each printed page and line begins (<pb n/>, <lb n/>) and keeps division numbers, still valid against tei_all', () => {
    const paged = fixtureProject()
    const doc = paged.data.documents.doc_1
    const index = new CodePointIndex(paged.texts.doc_1)
    const [p2] = rangeOf(index, 'Ἰωάννης')
    const [p3] = rangeOf(index, 'besieged')
    const [l7] = rangeOf(index, 'Gibbon calls')
    const heading = doc.structure.find((b) => b.kind === 'heading')!
    heading.label = 'LXIV'
    doc.structure.push({ kind: 'page', start: 0, end: p2, label: 'xii' }, { kind: 'page', start: p2, end: p3, label: '339' },
      { kind: 'page', start: p3, end: index.length, label: '340' }, { kind: 'line', start: l7, end: index.length, label: '7' })
    const paged0 = exportTei(input(paged.data, paged.texts))
    const body = (paged0.files[0].content as string).split('<body>')[1].split('</body>')[0]
    expect([...body.matchAll(/<(pb|lb) n="([^"]+)"\/>/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual(['pb xii', 'pb 339', 'pb 340', 'lb 7'])
    // The page break stands right before the text of its page.
    expect(body).toMatch(/<pb n="339"\/>(<[^>]+>)*Ἰωάννης/)
    expect(body).toMatch(/<div type="section" subtype="level2" n="LXIV">/)
    // Spans that end where the next begins lose nothing; the line's end is the text's end.
    expect(paged0.losses.filter((l) => l.fields?.includes('documents.structure.end'))).toEqual([])
    const r = jingValidate(paged0.files)
    expect(r.output).toBe('')
    expect(r.status).toBe(0)
  })

  it('validates against tei_all with jing', () => {
    const r = jingValidate(out.files)
    expect(r.output).toBe('')
    expect(r.status).toBe(0)
  })

  it('keeps every annotation: nested ones inline, crossing ones as spans between anchors, with the exact text', () => {
    const { enclosed, between, elements } = readBack(xml)
    for (const a of Object.values(data.annotations)) {
      const el = elements.get(a.id)
      expect(el, a.id).toBeDefined()
      if (el!.name === 'span') expect(between.get(a.id), a.id).toBe(noSpace(a.target.exact))
      else expect(enclosed.get(a.id), a.id).toBe(noSpace(a.target.exact))
    }
    expect(elements.get('ann_brief')!.name).toBe('span') // crosses ann_rule
    expect(elements.get('ann_cross')!.name).toBe('span') // crosses a paragraph boundary
    expect(elements.get('ann_1390')!.name).toBe('date') // nests inside ann_rule
  })

  it('names entities by kind, points at standOff entries, and dates from EDTF', () => {
    const { elements } = readBack(xml)
    expect(elements.get('ann_greek')).toMatchObject({ name: 'persName', attributes: { ref: '#ent_john' } })
    expect(elements.get('ann_cple')).toMatchObject({ name: 'placeName', attributes: { ref: '#ent_cple' } })
    expect(elements.get('ann_1390')).toMatchObject({ name: 'date', attributes: { when: '1390-04', cert: 'medium', ref: '#ent_1390', corresp: '#cit_zach' } })
    expect(elements.get('ann_siege')).toMatchObject({ name: 'rs', attributes: { ref: '#ent_siege #ent_ott' } })
    expect(elements.get('ann_rule')!.attributes.style).toBe('background-color:#ffcc00')
    for (const [id, name] of [['ent_john', 'person'], ['ent_cple', 'place'], ['ent_ott', 'org'], ['ent_siege', 'event'], ['cit_zach', 'bibl'], ['cit_gibbon', 'bibl'], ['rel_1', 'relation']])
      expect(elements.get(id)?.name, id).toBe(name)
    expect(elements.get('ent_siege')!.attributes).toMatchObject({ from: '1394', to: '1402' })
    expect(xml).toContain('<listPerson>')
    expect(xml).toContain('<listBibl type="citations">')
    expect(xml).toMatch(/<interp xml:id="ann_1390\.v0" type="contradicted"[^>]*inst="#ann_1390"/)
    expect(xml).toMatch(/<note type="annotation" target="#ann_greek"[^>]*>Greek form;\nsee "PLP" 21480, p\. 3<\/note>/)
  })

  it('escapes XML specials and keeps Greek and astral characters', () => {
    expect(xml).toContain('&amp; "briefly" &lt;again&gt;')
    expect(xml).toContain('Ἰωάννης Παλαιολόγος')
    expect(xml).toContain('𝔊')
    expect(xml).toContain('🏛')
  })

  it('keeps orphaned annotations as notes with their quote, replaces characters XML cannot hold, and reports both', () => {
    const d = structuredClone(data)
    d.annotations.ann_venice.status = 'orphaned'
    const text = texts.doc_1.replace('Paris', 'Pa\u0001is')
    const r = exportTei(input(d, { doc_1: text }))
    const x = r.files[0].content as string
    expect(x).toMatch(/<note xml:id="ann_venice" type="orphaned-annotation"[^>]*><quote>Venice<\/quote><\/note>/)
    expect(x).toContain('Pa\uFFFDis')
    expect(r.losses).toContainEqual({ what: 'characters XML 1.0 cannot hold (replaced by U+FFFD)', count: 1 })
    expect(jingValidate(r.files).status).toBe(0)
  })

  it('writes one valid file per document for a project, and only the chosen one for a document', () => {
    const d = structuredClone(data)
    d.documents.doc_2 = { ...d.documents.doc_1, id: 'doc_2', title: 'Second, Ἕλλην 𝔊', created: '2026-11-26T11:00:00.000Z', structure: [] }
    d.annotations.ann_doc2 = { ...d.annotations.ann_cple, id: 'ann_doc2', documentId: 'doc_2' }
    d.relations.rel_x = { id: 'rel_x', subject: 'ann_doc2', predicate: 'same as', object: 'ann_title', note: '', created: at }
    const all = exportTei(input(d, { doc_1: texts.doc_1, doc_2: texts.doc_1 }))
    expect(all.files.map((f) => f.name)).toEqual(['John-VII-Palaiologos.tei.xml', 'Second-Ἕλλην-𝔊.tei.xml'])
    expect(all.losses).toContainEqual({ what: 'relations between records of different documents', count: 1, fields: ['relations'] })
    const r = jingValidate(all.files.map((f, i) => ({ ...f, name: `f${i}.xml` })))
    expect(r.output).toBe('')
    expect(r.status).toBe(0)
    const one = exportTei(input(d, { doc_1: texts.doc_1, doc_2: texts.doc_1 }, 'doc_2'))
    expect(one.files).toHaveLength(1)
    expect(one.files[0].content).toContain('<placeName xml:id="ann_doc2"')
    expect(one.files[0].content).not.toContain('ent_john')
  })

  it('maps EDTF to TEI dating attributes', () => {
    expect(teiDating('1408-09-22')).toEqual({ when: '1408-09-22' })
    expect(teiDating('1400%')).toEqual({ when: '1400', cert: 'low' })
    expect(teiDating('1394/1402')).toEqual({ from: '1394', to: '1402' })
    expect(teiDating('../1402')).toEqual({ to: '1402' })
    expect(teiDating('19XX')).toEqual({ notBefore: '1900', notAfter: '1999' })
    expect(teiDating('-0044')).toEqual({ when: '-0044' })
    expect(teiDating('not a date')).toEqual({})
  })
})

const GIBBON = corpusPath('large/gibbon-decline-and-fall-vol6-pg895.txt')
const SEED = resolve(process.cwd(), 'documents/john-vii-palaiologos.txt') // ships with the app

// Corpus-sized: left out of mutation runs (minutes per mutant under instrumentation), run in npm test.
describe.skipIf(process.env.MARGINALIA_MUTATION === '1')('TEI export of real texts (corpus)', () => {
  // The seed ships with the app; Gibbon's volume is read from the shared corpus when it is there.
  it.each<[string, number]>([[SEED, 300], ...(existsSync(GIBBON) ? [[GIBBON, 5000] as [string, number]] : [])])('%s with %i random, overlapping annotations is valid TEI and drops nothing', (path, n) => {
    const { data, texts } = syntheticProject(path, n)
    const out = exportTei(input(data, texts))
    const r = jingValidate(out.files)
    expect(r.output).toBe('')
    expect(r.status).toBe(0)
    const { elements, enclosed, between } = readBack(out.files[0].content as string)
    for (const a of Object.values(data.annotations)) {
      expect(elements.has(a.id), a.id).toBe(true)
      expect(elements.get(a.id)!.name === 'span' ? between.get(a.id) : enclosed.get(a.id), a.id).toBe(noSpace(a.target.exact))
    }
  }, 60_000)
})

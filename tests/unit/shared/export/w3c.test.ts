import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { exportW3c } from '../../../../src/shared/export/w3c'
import type { ExportInput } from '../../../../src/shared/export/types'
import { recordIri } from '../../../../src/shared/export/w3c-ids'
import { CodePointIndex, sliceCodePoints } from '../../../../src/shared/text/code-points'
import { corpusPath } from '../../../helpers/corpus'
import { fixtureProject } from '../../../helpers/export-fixture'
import { syntheticProject } from '../../../helpers/synthetic-project'
import { validateAnnotation, validateExport } from '../../../helpers/w3c-validate'

type J = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

function run(over: Partial<ExportInput> = {}, options: ExportInput['options'] = {}) {
  const { data, texts } = fixtureProject()
  const input: ExportInput = { data, texts, scope: {}, options, exportedAt: '2026-11-26T12:00:00.000Z', ...over }
  const out = exportW3c(input)
  const parsed = out.files.map((f) => JSON.parse(f.content as string) as J)
  return { out, parsed, data, texts }
}

/** The collection's pages in order: the embedded first one, then the page files. */
const pagesOf = (parsed: J[]): J[] => [parsed[0].first, ...parsed.slice(1)].filter(Boolean)

describe('W3C export', () => {
  it('is an AnnotationCollection with every annotation in the items of its page', () => {
    const { parsed, data } = run()
    expect(parsed).toHaveLength(1)
    const col = parsed[0]
    expect(col['@context']).toBe('http://www.w3.org/ns/anno.jsonld')
    expect(col.type).toBe('AnnotationCollection')
    expect(col.total).toBe(Object.keys(data.annotations).length)
    expect(col.first.type).toBe('AnnotationPage')
    expect(col.first.items).toHaveLength(col.total)
    expect(col.last).toBe(col.first.id)
    expect(col.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/)
  })

  it('passes the W3C suite: collection, page and every annotation', () => {
    const { parsed } = run()
    expect(validateExport(parsed[0], parsed.slice(1))).toEqual([])
  })

  it('splits into linked pages, each file valid on its own', () => {
    const { parsed, out } = run({}, { pageSize: 5 })
    const total = parsed[0].total
    expect(out.files.map((f) => f.name)).toEqual([
      'Byzantine-test.w3c.jsonld', 'Byzantine-test.w3c.page-2.jsonld', 'Byzantine-test.w3c.page-3.jsonld', 'Byzantine-test.w3c.page-4.jsonld'
    ])
    const pages = pagesOf(parsed)
    expect(pages.flatMap((p) => p.items)).toHaveLength(total)
    pages.forEach((p, i) => {
      expect(p.startIndex).toBe(i * 5)
      if (i < pages.length - 1) expect(p.next).toBe(pages[i + 1].id)
      if (i > 0) expect(p.prev).toBe(pages[i - 1].id)
    })
    expect(parsed[0].last).toBe(pages[pages.length - 1].id)
    expect(parsed[1].partOf).toMatchObject({ id: parsed[0].id, type: 'AnnotationCollection', total })
    expect(validateExport(parsed[0], parsed.slice(1))).toEqual([])
  })

  it('targets carry quote and code-point position selectors that reproduce the text', () => {
    const { parsed, texts, data } = run()
    const text = texts.doc_1
    for (const item of parsed[0].first.items as J[]) {
      expect(item.target.type).toBe('SpecificResource')
      expect(item.target.source.id).toBe(recordIri(data.project.id, 'documents', 'doc_1'))
      const quote = item.target.selector.find((s: J) => s.type === 'TextQuoteSelector')
      const pos = item.target.selector.find((s: J) => s.type === 'TextPositionSelector')
      expect(sliceCodePoints(text, pos.start, pos.end)).toBe(quote.exact)
    }
    // The astral 𝔊 counts as one: the annotation after it has a code-point offset one less than UTF-16.
    const rule = (parsed[0].first.items as J[]).find((i) => i.id === recordIri(data.project.id, 'annotations', 'ann_rule'))!
    const pos = rule.target.selector[1]
    expect(pos.end - pos.start).toBe([...'ruled 𝔊 Constantinople in 1390'].length)
  })

  it('maps notes, tags, entities, citations and verdicts to W3C bodies', () => {
    const { parsed, data } = run()
    const item = (id: string): J => (parsed[0].first.items as J[]).find((i) => i.id === recordIri(data.project.id, 'annotations', id))!
    const greek = item('ann_greek').body as J[]
    expect(greek).toContainEqual({ type: 'TextualBody', purpose: 'commenting', value: 'Greek form;\nsee "PLP" 21480, p. 3', format: 'text/plain' })
    expect(greek).toContainEqual({ type: 'TextualBody', purpose: 'tagging', value: 'name, "quoted"' })
    expect(greek).toContainEqual({
      type: 'SpecificResource', purpose: 'identifying',
      source: { id: 'http://www.wikidata.org/entity/Q312364', label: 'John VII Palaiologos', 'dcterms:type': { id: 'http://schema.org/Person' } }
    })
    // An entity without authority gets a urn of its own.
    const venice = (item('ann_venice').body as J[])[0]
    expect(venice.source.id).toBe(recordIri(data.project.id, 'entities', 'ent_venice'))
    // A citation: linking + cito:cites, DOI as IRI, locator; its verdict as assessing bodies.
    const b1390 = item('ann_1390').body as J[]
    expect(b1390[1]).toMatchObject({
      type: 'SpecificResource', purpose: 'linking', 'dcterms:type': { id: 'http://purl.org/spar/cito/cites' },
      source: { id: 'https://doi.org/10.2307/1291412', label: 'Zachariadou 1977, John VII (Alias Andronicus) Palaeologus' },
      locator: 'pp. 339-342'
    })
    expect(b1390[2]).toMatchObject({ type: 'TextualBody', purpose: 'assessing', creator: { type: 'Person', name: 'Ada Historian' }, created: '2026-11-26T10:00:00.000Z' })
    expect(b1390[2].value.split('\n')[0]).toBe('contradicted')
    expect(b1390[3]).toMatchObject({ type: 'SpecificResource', purpose: 'assessing', selector: [{ type: 'TextQuoteSelector', exact: 'John' }, { type: 'TextPositionSelector', start: 0, end: 4 }] })
    // No body: a plain highlight.
    expect(item('ann_empty')).toMatchObject({ motivation: 'highlighting' })
    expect(item('ann_empty').body).toBeUndefined()
  })

  it('carries an annotation colour as a CSS stylesheet and styleClass, and the result is still valid', () => {
    const { parsed, data } = run()
    const rule = (parsed[0].first.items as J[]).find((i) => i.id === recordIri(data.project.id, 'annotations', 'ann_rule'))!
    expect(rule.stylesheet).toEqual({ type: 'CssStylesheet', value: '.mg-_ffcc00 { background-color: #ffcc00; }' })
    expect(rule.target.styleClass).toBe('mg-_ffcc00')
    expect(validateAnnotation(rule)).toEqual([])
  })

  it('uses "linking" for citations because the suite rejects a "citing" purpose', () => {
    const { parsed, data } = run()
    const item = (parsed[0].first.items as J[]).find((i) => i.id === recordIri(data.project.id, 'annotations', 'ann_1390'))!
    expect(validateAnnotation(item)).toEqual([])
    const citing = { ...item, body: item.body.map((b: J) => (b.purpose === 'linking' ? { ...b, purpose: 'citing' } : b)) }
    expect(validateAnnotation(citing).map((f) => f.assertion)).toContain('annotations/3.2-bodyObjectsRecognized.json')
  })

  it('exports an orphan with its quote only, and reports it', () => {
    const { data, texts } = fixtureProject()
    data.annotations.ann_venice = { ...data.annotations.ann_venice, status: 'orphaned' }
    const out = exportW3c({ data, texts, scope: {}, options: {}, exportedAt: '2026-11-26T12:00:00.000Z' })
    const items = JSON.parse(out.files[0].content as string).first.items as J[]
    const v = items.find((i) => i.id === recordIri(data.project.id, 'annotations', 'ann_venice'))!
    expect(v.target.selector.map((s: J) => s.type)).toEqual(['TextQuoteSelector'])
    expect(out.losses).toContainEqual({ what: 'positions of orphaned annotations (exported with their quote only)', count: 1, fields: ['annotations.target.start', 'annotations.target.end'] })
  })

  it('reports what W3C cannot carry, with counts', () => {
    const { out } = run()
    const whats = Object.fromEntries(out.losses.map((l) => [l.what, l.count]))
    expect(whats['relations (the W3C model has no statements between entities)']).toBe(2)
    expect(whats['citation locators (kept in a plain `locator` key, which JSON-LD processing ignores)']).toBe(2)
    expect(whats['entity aliases, descriptions, dates, coordinates, authority schemes and record times (an entity is carried as URI, label and type)']).toBeGreaterThan(0)
    expect(Object.keys(whats).some((w) => w.includes('colour') && w.startsWith('tag'))).toBe(true)
  })

  it('fixes dates without timezone, and is deterministic', () => {
    const { data, texts } = fixtureProject()
    data.annotations.ann_gibbon = { ...data.annotations.ann_gibbon, created: '2026-11-26T09:00:00' }
    const input: ExportInput = { data, texts, scope: {}, options: {}, exportedAt: '2026-11-26T12:00:00.000Z' }
    const a = exportW3c(input)
    expect(exportW3c(input).files[0].content).toBe(a.files[0].content)
    const items = JSON.parse(a.files[0].content as string).first.items as J[]
    for (const i of items) expect(i.created).toMatch(/(Z|[+-]\d\d:\d\d)$/)
  })

  it('scopes to one document and names the file after it', () => {
    const { out, parsed } = run({ scope: { documentId: 'doc_1' } })
    expect(out.files[0].name).toBe('John-VII-Palaiologos.w3c.jsonld')
    expect(parsed[0].label).toBe('Marginalia annotations: John VII Palaiologos')
  })

  it('an empty project is a valid empty collection', () => {
    const { data, texts } = fixtureProject()
    data.annotations = {}
    const out = exportW3c({ data, texts, scope: {}, options: {}, exportedAt: '2026-11-26T12:00:00.000Z' })
    const col = JSON.parse(out.files[0].content as string)
    expect(col.total).toBe(0)
    expect(col.first).toBeUndefined()
    expect(validateExport(col, [])).toEqual([])
  })
})

describe('W3C export of a large synthetic project over Gibbon (needs ../shared/corpus/large)', () => {
  const SOURCE = corpusPath('large/gibbon-decline-and-fall-vol6-pg895.txt')
  // Corpus-sized: left out of mutation runs (minutes per mutant under instrumentation), run in npm test.
  it.skipIf(!existsSync(SOURCE) || process.env.MARGINALIA_MUTATION === '1')('every page and every one of 1,500 annotations passes the W3C suite, and positions reproduce quotes', () => {
    const { data, texts } = syntheticProject(SOURCE, 1500)
    const out = exportW3c({ data, texts, scope: {}, options: { pageSize: 400 }, exportedAt: '2026-11-26T12:00:00.000Z' })
    expect(out.files).toHaveLength(4)
    const parsed = out.files.map((f) => JSON.parse(f.content as string) as J)
    expect(validateExport(parsed[0], parsed.slice(1))).toEqual([])
    const index = new CodePointIndex(Object.values(texts)[0])
    let n = 0
    for (const page of pagesOf(parsed)) {
      for (const item of page.items as J[]) {
        const [quote, pos] = item.target.selector
        if (pos) expect(index.slice(pos.start, pos.end)).toBe(quote.exact)
        n++
      }
    }
    expect(n).toBe(1500)
  }, 120_000)
})

describe('JSON string quoting used by the W3C writer', () => {
  it('gives exactly what JSON.stringify gives, for plain and special strings', async () => {
    const { q } = await import('../../../../src/shared/export/w3c-bodies')
    for (const s of ['plain', '', 'a "quote"', 'back\\slash', 'new\nline\ttab', '\u0001ctl', '𝔊 astral', 'lone \ud800 half', 'Ἰωάννης', '\u2028sep']) {
      expect(q(s)).toBe(JSON.stringify(s))
    }
  })
})

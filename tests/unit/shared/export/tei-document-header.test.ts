import { describe, expect, it } from 'vitest'
import { ann, content, doc, EXPORTED, exportOf, find, project, tree, type Node } from './tei-document-kit'

// The TEI document's <teiHeader> and root, element by element: title and authors (respStmt), the
// export's date, the source description (ids, URL, import note), and the profile (language, categories)
// with each optional field present and absent; markup characters escaped, Unicode kept.

const TEXT = 'Alpha & <beta> "gamma" 𝔊 Ἰωάννης.'
const TITLE = 'A & B <C> "Ἰω" 𝔊'
const SHA = 'b'.repeat(64)
const ADA = { name: 'Ada <H>', orcid: '0000-0002-1825-0097' }

/** The first file of a one-document project with these metadata and annotations, as a tree. */
function exported(metadata: Record<string, unknown>, annotations = [ann('ann_1', 'doc_a', TEXT, 0, 5, { createdBy: ADA }), ann('ann_2', 'doc_a', TEXT, 6, 7, { author: 'Bob & Co' })]) {
  const d = doc('doc_a', TITLE, TEXT, { metadata: { categories: [], ...metadata } as never })
  const out = exportOf(project({ documents: [d], annotations }), { doc_a: TEXT })
  return { xml: content(out), root: tree(content(out)) }
}

const fileDesc = (resp: Node[], url?: string): Node =>
  ['fileDesc',
    ['titleStmt', ['title', TITLE], ...resp],
    ['publicationStmt', ['publisher', 'Marginalia'], ['date', { when: EXPORTED }, EXPORTED]],
    ['sourceDesc', ['bibl', ['title', TITLE], ['idno', { type: 'marginalia' }, 'doc_a'], ['idno', { type: 'sha256' }, SHA],
      ...(url ? [['idno', { type: 'URI' }, url] as Node] : []),
      ['note', 'Imported into Marginalia from doc_a.txt (text, role text); 33 code points of normalised text.']]]]

const TWO_AUTHORS: Node[] = [
  ['respStmt', { 'xml:id': 'Ada__H___0000-0002-1825-0097_.resp' }, ['resp', 'annotation'], ['name', { ref: 'https://orcid.org/0000-0002-1825-0097' }, 'Ada <H>']],
  ['respStmt', { 'xml:id': 'Bob___Co.resp' }, ['resp', 'annotation'], ['name', 'Bob & Co']]
]

describe('TEI document header', () => {
  it('writes every field when the document has them all: authors, export date, URL, language and categories, escaped', () => {
    const { xml, root } = exported({ categories: ['War & peace', '<x>'], language: 'grc-Latn', url: 'http://e.org/?a=1&b=2' })
    expect((root as Node[])[0]).toBe('TEI')
    expect((root as Node[])[1]).toEqual({ xmlns: 'http://www.tei-c.org/ns/1.0', 'xml:lang': 'grc-Latn' })
    expect(find(root, 'teiHeader')).toEqual(['teiHeader',
      fileDesc(TWO_AUTHORS, 'http://e.org/?a=1&b=2'),
      ['profileDesc',
        ['langUsage', ['language', { ident: 'grc-Latn' }, 'grc-Latn']],
        ['textClass', ['keywords', ['term', 'War & peace'], ['term', '<x>']]]]])
    // The file as written: declaration first, header laid out one part a line, escapes in place.
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="grc-Latn">\n<teiHeader>\n<fileDesc>\n')).toBe(true)
    expect(xml).toContain('<publicationStmt><publisher>Marginalia</publisher><date when="2026-12-05T23:50:00.000Z">2026-12-05T23:50:00.000Z</date></publicationStmt>\n')
    expect(xml).toContain('</bibl></sourceDesc>\n</fileDesc>\n<profileDesc><langUsage>')
    expect(xml).toContain('</profileDesc>\n</teiHeader>\n<text>\n<body>\n')
    expect(xml).toContain('<idno type="URI">http://e.org/?a=1&amp;b=2</idno>')
  })

  it('leaves out the profile, the URL and xml:lang when the document has no language, categories or URL', () => {
    const { xml, root } = exported({})
    expect((root as Node[])[1]).toEqual({ xmlns: 'http://www.tei-c.org/ns/1.0' })
    expect(find(root, 'teiHeader')).toEqual(['teiHeader', fileDesc(TWO_AUTHORS)])
    expect(xml).toContain('</fileDesc>\n</teiHeader>\n')
    expect(xml).not.toContain('Stryker')
  })

  it('writes the language alone when there are no categories, and the categories alone when there is no language', () => {
    expect(find(exported({ language: 'en' }).root, 'profileDesc')).toEqual(['profileDesc', ['langUsage', ['language', { ident: 'en' }, 'en']]])
    expect(exported({ language: 'en' }).xml).toContain('<profileDesc><langUsage><language ident="en">en</language></langUsage></profileDesc>\n')
    expect(find(exported({ categories: ['Ἰωάννης 𝔊'] }).root, 'profileDesc')).toEqual(['profileDesc', ['textClass', ['keywords', ['term', 'Ἰωάννης 𝔊']]]])
    expect(exported({ categories: ['c'] }).xml).toContain('<profileDesc><textClass><keywords><term>c</term></keywords></textClass></profileDesc>\n')
  })

  it.each([['en_GB'], ['1en'], ['en!'], ['english'], ['en-'], ['x'], ['en gb']])('leaves out a language that is not a BCP 47 tag: %s', (language) => {
    const { xml, root } = exported({ language, categories: ['c'] })
    expect((root as Node[])[1]).toEqual({ xmlns: 'http://www.tei-c.org/ns/1.0' })
    expect(find(root, 'profileDesc')).toEqual(['profileDesc', ['textClass', ['keywords', ['term', 'c']]]])
    expect(xml).not.toContain('xml:lang')
    expect(xml).not.toContain('langUsage')
  })

  it.each([['en'], ['grc'], ['de-1901'], ['zh-Hant-TW'], ['EN-gb']])('keeps a BCP 47 language tag: %s', (language) => {
    const { root } = exported({ language })
    expect((root as Node[])[1]).toEqual({ xmlns: 'http://www.tei-c.org/ns/1.0', 'xml:lang': language })
    expect(find(root, 'profileDesc')).toEqual(['profileDesc', ['langUsage', ['language', { ident: language }, language]]])
  })

  it('names each author once, in the order they first annotate, and none when there are no annotations', () => {
    const twice = [
      ann('ann_1', 'doc_a', TEXT, 0, 5, { author: 'Bob & Co' }),
      ann('ann_2', 'doc_a', TEXT, 6, 7, { createdBy: ADA }),
      ann('ann_3', 'doc_a', TEXT, 8, 9, { author: 'Bob & Co' })
    ]
    expect(find(exported({}, twice).root, 'titleStmt')).toEqual(['titleStmt', ['title', TITLE], TWO_AUTHORS[1], TWO_AUTHORS[0]])
    expect(find(exported({}, []).root, 'titleStmt')).toEqual(['titleStmt', ['title', TITLE]])
  })

  it('keeps apart a person whose name reads like another person with an ORCID (a hand-edited project)', () => {
    const orcid = '0000-0002-1825-0097'
    const withOrcid = { name: 'Ada', orcid }
    const lookalike = { name: `Ada <${orcid}>` }
    const { root, xml } = exported({}, [ann('ann_1', 'doc_a', TEXT, 0, 5, { createdBy: withOrcid }), ann('ann_2', 'doc_a', TEXT, 6, 7, { createdBy: lookalike })])
    expect(find(root, 'titleStmt')).toEqual(['titleStmt', ['title', TITLE],
      ['respStmt', { 'xml:id': 'Ada__0000-0002-1825-0097_.resp' }, ['resp', 'annotation'], ['name', { ref: `https://orcid.org/${orcid}` }, 'Ada']],
      ['respStmt', { 'xml:id': 'Ada__0000-0002-1825-0097__2.resp' }, ['resp', 'annotation'], ['name', `Ada <${orcid}>`]]])
    expect(xml).toMatch(/xml:id="ann_1"[^>]*resp="#Ada__0000-0002-1825-0097_\.resp"/)
    expect(xml).toMatch(/xml:id="ann_2"[^>]*resp="#Ada__0000-0002-1825-0097__2\.resp"/)
  })
})

import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDocument } from '../../../../src/shared/import/parse-document'
import type { ParsedDocument } from '../../../../src/shared/import/parsed-document'
import { corpusPath } from '../../../helpers/temp-dir'

const read = (path: string) => parseDocument(path, new Uint8Array(readFileSync(corpusPath(`tei/${path}`))))
const BEVERLEY = corpusPath('tei/docsouth/beverley.xml')
const cps = (doc: ParsedDocument) => [...doc.text]
const blockTexts = (doc: ParsedDocument, kind: string) => {
  const text = cps(doc)
  return doc.structure.filter((b) => b.kind === kind).map((b) => ({ label: b.label, text: text.slice(b.start, b.end).join('') }))
}
/** Each mention as [surface text, entity type, entity label]. */
const mentions = (doc: ParsedDocument) => {
  const text = cps(doc)
  const hints = new Map(doc.entities!.map((e) => [e.key, e]))
  return doc.mentions!.map((m) => [text.slice(m.start, m.end).join(''), hints.get(m.entityKey)!.type, hints.get(m.entityKey)!.label])
}
const enc = (s: string) => new TextEncoder().encode(s)

// The two Froissart editions are vendored (tests/fixtures/corpus); Beverley (871 KB) is read from the shared corpus.
describe('TEI P5 editions from the corpus', () => {
  it('Froissart (Kervegan): the lemma text with its words apart, folio breaks as labelled pages, persons and places linked to the register', () => {
    const doc = read('froissart-kervegan/froissart.xml')
    expect(doc).toMatchObject({ format: 'tei', title: 'Chroniques', metadata: { author: 'Jean Froissart' } })
    expect(doc.text.startsWith('Le duc de Berry, madame Jehanne d’Armeignach sa premiere femme trespassee, avoit grant ymagination.')).toBe(true)
    expect(doc.text).toContain('Car au fort le dit conte ne pour pere ne pour mere')
    expect(doc.text).not.toContain('Berri') // a variant reading (rdg), not the lemma
    expect(blockTexts(doc, 'page').map((p) => p.label)).toEqual(['370 v', '371 r', '371 v'])
    expect(blockTexts(doc, 'page')[1].text.startsWith('ne lui feust venu a sa plaisance.')).toBe(true)
    const m = mentions(doc)
    expect(m[0]).toEqual(['duc de Berry', 'person', 'Jean de Berry'])
    expect(m[1]).toEqual(['madame Jehanne d’Armeignach', 'person', "Jeanne d'Armagnac"])
    expect(m.filter(([, type]) => type === 'place').length).toBeGreaterThan(5)
    const berry = doc.entities!.find((e) => e.label === 'Jean de Berry')!
    expect(berry).toMatchObject({ type: 'person', registered: true })
    expect(berry.description).toContain('Le duc Jean de Berry (1340-1416)')
  })

  it('Froissart (Humeau): headings, names split across readings joined by @prev/@next, dates as EDTF', () => {
    const doc = read('froissart-humeau/Edition_JeanFroissart.xml')
    expect(doc.metadata).toMatchObject({ author: 'Jean Froissart', language: 'frm' })
    const headings = blockTexts(doc, 'heading')
    expect(headings[0]).toEqual({ label: '1-41', text: 'La mort du roy Charles de France et du commencement du roy Phelippe de Valois' })
    expect(doc.text).toContain('Le roy Charles de France, filz au beau roy Phelippe, fu III fois mariéz, et si mouru sans hoir masle')
    const m = mentions(doc)
    expect(m).toContainEqual(['Charles de France', 'person', 'Charles IV le Bel'])
    // "de Valois" carries no @ref; its @prev points to the part that has one.
    expect(m).toContainEqual(['de Valois', 'person', 'Philippe VI de Valois'])
    const charles = doc.entities!.find((e) => e.key === 'ref:#CharlesIV')!
    expect(charles.dates).toEqual({ birth: '1294-01-18', death: '1329-02-01' })
    const dates = doc.entities!.filter((e) => e.type === 'date')
    expect(dates.map((d) => d.label)).toContain('1328')
    expect(dates.find((d) => d.label === '1328')!.dates).toEqual({ date: '1328' })
  })

  it.skipIf(!existsSync(BEVERLEY))('Beverley (DocSouth, a messy P4→P5 file): title page, 336 labelled pages, heads, tables by row, header facts', () => {
    const doc = read('docsouth/beverley.xml')
    expect(doc.title.startsWith('The History and Present State of Virginia, In Four Parts.')).toBe(true)
    expect(doc.metadata).toMatchObject({ author: 'Beverley, Robert, ca. 1673-1722.', date: 'MDCCV' })
    expect(doc.metadata.source).toContain('Printed for R. Parker')
    const pages = blockTexts(doc, 'page')
    expect(pages).toHaveLength(336)
    expect(pages.slice(0, 3).map((p) => p.label)).toEqual(['ii', 'iii', 'iv'])
    expect(pages[0].text.startsWith('TO THE Right HONOURABLE,\nROBERT HARLEY, Esq;')).toBe(true)
    expect(blockTexts(doc, 'title')[0].text).toBe('THE\nHISTORY\nAND\nPresent STATE\nOF\nVIRGINIA,\nIn Four PARTS.')
    expect(blockTexts(doc, 'paragraph').some((p) => /^Counties Names\. \| Acres of Land\. \| Numb\. of Souls/.test(p.text))).toBe(true)
  })
})

describe('TEI structure and safety', () => {
  const edition = (body: string, header = '') => enc(`<?xml version="1.0"?><TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt></fileDesc>${header}</teiHeader><text><body>${body}</body></text></TEI>`)

  it('keeps notes as notes (after their paragraph, with a reference where they stand), verse lines with their numbers, emphasis', () => {
    const doc = parseDocument('poem.xml', edition(
      '<div n="LXIV"><head>The siege</head><p>The city <hi rend="italic">held</hi> out<note n="1">So says Ducas.</note> all winter.</p>' +
      '<lg><l n="1">Arma virumque cano,</l><l n="2">Troiae qui primus ab oris</l></lg></div>'
    ))
    expect(blockTexts(doc, 'heading')).toEqual([{ label: 'LXIV', text: 'The siege' }])
    expect(blockTexts(doc, 'paragraph')).toEqual([{ label: undefined, text: 'The city held out[1] all winter.' }])
    expect(blockTexts(doc, 'note')).toEqual([{ label: '1', text: '[1] So says Ducas.' }])
    expect(blockTexts(doc, 'line')).toEqual([{ label: '1', text: 'Arma virumque cano,' }, { label: '2', text: 'Troiae qui primus ab oris' }])
    expect(blockTexts(doc, 'line-group')[0].text).toBe('Arma virumque cano,\nTroiae qui primus ab oris')
    const text = cps(doc)
    expect(doc.marks!.map((m) => [m.kind, text.slice(m.start, m.end).join(''), m.label])).toEqual([
      ['emphasis', 'held', undefined], ['note-ref', '[1]', '1']
    ])
  })

  it('turns persName/placeName/orgName/date/rs with @ref, @key, @when and @notBefore/@notAfter into mentions with EDTF dates and authority ids', () => {
    const doc = parseDocument('names.xml', edition(
      '<p><persName ref="http://www.wikidata.org/entity/Q37043">John VII</persName> met <rs type="person" key="viaf:25397355">Bayezid</rs> ' +
      'at <placeName ref="#ank">Ankara</placeName> in <date when="1402-07-20">July 1402</date>, or <date notBefore="1403" notAfter="1408">later</date>; ' +
      'the <orgName>Venetian Senate</orgName> heard of it.</p>',
      '<profileDesc><settingDesc><listPlace><place xml:id="ank"><placeName>Ankara</placeName><placeName>Angora</placeName><idno type="geonames">323786</idno><location><geo>39.92 32.85</geo></location></place></listPlace></settingDesc></profileDesc>'
    ))
    expect(mentions(doc)).toEqual([
      ['John VII', 'person', 'John VII'], ['Bayezid', 'person', 'Bayezid'], ['Ankara', 'place', 'Ankara'],
      ['July 1402', 'date', '1402-07-20'], ['later', 'date', '[1403..1408]'], ['Venetian Senate', 'organisation', 'Venetian Senate']
    ])
    const byLabel = new Map(doc.entities!.map((e) => [e.label, e]))
    expect(byLabel.get('John VII')!.authorities).toEqual([{ scheme: 'wikidata', id: 'Q37043', uri: 'http://www.wikidata.org/entity/Q37043' }])
    expect(byLabel.get('Bayezid')!.authorities[0]).toMatchObject({ scheme: 'viaf', id: '25397355' })
    expect(byLabel.get('Ankara')).toMatchObject({ aliases: ['Angora'], coordinates: { lat: 39.92, lon: 32.85 }, registered: true })
    expect(byLabel.get('Ankara')!.authorities[0]).toMatchObject({ scheme: 'geonames', id: '323786' })
  })

  it('refuses a billion-laughs expansion and an external entity (XXE) at once, naming the file', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE TEI [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&lol9;</p></body></text></TEI>`
    const t0 = performance.now()
    expect(() => parseDocument('laughs.xml', enc(laughs))).toThrow('laughs.xml: its DOCTYPE declares entities; Marginalia never expands DTD entities')
    const xxe = '<?xml version="1.0"?><!DOCTYPE TEI [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&xxe;</p></body></text></TEI>'
    expect(() => parseDocument('xxe.xml', enc(xxe))).toThrow('xxe.xml: its DOCTYPE declares entities')
    expect(performance.now() - t0).toBeLessThan(1000)
    // An undeclared entity is an error too, never a silent expansion or a fetch.
    expect(() => parseDocument('undef.xml', edition('<p>&nbsp;</p>'))).toThrow(/^undef\.xml: not well-formed XML at line 1, column \d+: undefined entity/)
  })

  it('keeps script, event-handler and javascript: content inert: text only, no link that is not http(s)', () => {
    const doc = parseDocument('hostile.xml', edition('<p>Safe <ref target="javascript:alert(1)">click</ref> <ref target="https://example.org/">site</ref><figure><graphic url="x.png" onerror="alert(2)"/></figure>&lt;script&gt;alert(3)&lt;/script&gt;</p>'))
    expect(doc.text).toBe('Safe click site<script>alert(3)</script>')
    expect(doc.marks).toEqual([{ kind: 'link', href: 'https://example.org/', start: 11, end: 15 }])
  })

  it('refuses XML that is not TEI, and TEI without a text', () => {
    expect(() => parseDocument('other.xml', enc('<?xml version="1.0"?><catalogue><book/></catalogue>'))).toThrow('other.xml: is XML with root element <catalogue>, not a TEI document')
    expect(() => parseDocument('empty.xml', enc('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/></TEI>'))).toThrow('empty.xml: has no <text> element')
  })
})

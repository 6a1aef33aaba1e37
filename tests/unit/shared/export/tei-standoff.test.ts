import { beforeEach, describe, expect, it } from 'vitest'
import { exportTei } from '../../../../src/shared/export/tei'
import type { Citation, Entity, ProjectData } from '../../../../src/shared/model'
import { fixtureProject } from '../../../helpers/export-fixture'
import { jingValidate } from '../../../helpers/jing'

// The TEI export's <standOff>, element by element: what a TEI reader finds for each entity,
// bibliography item, citation link, tag, verdict, note, orphan and relation of a project.

const T = '2026-11-26T10:00:00.000Z'
const entity = (id: string, type: Entity['type'], label: string, more: Partial<Entity> = {}): Entity =>
  ({ id, type, label, aliases: [], description: '', authorities: [], dates: {}, created: T, modified: T, ...more })
const citation = (id: string, item: Citation['item']): Citation => ({ id, item, created: T, modified: T })

/** The fixture with records that reach every branch of the standOff. */
function project(): { data: ProjectData; texts: Record<string, string> } {
  const { data, texts } = fixtureProject()
  const more: Entity[] = [
    entity('ent_ott', 'organisation', 'Ottoman court', { aliases: ['Sublime Porte'], description: 'the sultan\'s government', authorities: [{ scheme: 'viaf', id: '1', uri: 'http://viaf.org/viaf/1' }] }),
    entity('ent_venice', 'place', 'Venice', { aliases: ['Venezia'], description: 'a republic' }),
    entity('ent_gibbon', 'work', 'The Decline and Fall', { aliases: ['Decline & Fall'], description: 'a history', authorities: [{ scheme: 'wikidata', id: 'Q2', uri: 'http://www.wikidata.org/entity/Q2' }] }),
    entity('ent_usurp', 'concept', 'usurpation', { aliases: ['tyranny', 'seizure'], description: 'taking power <unlawfully>', authorities: [{ scheme: 'loc', id: 'sh3', uri: 'http://id.loc.gov/authorities/subjects/sh3' }] }),
    entity('ent_battle', 'event', 'Battle of Ankara', { aliases: ['Battle of Angora'], description: 'Timur defeats Bayezid', dates: { date: '1402-07-20', start: '1402-07', end: '1402-08' } }),
    entity('ent_end', 'event', 'End of the siege', { dates: { end: '1402~' } }),
    entity('ent_plain', 'event', 'Undated event'),
    entity('ent_circa', 'date', 'about 1390', { dates: { date: '[1390..1392]' }, description: 'one of those years' }),
    entity('ent_heir', 'person', 'Manuel II', { dates: { birth: '1350?' } })
  ]
  for (const e of more) data.entities[e.id] = e
  data.citations.cit_chapter = citation('cit_chapter', {
    id: 'c', type: 'chapter', title: 'The Palaiologoi', 'container-title': 'Cambridge History', editor: [{ family: 'Shepard', given: 'Jonathan' }],
    issued: { 'date-parts': [[2008, 3, 5]] }, issue: '2', volume: '', page: '803-834'
  })
  data.citations.cit_old = citation('cit_old', { id: 'o', type: 'manuscript', title: 'Res gestae', issued: { 'date-parts': [[-44]] } })
  data.citations.cit_lit = citation('cit_lit', { id: 'l', type: 'book', title: 'Chronicle', issued: { literal: 'c. 1420' } })
  data.citations.cit_zero = citation('cit_zero', { id: 'z', type: 'book', title: 'Undated', issued: { 'date-parts': [[0]] } })
  data.citations.cit_range = citation('cit_range', { id: 'r', type: 'book', title: 'Annals', issued: { 'date-parts': [[1390], [1395]] } })
  data.citations.cit_raw = citation('cit_raw', { id: 'w', type: 'book', title: 'Letters', issued: { raw: 'spring 1391' } as never })
  // A verdict with a discrepancy that is a variant reading about an entity, no note and no source passage, on a link without locator.
  data.annotations.ann_venice = {
    ...data.annotations.ann_venice,
    citations: [{ citationId: 'cit_chapter', verification: { status: 'partially-supported', discrepancies: [{ kind: 'name', claim: 'Venice', source: 'Venetia', variant: true, entityId: 'ent_venice' }], note: '', by: 'Ada Historian', at: T } }]
  } as never
  data.annotations.ann_gibbon = { ...data.annotations.ann_gibbon, status: 'orphaned', note: 'passage gone' }
  data.annotations.ann_empty = { ...data.annotations.ann_empty, status: 'orphaned' }
  data.relations.rel_3 = { id: 'rel_3', subject: 'ent_john', predicate: '1st cousin of / ally', object: 'ent_andr', note: '', created: T }
  return { data, texts }
}

describe('TEI standOff', () => {
  let xml: string
  /** The standOff line of the element with xml:id `id`. */
  const line = (id: string): string => xml.split('\n').find((l) => l.includes(` xml:id="${id}"`)) ?? `(no element ${id})`
  /** `line` without the record JSON note, which the last test checks. */
  const shown = (id: string): string => line(id).replace(/<(note|desc) type="marginalia-record">[^<]*<\/\1>/, '')
  beforeEach(() => {
    const { data, texts } = project()
    xml = exportTei({ data, texts, scope: {}, options: {}, exportedAt: '2026-11-26T12:00:00.000Z' }).files[0].content as string
  })

  it('writes persons with names, aliases, dated birth and death, authority URIs and description', () => {
    expect(shown('ent_john')).toBe('<person xml:id="ent_john"><persName>John VII Palaiologos</persName><persName type="alias">Ἰωάννης Παλαιολόγος</persName>' +
      '<persName type="alias">John of Selybria</persName><birth when="1370">1370</birth><death when="1408-09-22">1408-09-22</death>' +
      '<idno type="URI" subtype="wikidata">http://www.wikidata.org/entity/Q312364</idno><note>Byzantine emperor, "briefly" in 1390</note></person>')
    expect(shown('ent_heir')).toBe('<person xml:id="ent_heir"><persName>Manuel II</persName><birth when="1350" cert="medium">1350?</birth></person>')
  })

  it('writes places with coordinates, organisations, works and concepts with their aliases and descriptions', () => {
    expect(shown('ent_cple')).toBe('<place xml:id="ent_cple"><placeName>Constantinople</placeName><location><geo>41.0122 28.976</geo></location>' +
      '<idno type="URI" subtype="pleiades">https://pleiades.stoa.org/places/520998</idno></place>')
    expect(shown('ent_venice')).toBe('<place xml:id="ent_venice"><placeName>Venice</placeName><placeName type="alias">Venezia</placeName><note>a republic</note></place>')
    expect(shown('ent_ott')).toBe('<org xml:id="ent_ott"><orgName>Ottoman court</orgName><orgName type="alias">Sublime Porte</orgName>' +
      '<idno type="URI" subtype="viaf">http://viaf.org/viaf/1</idno><note>the sultan\'s government</note></org>')
    expect(shown('ent_gibbon')).toBe('<bibl xml:id="ent_gibbon"><title>The Decline and Fall</title><title type="alias">Decline &amp; Fall</title>' +
      '<idno type="URI" subtype="wikidata">http://www.wikidata.org/entity/Q2</idno><note>a history</note></bibl>')
    expect(shown('ent_usurp')).toBe('<interp xml:id="ent_usurp">usurpation (also tyranny) (also seizure) : taking power &lt;unlawfully&gt;  &lt;http://id.loc.gov/authorities/subjects/sh3&gt;</interp>')
  })

  it('dates events by their date, else their start and end, and keeps the EDTF as written', () => {
    expect(shown('ent_siege')).toBe('<event xml:id="ent_siege" from="1394" to="1402"><label>Siege of Constantinople</label><note type="edtf">start 1394; end 1402</note></event>')
    expect(shown('ent_battle')).toBe('<event xml:id="ent_battle" when="1402-07-20"><label>Battle of Ankara</label><label type="alias">Battle of Angora</label>' +
      '<note>Timur defeats Bayezid</note><note type="edtf">1402-07-20; start 1402-07; end 1402-08</note></event>')
    expect(shown('ent_end')).toBe('<event xml:id="ent_end" to="1402" cert="medium"><label>End of the siege</label><note type="edtf">end 1402~</note></event>')
    expect(shown('ent_plain')).toBe('<event xml:id="ent_plain"><label>Undated event</label></event>')
    expect(shown('ent_1390')).toBe('<event xml:id="ent_1390" when="1390-04" cert="medium"><label>1390</label><note type="edtf">1390-04~</note></event>')
    expect(shown('ent_circa')).toBe('<event xml:id="ent_circa" notBefore="1390" notAfter="1392" cert="medium"><label>about 1390</label><note>one of those years</note><note type="edtf">[1390..1392]</note></event>')
    expect(xml).toMatch(/<listEvent type="date">\n<event xml:id="ent_1390"/)
    expect(xml).toMatch(/<listEvent>\n<event xml:id="ent_battle"/)
  })

  it('writes each bibliography item with its parts, its date, and the whole CSL-JSON item', () => {
    const cut = (id: string) => line(id).replace(/<note type="csl-json">[^<]*<\/note>/, '')
    expect(cut('cit_zach')).toBe('<bibl xml:id="cit_zach" type="article-journal"><author>Zachariadou, Elizabeth A.</author><title level="a">John VII (Alias Andronicus) Palaeologus</title>' +
      '<title level="j">Dumbarton Oaks Papers</title><date when="1977">1977</date><biblScope unit="volume">31</biblScope><biblScope unit="page">339-342</biblScope>' +
      '<idno type="DOI">10.2307/1291412</idno></bibl>')
    expect(cut('cit_gibbon')).toBe('<bibl xml:id="cit_gibbon" type="book"><author>Gibbon, Edward</author><title level="m">The History of the Decline and Fall of the Roman Empire</title>' +
      '<date when="1788">1788</date><biblScope unit="volume">6</biblScope><publisher>Strahan &amp; Cadell</publisher><pubPlace>London</pubPlace>' +
      '<idno type="URI">https://www.gutenberg.org/ebooks/895</idno><note type="source-document">doc_1</note></bibl>')
    expect(cut('cit_chapter')).toBe('<bibl xml:id="cit_chapter" type="chapter"><editor>Shepard, Jonathan</editor><title level="a">The Palaiologoi</title>' +
      '<title level="m">Cambridge History</title><date when="2008-03-05">2008-3-5</date><biblScope unit="issue">2</biblScope><biblScope unit="page">803-834</biblScope></bibl>')
    expect(cut('cit_old')).toContain('<date when="-0044">-44</date>')
    expect(cut('cit_lit')).toContain('<date>c. 1420</date>')
    expect(cut('cit_zero')).toContain('<date>0</date>')
    expect(cut('cit_range')).toContain('<date when="1390">1390/1395</date>')
    expect(cut('cit_raw')).toContain('<date>spring 1391</date>')
    const { data } = project()
    const csl = /<note type="csl-json">([^<]*)<\/note>/.exec(line('cit_zach'))![1].replace(/&quot;/g, '"').replace(/&amp;/g, '&')
    expect(JSON.parse(csl)).toEqual(data.citations.cit_zach.item)
  })

  it('writes citation links with their locators, tags with their colours, and verdicts with what was checked', () => {
    expect(line('ann_1390.c0')).toBe('<bibl xml:id="ann_1390.c0" corresp="#ann_1390"><ptr target="#cit_zach"/><citedRange unit="page">pp. 339-342</citedRange></bibl>')
    expect(xml).not.toContain('xml:id="ann_venice.c0"')
    expect(line('greek.tag')).toBe('<interp xml:id="greek.tag" style="color:#3366ff">greek</interp>')
    expect(line('alias.tag')).toBe('<interp xml:id="alias.tag">alias</interp>')
    expect(line('ann_1390.v0')).toBe('<interp xml:id="ann_1390.v0" type="contradicted" resp="#Ada_Historian.resp" inst="#ann_1390" source="#cit_zach">' +
      'contradicted — cit_zach at pp. 339-342, checked 2026-11-26T10:00:00.000Z. Checked, "mostly", against vol. 6; p. 39 Source passage: doc_1 [0, 4) “John”. Discrepancies: date 1390 → 1391.</interp>')
    expect(line('ann_venice.v0')).toBe('<interp xml:id="ann_venice.v0" type="partially-supported" resp="#Ada_Historian.resp" inst="#ann_venice" source="#cit_chapter">' +
      'partially-supported — cit_chapter, checked 2026-11-26T10:00:00.000Z. Discrepancies: name Venice → Venetia (variant) [entity ent_venice].</interp>')
    expect(xml).not.toContain('xml:id="ann_brief.v1"')
  })

  it('writes notes, orphans with what they pointed at, and relations with a TEI-safe name', () => {
    expect(xml).toContain('<note type="annotation" target="#ann_cross" resp="#Ada_Historian.resp">spans two paragraphs</note>')
    expect(xml).not.toContain('target="#ann_gibbon"')
    expect(line('ann_gibbon')).toBe('<note xml:id="ann_gibbon" type="orphaned-annotation" resp="#Ada_Historian.resp" corresp="#ent_gibbon"><quote>Gibbon</quote> passage gone</note>')
    expect(line('ann_empty')).toBe('<note xml:id="ann_empty" type="orphaned-annotation" resp="#Ada_Historian.resp"><quote>Paris</quote></note>')
    expect(line('rel_2')).toBe('<relation xml:id="rel_2" name="same-as" active="#ann_same1" passive="#ann_title"><desc>same as — alias "of Selybria"</desc></relation>')
    expect(line('rel_3')).toBe('<relation xml:id="rel_3" name="_1st-cousin-of-ally" active="#ent_john" passive="#ent_andr"><desc>1st cousin of / ally</desc></relation>')
  })

  it('keeps each entity\'s whole record as JSON, and the file stays valid TEI', () => {
    const { data } = project()
    for (const e of Object.values(data.entities)) {
      const json = /<(?:note|desc) type="marginalia-record">([^<]*)<\/(?:note|desc)>/.exec(line(e.id))?.[1]
      expect(JSON.parse(json!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')), e.id).toEqual(e)
    }
    const r = jingValidate([{ name: 'standoff.tei.xml', content: xml }])
    expect(r.output).toBe('')
    expect(r.status).toBe(0)
  })

  it('separates several aliases, URIs, discrepancies and links, and writes nothing for what a record lacks', () => {
    const { data, texts } = project()
    const e = data.entities
    e.ent_venice = { ...e.ent_venice, aliases: ['Venezia', 'Venetia'], authorities: [{ scheme: 'geonames', id: '1', uri: 'https://sws.geonames.org/1/' }, { scheme: 'pleiades', id: '2', uri: 'https://pleiades.stoa.org/places/2' }] }
    e.ent_ott = { ...e.ent_ott, aliases: ['Porte', 'Sublime Porte'], authorities: [] , description: '' }
    e.ent_battle = { ...e.ent_battle, aliases: ['Angora', 'Ankara'], description: '' }
    e.ent_gibbon = { ...e.ent_gibbon, aliases: ['DF', 'Decline'], authorities: [], description: '' }
    e.ent_usurp = { ...e.ent_usurp, description: '' }
    const v = data.annotations.ann_1390.citations[0].verification!
    v.discrepancies = [...v.discrepancies, { kind: 'name', claim: 'John', source: 'Ioannes', variant: false }]
    data.annotations.ann_gibbon = { ...data.annotations.ann_gibbon, citations: [{ citationId: 'cit_zach' }, { citationId: 'cit_gibbon' }] }
    data.citations.cit_old.item = { id: 'o', type: 'manuscript', title: 'Res gestae', volume: null as never }
    xml = exportTei({ data, texts, scope: {}, options: {}, exportedAt: '2026-11-26T12:00:00.000Z' }).files[0].content as string
    expect(shown('ent_venice')).toBe('<place xml:id="ent_venice"><placeName>Venice</placeName><placeName type="alias">Venezia</placeName><placeName type="alias">Venetia</placeName>' +
      '<idno type="URI" subtype="geonames">https://sws.geonames.org/1/</idno><idno type="URI" subtype="pleiades">https://pleiades.stoa.org/places/2</idno><note>a republic</note></place>')
    expect(shown('ent_ott')).toBe('<org xml:id="ent_ott"><orgName>Ottoman court</orgName><orgName type="alias">Porte</orgName><orgName type="alias">Sublime Porte</orgName></org>')
    expect(shown('ent_battle')).toContain('<label>Battle of Ankara</label><label type="alias">Angora</label><label type="alias">Ankara</label><note type="edtf">')
    expect(shown('ent_gibbon')).toBe('<bibl xml:id="ent_gibbon"><title>The Decline and Fall</title><title type="alias">DF</title><title type="alias">Decline</title></bibl>')
    expect(shown('ent_usurp')).toBe('<interp xml:id="ent_usurp">usurpation (also tyranny) (also seizure)  &lt;http://id.loc.gov/authorities/subjects/sh3&gt;</interp>')
    expect(line('ann_1390.v0')).toContain('Discrepancies: date 1390 → 1391; name John → Ioannes.</interp>')
    expect(line('ann_brief.v0')).toBe('<interp xml:id="ann_brief.v0" type="supported" resp="#Ada_Historian.resp" inst="#ann_brief" source="#cit_gibbon">' +
      'supported — cit_gibbon at ch. LXIV, checked 2026-11-26T10:00:00.000Z. Checked, "mostly", against vol. 6; p. 39 Source passage: doc_1 [0, 4) “John”.</interp>')
    expect(line('ann_gibbon')).toContain('corresp="#ent_gibbon #cit_zach #cit_gibbon"')
    expect(line('cit_old').replace(/<note type="csl-json">[^<]*<\/note>/, '')).toBe('<bibl xml:id="cit_old" type="manuscript"><title level="m">Res gestae</title></bibl>')
    for (const list of ['<listBibl type="works">', '<interpGrp type="concept">', '<listBibl type="citations">', '<listBibl type="citation-links">', '<interpGrp type="tag">',
      '<interpGrp type="verification">', '<spanGrp type="crossing-annotations">', '<listAnnotation type="notes">', '<listEvent type="date">']) expect(xml).toContain(list)
  })

  it('writes a placeholder note when there is nothing to stand off', () => {
    const { data, texts } = project()
    for (const k of ['annotations', 'entities', 'citations', 'relations', 'tags'] as const) data[k] = {}
    const empty = exportTei({ data, texts, scope: {}, options: {}, exportedAt: '2026-11-26T12:00:00.000Z' }).files[0].content as string
    expect(empty).toContain('<standOff>\n<listAnnotation><note>No annotations.</note></listAnnotation>\n</standOff>')
  })
})

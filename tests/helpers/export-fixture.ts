/**
 * A small but nasty project for export tests: Greek and astral text (𝔊, 🏛), annotations that
 * nest, cross each other and cross paragraph boundaries, notes with quotes, commas and newlines,
 * every entity type, citations with verdicts, relations, tags. Offsets are code points.
 */
import type { Annotation, AnchorStatus, CitationLink, DocumentRecord, Entity, ProjectData } from '../../src/shared/model'
import { CodePointIndex } from '../../src/shared/text/code-points'

export const FIXTURE_TEXT = [
  'John VII Palaiologos',
  '',
  'Ἰωάννης Παλαιολόγος (1370 – 22 September 1408) ruled 𝔊 Constantinople in 1390 & "briefly" <again> 🏛.',
  '',
  'Bayezid I besieged the city; Manuel II sought help in Venice and Paris.',
  '',
  '==Legacy==',
  'Gibbon calls him "John of Selybria", son of Andronikos IV.'
].join('\n')

const T = '2026-11-26T10:00:00.000Z'

/** Block spans (code points) of FIXTURE_TEXT: title, paragraph, paragraph, heading, paragraph. */
function structure(index: CodePointIndex): DocumentRecord['structure'] {
  const lines = index.text.split('\n')
  const blocks: DocumentRecord['structure'] = []
  let u = 0
  lines.forEach((line, i) => {
    const start = index.toCodePoint(u)
    const end = index.toCodePoint(u + line.length)
    u += line.length + 1
    if (!line) return
    if (i === 0) blocks.push({ kind: 'title', start, end, level: 1 })
    else if (line.startsWith('==')) blocks.push({ kind: 'heading', start, end, level: 2 })
    else blocks.push({ kind: 'paragraph', start, end })
  })
  return blocks
}

/** Code point range of the `occurrence`-th (1-based) `quote` in `index`'s text. */
export function rangeOf(index: CodePointIndex, quote: string, occurrence = 1): [number, number] {
  let u = -1
  for (let k = 0; k < occurrence; k++) {
    u = index.text.indexOf(quote, u + 1)
    if (u < 0) throw new Error(`fixture: quote not found: ${quote}`)
  }
  return [index.toCodePoint(u), index.toCodePoint(u + quote.length)]
}

/** An annotation over code points [start, end) of the document with `id` and text `index`. */
export function makeAnnotation(
  id: string, documentId: string, index: CodePointIndex, start: number, end: number,
  extra: Partial<Pick<Annotation, 'tags' | 'note' | 'entityIds' | 'citations' | 'color'>> & { status?: AnchorStatus } = {}
): Annotation {
  return {
    id, documentId,
    target: {
      start, end, exact: index.slice(start, end),
      prefix: index.slice(Math.max(0, start - 32), start), suffix: index.slice(end, Math.min(index.length, end + 32))
    },
    tags: extra.tags ?? [], note: extra.note ?? '', entityIds: extra.entityIds ?? [], citations: extra.citations ?? [],
    ...(extra.color ? { color: extra.color } : {}),
    author: 'Ada Historian', created: T, modified: T, status: extra.status ?? 'anchored'
  }
}

function entity(id: string, type: Entity['type'], label: string, more: Partial<Entity> = {}): Entity {
  return { id, type, label, aliases: [], description: '', authorities: [], dates: {}, created: T, modified: T, ...more }
}

/** The fixture project, with the document text under `texts`. */
export function fixtureProject(): { data: ProjectData; texts: Record<string, string> } {
  const index = new CodePointIndex(FIXTURE_TEXT)
  const doc: DocumentRecord = {
    id: 'doc_1', title: 'John VII Palaiologos', format: 'wiki', role: 'text', sha256: 'a'.repeat(64),
    fileName: 'john-vii.txt', length: index.length, structure: structure(index),
    metadata: { categories: ['Byzantine emperors', '1408 deaths'], language: 'en' }, created: T, modified: T
  }
  const entities: Entity[] = [
    entity('ent_john', 'person', 'John VII Palaiologos', {
      aliases: ['Ἰωάννης Παλαιολόγος', 'John of Selybria'], description: 'Byzantine emperor, "briefly" in 1390',
      authorities: [{ scheme: 'wikidata', id: 'Q312364', uri: 'http://www.wikidata.org/entity/Q312364' }],
      dates: { birth: '1370', death: '1408-09-22' }
    }),
    entity('ent_cple', 'place', 'Constantinople', {
      coordinates: { lat: 41.0122, lon: 28.976 },
      authorities: [{ scheme: 'pleiades', id: '520998', uri: 'https://pleiades.stoa.org/places/520998' }]
    }),
    entity('ent_venice', 'place', 'Venice'),
    entity('ent_ott', 'organisation', 'Ottoman court'),
    entity('ent_siege', 'event', 'Siege of Constantinople', { dates: { start: '1394', end: '1402' } }),
    entity('ent_1390', 'date', '1390', { dates: { date: '1390-04~' } }),
    entity('ent_1408', 'date', '22 September 1408', { dates: { date: '1408-09-22' } }),
    entity('ent_gibbon', 'work', 'The Decline and Fall'),
    entity('ent_usurp', 'concept', 'usurpation'),
    entity('ent_bayezid', 'person', 'Bayezid I'),
    entity('ent_andr', 'person', 'Andronikos IV')
  ]
  const link = (citationId: string, locator?: string, status?: 'supported' | 'contradicted'): CitationLink => ({
    citationId, ...(locator ? { locator } : {}),
    ...(status ? {
      verification: {
        status, discrepancies: status === 'contradicted' ? [{ kind: 'date', claim: '1390', source: '1391', variant: false }] : [],
        note: 'Checked, "mostly", against vol. 6; p. 39', by: 'Ada Historian', at: T,
        source: { documentId: 'doc_1', start: 0, end: 4, exact: 'John', prefix: '', suffix: index.slice(4, 36) }
      }
    } : {})
  })
  const a = (id: string, quote: string, extra: Parameters<typeof makeAnnotation>[5] = {}, occ = 1) => {
    const [s, e] = rangeOf(index, quote, occ)
    return makeAnnotation(id, doc.id, index, s, e, extra)
  }
  const p2 = rangeOf(index, 'Bayezid I besieged')
  const annotations: Annotation[] = [
    a('ann_title', 'John VII Palaiologos', { entityIds: ['ent_john'] }),
    a('ann_greek', 'Ἰωάννης Παλαιολόγος', { entityIds: ['ent_john'], tags: ['greek', 'name, "quoted"'], note: 'Greek form;\nsee "PLP" 21480, p. 3' }),
    a('ann_dates', '(1370 – 22 September 1408)', { tags: ['dates'] }),
    a('ann_1408', '22 September 1408', { entityIds: ['ent_1408'] }),
    a('ann_1390', '1390', { entityIds: ['ent_1390'], citations: [link('cit_zach', 'pp. 339-342', 'contradicted')] }),
    // Crosses ann_1390's neighbour: "Constantinople in 1390" and "in 1390 & \"briefly\"" overlap without nesting.
    a('ann_rule', 'ruled 𝔊 Constantinople in 1390', { note: 'astral 𝔊 and 🏛 in a note, with, commas', color: '#ffcc00', entityIds: ['ent_usurp'] }),
    a('ann_brief', 'in 1390 & "briefly" <again> 🏛', { tags: ['xml <&> chars'], citations: [link('cit_gibbon', 'ch. LXIV', 'supported'), link('cit_zach')] }),
    a('ann_cple', 'Constantinople', { entityIds: ['ent_cple'] }),
    // Crosses a paragraph boundary.
    makeAnnotation('ann_cross', doc.id, index, p2[0] - 5, p2[1], { note: 'spans two paragraphs' }),
    a('ann_bayezid', 'Bayezid I', { entityIds: ['ent_bayezid'] }),
    a('ann_siege', 'besieged the city', { entityIds: ['ent_siege', 'ent_ott'] }),
    a('ann_venice', 'Venice', { entityIds: ['ent_venice'], status: undefined }),
    a('ann_gibbon', 'Gibbon', { entityIds: ['ent_gibbon'] }),
    a('ann_same1', 'John of Selybria', { entityIds: ['ent_john'] }),
    // Same span as ann_same1: identical ranges nest.
    a('ann_same2', 'John of Selybria', { tags: ['alias'] }),
    a('ann_andr', 'Andronikos IV', { entityIds: ['ent_andr'] }),
    a('ann_empty', 'Paris', { note: '' })
  ]
  const data: ProjectData = {
    schemaVersion: 1,
    project: { id: 'prj_1', name: 'Byzantine test', created: T },
    documents: { [doc.id]: doc },
    annotations: Object.fromEntries(annotations.map((x) => [x.id, x])),
    entities: Object.fromEntries(entities.map((x) => [x.id, x])),
    citations: {
      cit_zach: {
        id: 'cit_zach', created: T, modified: T,
        item: {
          id: 'zachariadou1977', type: 'article-journal', title: 'John VII (Alias Andronicus) Palaeologus',
          author: [{ family: 'Zachariadou', given: 'Elizabeth A.' }], 'container-title': 'Dumbarton Oaks Papers',
          volume: 31, page: '339-342', issued: { 'date-parts': [[1977]] }, DOI: '10.2307/1291412', note: 'a CSL note & more'
        }
      },
      cit_gibbon: {
        id: 'cit_gibbon', created: T, modified: T, sourceDocumentId: 'doc_1',
        item: { id: 'gibbon1788', type: 'book', title: 'The History of the Decline and Fall of the Roman Empire', author: [{ family: 'Gibbon', given: 'Edward' }], volume: 6, publisher: 'Strahan & Cadell', 'publisher-place': 'London', issued: { 'date-parts': [[1788]] }, URL: 'https://www.gutenberg.org/ebooks/895' }
      }
    },
    relations: {
      rel_1: { id: 'rel_1', subject: 'ent_john', predicate: 'son of', object: 'ent_andr', note: '', created: T },
      rel_2: { id: 'rel_2', subject: 'ann_same1', predicate: 'same as', object: 'ann_title', note: 'alias "of Selybria"', created: T }
    },
    predicates: { 'son of': { id: 'son of', builtin: true }, 'same as': { id: 'same as', builtin: true } },
    tags: { greek: { id: 'greek', color: '#3366ff' }, dates: { id: 'dates', color: 'orange' } },
    rejectedSuggestions: { rej_1: { id: 'rej_1', documentId: 'doc_1', start: 0, end: 4, exact: 'John', created: T } }
  }
  return { data, texts: { [doc.id]: FIXTURE_TEXT } }
}

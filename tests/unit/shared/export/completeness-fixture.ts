/**
 * A project in which every field of the native model is set, each string to a value found nowhere
 * else (`zq…` tokens, distinct timestamps, distinct numbers), so an export test can tell whether a
 * field's value reached the output. Two documents (a text under study and an attached source),
 * one entity of each type with every field, a citation item with many CSL fields, citation links
 * with locators and verdicts, relations, a predicate, a tag, a rejected suggestion, and structure
 * blocks of every kind with levels and printed labels. Offsets are code points.
 */
import { type Annotation, type Block, type Entity, ENTITY_TYPES, type ProjectData } from '../../../../src/shared/model'
import { orcidCheckCharacter } from '../../../../src/shared/team/person'
import { CodePointIndex } from '../../../../src/shared/text/code-points'

let people = 0
/** A person found nowhere else, with a valid ORCID iD of their own (authorship, team2). */
function person(role: string): { name: string; orcid: string } {
  const d = `0009${String(1000000 + ++people * 7919).padStart(11, '0')}`.slice(0, 15)
  const id = d + orcidCheckCharacter(d)
  return { name: `Zq${role}person${people}`, orcid: id.replace(/^(\d{4})(\d{4})(\d{4})(\d{3}[\dX])$/, '$1-$2-$3-$4') }
}
const authorship = (role: string) => ({ createdBy: person(`${role}maker`), modifiedBy: person(`${role}changer`) })

const TEXT = [
  'Zqtitle of the book',
  '',
  'ZqchapterLXIV the heading',
  '',
  'First paragraph: the emperor Zqmentionone ruled in Zqplaceone while Zqcitedclaim happened.',
  'A second line of the same paragraph names Zqmentiontwo near the end of page three.',
  '',
  '- a list item naming Zqitemword',
  '',
  'Verse Zqverseone',
  'Verse Zqversetwo',
  '',
  '[1] A note naming Zqnoteword.'
].join('\n')

const SOURCE = 'Source text: the chronicle says Zqsourcepassage in plain words, and more besides.'

let clock = 0
/** A timestamp no other field has. */
const ts = (): string => new Date(Date.UTC(2031, 0, 1, 0, 0, 0) + (++clock) * 61_000).toISOString()

function span(index: CodePointIndex, quote: string): { start: number; end: number } {
  const u = index.text.indexOf(quote)
  if (u < 0) throw new Error(`fixture: ${quote} not in the text`)
  return { start: index.toCodePoint(u), end: index.toCodePoint(u + quote.length) }
}

function target(index: CodePointIndex, quote: string) {
  const { start, end } = span(index, quote)
  return { start, end, exact: index.slice(start, end), prefix: index.slice(Math.max(0, start - 32), start), suffix: index.slice(end, end + 32) }
}

function blocks(index: CodePointIndex): Block[] {
  const b = (kind: Block['kind'], quote: string, more: Partial<Block> = {}): Block => ({ kind, ...span(index, quote), ...more })
  return [
    b('title', 'Zqtitle of the book', { level: 1 }),
    b('heading', 'ZqchapterLXIV the heading', { level: 2, label: 'zqdivlabel' }),
    b('paragraph', 'First paragraph: the emperor Zqmentionone ruled in Zqplaceone while Zqcitedclaim happened.\nA second line of the same paragraph names Zqmentiontwo near the end of page three.'),
    b('list-item', '- a list item naming Zqitemword'),
    b('line-group', 'Verse Zqverseone\nVerse Zqversetwo'),
    b('note', '[1] A note naming Zqnoteword.'),
    b('page', 'A second line of the same paragraph names Zqmentiontwo near the end of page three.\n\n- a list item', { label: 'zqpagelabel' }),
    b('line', 'Verse Zqversetwo', { label: 'zqlinelabel' })
  ]
}

/** The fixture project and its documents' texts. */
export function completeProject(): { data: ProjectData; texts: Record<string, string> } {
  clock = 0
  const index = new CodePointIndex(TEXT)
  const source = new CodePointIndex(SOURCE)
  const doc = {
    id: 'zqdocid', title: 'Zqdoctitle', format: 'wiki' as const, role: 'text' as const, sha256: 'abcdef0123456789'.repeat(4), fileName: 'zqfilename.txt',
    length: index.length, textFile: 'zqtextfile.txt', structure: blocks(index),
    metadata: { categories: ['Zqcategory'], language: 'grc-x-zqlang', url: 'https://example.org/zqdocurl' }, created: ts(), modified: ts()
  }
  const src = {
    id: 'zqsrcid', title: 'Zqsrctitle', format: 'text' as const, role: 'source' as const, sha256: '9876543210fedcba'.repeat(4), fileName: 'zqsrcfile.txt',
    length: source.length, structure: [{ kind: 'paragraph' as const, start: 0, end: source.length }],
    metadata: { categories: ['Zqsrccategory'] }, created: ts(), modified: ts()
  }
  const entities: Entity[] = ENTITY_TYPES.map((type, i) => ({
    id: `zqent${type}`, type, label: `Zqlabel${type}`, aliases: [`Zqalias${type}`], description: `Zqdesc${type}`,
    authorities: [{ scheme: 'wikidata' as const, id: `Q83${i}5`, uri: `http://www.wikidata.org/entity/Q83${i}5` }],
    coordinates: { lat: 10.1 + i, lon: 20.2 + i },
    dates: { date: `130${i}-01-0${i + 1}`, birth: `131${i}-02-0${i + 1}`, death: `132${i}-03-0${i + 1}`, start: `133${i}-04-0${i + 1}`, end: `134${i}-05-0${i + 1}` },
    created: ts(), modified: ts(), ...authorship(`ent${type}`)
  }))
  const ann = (id: string, quote: string, more: Partial<Annotation>): Annotation => ({
    id, documentId: doc.id, target: target(index, quote), tags: [], note: '', entityIds: [], citations: [],
    author: `Zqwriter${id.slice(5)}`, created: ts(), modified: ts(), status: 'anchored', ...authorship(`ann${id.slice(5)}`), ...more
  })
  const annotations: Annotation[] = [
    ann('zqannone', 'Zqmentionone', { entityIds: ['zqentperson'], tags: ['zqtag'], note: 'Zqnoteone', color: '#a1b2c3' }),
    ann('zqanntwo', 'Zqcitedclaim', {
      status: 'moved',
      citations: [{
        citationId: 'zqcitid', locator: 'zqlocator',
        verification: {
          status: 'contradicted', note: 'Zqverdictnote', by: 'Zqverdictby', byOrcid: person('verdict').orcid, at: ts(),
          discrepancies: [{ kind: 'date', claim: 'Zqclaimvalue', source: 'Zqsourcevalue', variant: true, entityId: 'zqdiscrepancyentity' }],
          source: { documentId: src.id, ...target(source, 'Zqsourcepassage') }
        }
      }]
    }),
    ann('zqannthree', 'Zqplaceone', { entityIds: ['zqentplace', 'zqentevent'] })
  ]
  const T = ts()
  const data: ProjectData = {
    schemaVersion: 1,
    project: { id: 'urn:uuid:00000000-0000-4000-8000-00000000zq01', name: 'Zqproject', created: T },
    documents: { [doc.id]: doc, [src.id]: src },
    annotations: Object.fromEntries(annotations.map((a) => [a.id, a])),
    entities: Object.fromEntries(entities.map((e) => [e.id, e])),
    citations: {
      zqcitid: {
        id: 'zqcitid', sourceDocumentId: src.id, created: ts(), modified: ts(), ...authorship('cit'),
        item: {
          id: 'zqcitid', type: 'article-journal', title: 'Zqitemtitle', 'container-title': 'Zqjournal', volume: '4711', issue: '4712',
          page: '4713-4714', publisher: 'Zqpublisher', 'publisher-place': 'Zqpubplace', DOI: '10.4715/zqdoi', URL: 'https://example.org/zqurl',
          language: 'de', note: 'Zqcslnote', 'citation-key': 'zqcitekey',
          author: [{ family: 'Zqfamily', given: 'Zqgiven' }], editor: [{ family: 'Zqeditorfamily', given: 'Zqeditorgiven' }],
          issued: { 'date-parts': [[1891, 7, 9]] }
        }
      }
    },
    relations: {
      zqrelid: { id: 'zqrelid', subject: 'zqentperson', predicate: 'zqpredicate', object: 'zqentplace', note: 'Zqrelnote', created: ts(), ...authorship('rel') },
      zqrelann: { id: 'zqrelann', subject: 'zqannone', predicate: 'zqpredicate', object: 'zqentwork', note: 'Zqrelnotetwo', created: ts(), ...authorship('reltwo') }
    },
    predicates: { zqpredicate: { id: 'zqpredicate', builtin: false } },
    tags: { zqtag: { id: 'zqtag', color: '#c3b2a1' } },
    rejectedSuggestions: { zqrejid: { id: 'zqrejid', documentId: doc.id, ...span(index, 'Zqitemword'), exact: 'Zqitemword', created: ts() } }
  }
  return { data, texts: { [doc.id]: TEXT, [src.id]: SOURCE } }
}

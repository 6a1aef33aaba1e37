/**
 * TEI P5 export: one `<TEI>` file per document, valid against tei_all. The text keeps its structure
 * (./tei-body.ts) with each annotation as an element: `persName`/`placeName`/`orgName` for one kind
 * of person, place or organisation, `date` (dated from the entity's EDTF) for dates, `rs` for events,
 * works, concepts and mixed kinds, `ref` for a citation alone, `seg` otherwise. Entities are pointed to
 * by `@ref`, citations by `@corresp` (`@target` on `ref`), tags and verdicts by `@ana`, the author by
 * `@resp`; a hand-picked colour goes into `@style`. Annotations that cross others or block boundaries
 * become standOff `span`s between two `anchor`s (./tei-standoff.ts). Offsets are code points.
 */
import type { Annotation, Block, DocumentRecord, Entity, Person } from '../model'
import { formatPerson, orcidUrl, samePerson } from '../team/person'
import { CodePointIndex } from '../text/code-points'
import { slug } from './native-json'
import { rejectedSuggestionsLoss } from './losses'
import { type ExportSelection, selectForExport } from './reach'
import { runSteps, type ExportSteps } from './steps'
import { buildBody, type InlineElement } from './tei-body'
import { datingAttrs, teiDating } from './tei-dates'
import { buildStandOff } from './tei-standoff'
import type { ExportFile, ExportInput, ExportOutput, ExportProgress, LossItem } from './types'
import { attrs, escapeAttr, escapeText as t, xmlSafe, XmlIds } from './xml'

const NAMED: Partial<Record<Entity['type'], string>> = { person: 'persName', place: 'placeName', organisation: 'orgName', date: 'date' }

/** A BCP 47 tag TEI accepts in xml:lang (anything else is left out rather than made invalid). */
const LANG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/

interface FileContext {
  ids: XmlIds
  entities: Map<string, Entity>
  /** `#id` of the person's respStmt in the header (team2: creator with ORCID). */
  resp(author: Person): string
}

/** How one annotation is written, as attribute values (pointers already as `#id` lists). */
interface AnnotationMarkup {
  /** Element name when inline: persName, placeName, orgName, date, rs, ref or seg. */
  name: string
  id: string
  ana?: string
  style?: string
  resp: string
  /** `@type` of the element (rs kind, `citation`, `annotation`). */
  type?: string
  /** Pointers to entities (`@ref`). */
  ref?: string
  /** Pointers to citations (`@corresp`, or `@target` on `ref`). */
  cites?: string
  /** Dating attributes, already rendered (date elements only). */
  dating: string
}

/** What one annotation becomes: element, pointers, tags and verdicts. */
function describe(a: Annotation, fc: FileContext): AnnotationMarkup {
  const { ids } = fc
  const id = ids.bulk(a.id)
  let ana = ''
  for (const x of a.tags) ana += (ana ? ' #' : '#') + ids.named('tag', x)
  let cites = ''
  for (let n = 0; n < a.citations.length; n++) {
    const c = a.citations[n]
    cites += (cites ? ' #' : '#') + ids.record(c.citationId)
    if (c.verification) ana += (ana ? ' #' : '#') + ids.derive(id, `v${n}`)
  }
  const m: AnnotationMarkup = {
    name: 'seg', id, ana: ana || undefined, style: a.color ? `background-color:${a.color}` : undefined,
    resp: fc.resp(a.createdBy ?? { name: a.author }), type: 'annotation', cites: cites || undefined, dating: ''
  }
  let ref = ''
  let only: Entity['type'] | undefined
  let mixed = false
  let single: Entity | undefined
  for (const id of a.entityIds) {
    const e = fc.entities.get(id)
    if (!e) continue // an id no entity has would be a dangling pointer: left out
    ref += (ref ? ' #' : '#') + ids.record(e.id)
    if (only === undefined) {
      only = e.type
      single = e
    } else {
      single = undefined
      if (e.type !== only) mixed = true
    }
  }
  if (ref) {
    m.name = (!mixed && only && NAMED[only]) || 'rs'
    m.type = m.name === 'rs' ? (mixed ? 'mixed' : only) : undefined
    m.ref = ref
    if (m.name === 'date' && single) m.dating = attrs(datingAttrs(teiDating(single.dates.date)))
  } else if (cites) {
    m.name = 'ref'
    m.type = 'citation'
  }
  return m
}

/** ` name="value"`, or '' when there is no value. */
const at = (name: string, value: string | undefined) => (value ? ` ${name}="${escapeAttr(value)}"` : '')

/** The inline element: `<name xml:id … >`. */
function inlineElement(m: AnnotationMarkup): InlineElement {
  const open = `<${m.name}${at('xml:id', m.id)}${at('ana', m.ana)}${at('style', m.style)}${at('resp', m.resp)}${at('type', m.type)}` +
    `${at('ref', m.ref)}${at(m.name === 'ref' ? 'target' : 'corresp', m.cites)}${m.dating}>`
  return { name: m.name, open }
}

/** The standOff span of a crossing annotation, between its anchors; its pointers go into `@corresp`. */
function spanElement(a: Annotation, m: AnnotationMarkup, from: string, to: string): string {
  const pointers = m.ref && m.cites ? `${m.ref} ${m.cites}` : m.ref || m.cites
  return `<span${at('xml:id', m.id)}${at('ana', m.ana)}${at('style', m.style)}${at('resp', m.resp)}${at('type', m.name)}` +
    `${at('subtype', m.type)}${at('corresp', pointers)}${at('from', '#' + from)}${at('to', '#' + to)}>${t(a.target.exact)}</span>`
}

function header(doc: DocumentRecord, input: ExportInput, authors: Map<string, { id: string; person: Person }>): string {
  const resp = [...authors.values()].map(({ id, person }) => `<respStmt xml:id="${id}"><resp>annotation</resp><name${at('ref', orcidUrl(person))}>${t(person.name)}</name></respStmt>`).join('')
  const cats = doc.metadata.categories.map((c) => `<term>${t(c)}</term>`).join('')
  const lang = doc.metadata.language && LANG.test(doc.metadata.language) ? doc.metadata.language : undefined
  const profile = [
    lang ? `<langUsage><language ident="${lang}">${lang}</language></langUsage>` : '',
    cats ? `<textClass><keywords>${cats}</keywords></textClass>` : ''
  ].join('')
  return [
    '<teiHeader>\n<fileDesc>\n',
    `<titleStmt><title>${t(doc.title)}</title>${resp}</titleStmt>\n`,
    `<publicationStmt><publisher>Marginalia</publisher><date${attrs([['when', input.exportedAt]])}>${t(input.exportedAt)}</date></publicationStmt>\n`,
    '<sourceDesc><bibl>',
    `<title>${t(doc.title)}</title><idno type="marginalia">${t(doc.id)}</idno><idno type="sha256">${doc.sha256}</idno>`,
    doc.metadata.url ? `<idno type="URI">${t(doc.metadata.url)}</idno>` : '',
    `<note>Imported into Marginalia from ${t(doc.fileName)} (${doc.format}, role ${doc.role}); ${doc.length} code points of normalised text.</note>`,
    '</bibl></sourceDesc>\n</fileDesc>\n',
    profile ? `<profileDesc>${profile}</profileDesc>\n` : '',
    '</teiHeader>\n'
  ].join('')
}

/** TEI export as resumable steps: one step per document, progress in annotations. */
export function* teiSteps(input: ExportInput): ExportSteps {
  const sel = selectForExport(input.data, input.scope)
  // The whole project's entities and citations go into every file, so none is lost; one document's export carries what it reaches.
  const entities = sel.entities
  const total = sel.annotations.length
  const files: ExportFile[] = []
  const written = new Set<string>()
  const names = new Set<string>()
  let done = 0
  let replaced = 0
  let moved = 0
  let milestoneEnds = 0
  for (const doc of input.scope.documentId ? sel.documents.filter((d) => d.id === input.scope.documentId) : sel.documents) {
    const text = input.texts[doc.id]
    if (text === undefined) throw new Error(`text of document ${doc.id} was not provided to the exporter`)
    const safe = xmlSafe(text)
    replaced += safe.replaced
    milestoneEnds += unmarkedEnds(doc.structure, doc.length)
    const index = new CodePointIndex(safe.text)
    const anns = sel.annotations.filter((a) => a.documentId === doc.id)
    const placeable = (a: Annotation) => a.status !== 'orphaned' && a.target.start >= 0 && a.target.start <= a.target.end && a.target.end <= index.length
    moved += anns.filter((a) => a.status === 'moved').length
    const ids = new XmlIds()
    const authors = new Map<string, { id: string; person: Person }>()
    /** The person's respStmt id, from their formatted name; a second person formatting alike gets a numbered one. */
    const respId = (person: Person): string => {
      const formatted = formatPerson(person)
      const taken = [...authors.values()].filter((a) => formatPerson(a.person) === formatted).length
      return ids.named('resp', taken ? `${formatted} ${taken + 1}` : formatted)
    }
    const fc: FileContext = {
      ids, entities: new Map(entities.map((e) => [e.id, e])),
      resp: (person) => {
        // Keyed by name and ORCID, not by the formatted text: a name holding `<…>` (a hand-edited
        // project) formats like another person's name with an ORCID, and must not share their respStmt.
        const key = JSON.stringify([person.name, person.orcid ?? null])
        if (!authors.has(key)) authors.set(key, { id: respId(person), person })
        return '#' + authors.get(key)!.id
      }
    }
    // Records first: annotation ids are then kept as they are unless a record took the same one.
    for (const e of entities) ids.record(e.id)
    for (const c of sel.citations) ids.record(c.id)
    for (const r of sel.relations) ids.record(r.id)
    const entityIds = new Set(entities.map((e) => e.id))
    const anchorIds = (a: Annotation): [string, string] => {
      const base = ids.bulk(a.id)
      if (a.target.start === a.target.end) {
        const at = ids.derive(base, 'at')
        return [at, at]
      }
      return [ids.derive(base, 'start'), ids.derive(base, 'end')]
    }
    const body = buildBody({
      index, structure: doc.structure, annotations: anns.filter(placeable),
      inline: (a) => inlineElement(describe(a, fc)),
      anchorIds
    })
    // Half of a document's work is its body: report it, and let a cancel in.
    yield [done + Math.floor(anns.length / 2), total]
    const local = new Set([...entities.map((e) => e.id), ...anns.map((a) => a.id)])
    const relations = sel.relations.filter((r) => local.has(r.subject) && local.has(r.object))
    for (const r of relations) written.add(r.id)
    const tagIds = [...new Set([...sel.tags.map((x) => x.id), ...anns.flatMap((a) => a.tags)])].sort()
    const standOff = buildStandOff({
      ids, entities, citations: sel.citations, annotations: anns,
      tags: tagIds.map((id) => ({ id, tag: input.data.tags[id] })),
      crossing: body.crossing.map(({ a, from, to }) => spanElement(a, describe(a, fc), from, to)),
      orphans: anns.filter((a) => !placeable(a)),
      relations, resp: fc.resp,
      pointer: (id) => '#' + (entityIds.has(id) ? ids.record(id) : ids.bulk(id)),
      verdictId: (a, n) => ids.derive(ids.bulk(a.id), `v${n}`),
      linkId: (a, n) => ids.derive(ids.bulk(a.id), `c${n}`)
    })
    const lang = doc.metadata.language && LANG.test(doc.metadata.language) ? ` xml:lang="${doc.metadata.language}"` : ''
    const xml = [
      '<?xml version="1.0" encoding="UTF-8"?>\n',
      `<TEI xmlns="http://www.tei-c.org/ns/1.0"${lang}>\n`,
      header(doc, input, authors),
      '<text>\n<body>\n', body.xml, '</body>\n</text>\n',
      standOff,
      '</TEI>\n'
    ].join('')
    let name = `${slug(doc.title) || 'document'}.tei.xml`
    if (names.has(name)) name = `${slug(doc.title) || 'document'}-${slug(doc.id)}.tei.xml`
    names.add(name)
    files.push({ name, mediaType: 'application/tei+xml', content: xml })
    done += anns.length
    yield [done, total]
  }
  return { files, losses: teiLosses(sel, { relations: sel.relations.length - written.size, replaced, moved, milestoneEnds }) }
}

/**
 * Page and line spans whose end TEI cannot show: a `<pb/>` or `<lb/>` marks where a span begins,
 * so a span's end is carried only when it is where the next one of its kind begins (or the text ends).
 */
function unmarkedEnds(structure: readonly Block[], length: number): number {
  let n = 0
  for (const kind of ['page', 'line'] as const) {
    const spans = structure.filter((b) => b.kind === kind).sort((a, b) => a.start - b.start)
    spans.forEach((s, i) => {
      if (s.end !== (i + 1 < spans.length ? spans[i + 1].start : length)) n++
    })
  }
  return n
}

function teiLosses(sel: ExportSelection, n: { relations: number; replaced: number; moved: number; milestoneEnds: number }): LossItem[] {
  const out: LossItem[] = []
  if (sel.annotations.length > 0) out.push({ what: 'annotation creation and modification times', count: sel.annotations.length, fields: ['annotations.created', 'annotations.modified'] })
  if (n.moved > 0) out.push({ what: 'anchoring status "moved" (the passage is marked where it is now)', count: n.moved, fields: ['annotations.status'] })
  if (n.relations > 0) out.push({ what: 'relations between records of different documents', count: n.relations, fields: ['relations'] })
  if (n.replaced > 0) out.push({ what: 'characters XML 1.0 cannot hold (replaced by U+FFFD)', count: n.replaced })
  if (n.milestoneEnds > 0) out.push({ what: 'where page and line spans end, when not where the next begins (<pb/> and <lb/> mark beginnings)', count: n.milestoneEnds, fields: ['documents.structure.end'] })
  if (sel.documents.length > 0) out.push({ what: 'document record times and text file names', count: sel.documents.length, fields: ['documents.created', 'documents.modified', 'documents.textFile'] })
  if (sel.citations.length > 0) out.push({ what: 'times bibliography items were added and edited', count: sel.citations.length, fields: ['citations.created', 'citations.modified'] })
  if (sel.relations.length > 0) out.push({ what: 'times relations were made', count: sel.relations.length, fields: ['relations.created'] })
  if (sel.predicates.length > 0) out.push({ what: 'the predicate vocabulary (each relation carries its predicate)', count: sel.predicates.length, fields: ['predicates.builtin'] })
  // Authorship (team2): @resp names an annotation's creator; the last modifier has no place of its own.
  const modifiedByOther = sel.annotations.filter((a) => a.modifiedBy && !samePerson(a.modifiedBy, a.createdBy ?? { name: a.author })).length
  if (modifiedByOther > 0) out.push({ what: 'who last changed an annotation, when not its creator (@resp names the creator)', count: modifiedByOther, fields: ['annotations.modifiedBy.name', 'annotations.modifiedBy.orcid'] })
  const annotators = sel.annotations.filter((a) => a.createdBy && a.author && a.author !== a.createdBy.name).length
  if (annotators > 0) out.push({ what: 'the annotator\'s name, when not the creator\'s (@resp names the creator)', count: annotators, fields: ['annotations.author'] })
  const authored = [...sel.citations, ...sel.relations].filter((r) => r.createdBy || r.modifiedBy).length
  if (authored > 0) out.push({ what: 'who made and last changed bibliography items and relations', count: authored, fields: ['citations.createdBy.name', 'citations.createdBy.orcid', 'citations.modifiedBy.name', 'citations.modifiedBy.orcid', 'relations.createdBy.name', 'relations.createdBy.orcid', 'relations.modifiedBy.name', 'relations.modifiedBy.orcid'] })
  return [...out, ...rejectedSuggestionsLoss(sel)]
}

/** TEI exporter (the pure `Exporter` contract). */
export function exportTei(input: ExportInput, progress?: ExportProgress, signal?: AbortSignal): ExportOutput {
  return runSteps(teiSteps(input), progress, signal)
}

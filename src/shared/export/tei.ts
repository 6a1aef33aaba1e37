/**
 * TEI P5 export: one `<TEI>` file per document, valid against tei_all. The text keeps its structure
 * (./tei-body.ts) with each annotation as an element: `persName`/`placeName`/`orgName` for one kind
 * of person, place or organisation, `date` (dated from the entity's EDTF) for dates, `rs` for events,
 * works, concepts and mixed kinds, `ref` for a citation alone, `seg` otherwise. Entities are pointed to
 * by `@ref`, citations by `@corresp` (`@target` on `ref`), tags and verdicts by `@ana`, the author by
 * `@resp`; a hand-picked colour goes into `@style`. Annotations that cross others or block boundaries
 * become standOff `span`s between two `anchor`s (./tei-standoff.ts). Offsets are code points.
 */
import type { Annotation, DocumentRecord, Entity } from '../model'
import { CodePointIndex } from '../text/code-points'
import { slug } from './native-json'
import { selectForExport } from './reach'
import { runSteps, type ExportSteps } from './steps'
import { buildBody, type InlineElement } from './tei-body'
import { datingAttrs, teiDating } from './tei-dates'
import { buildStandOff } from './tei-standoff'
import type { ExportFile, ExportInput, ExportOutput, ExportProgress, LossItem } from './types'
import { attrs, escapeText as t, xmlSafe, XmlIds } from './xml'

const NAMED: Partial<Record<Entity['type'], string>> = { person: 'persName', place: 'placeName', organisation: 'orgName', date: 'date' }

/** A BCP 47 tag TEI accepts in xml:lang (anything else is left out rather than made invalid). */
const LANG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/

interface FileContext {
  ids: XmlIds
  entities: Map<string, Entity>
  resp(author: string): string
}

/** The inline element of one annotation. */
function inlineElement(a: Annotation, fc: FileContext): InlineElement {
  const { ids } = fc
  const ents: Entity[] = []
  for (const id of a.entityIds) {
    const e = fc.entities.get(id)
    if (e) ents.push(e)
  }
  const only = ents.length > 0 && ents.every((e) => e.type === ents[0].type) ? ents[0].type : undefined
  const citations = a.citations.map((c) => c.citationId)
  const ana = a.tags.map((x) => `tag.${x}`)
  a.citations.forEach((c, n) => {
    if (c.verification) ana.push(`verdict.${a.id}.${n}`)
  })
  const common: [string, string | undefined][] = [
    ['xml:id', ids.get(a.id)],
    ['ana', ana.length ? ids.refs(ana) : undefined],
    ['style', a.color ? `background-color:${a.color}` : undefined],
    ['resp', fc.resp(a.author)]
  ]
  // Entity ids the file does not describe would be dangling pointers: they are left out (and reported).
  const ref = ents.length ? ids.refs(ents.map((e) => e.id)) : undefined
  if (ents.length > 0) {
    const name = (only && NAMED[only]) || 'rs'
    const dating = name === 'date' && ents.length === 1 ? datingAttrs(teiDating(ents[0].dates.date)) : []
    const type: [string, string | undefined][] = name === 'rs' ? [['type', only ?? 'mixed']] : []
    return { name, attrs: [...common, ...type, ['ref', ref], ['corresp', citations.length ? ids.refs(citations) : undefined], ...dating] }
  }
  if (citations.length > 0) return { name: 'ref', attrs: [...common, ['type', 'citation'], ['target', ids.refs(citations)]] }
  return { name: 'seg', attrs: [...common, ['type', 'annotation']] }
}

function header(doc: DocumentRecord, input: ExportInput, authors: Map<string, string>): string {
  const resp = [...authors].map(([name, id]) => `<respStmt xml:id="${id}"><resp>annotation</resp><name>${t(name)}</name></respStmt>`).join('')
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
    `<title>${t(doc.title)}</title><idno type="sha256">${doc.sha256}</idno>`,
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
  for (const doc of input.scope.documentId ? sel.documents.filter((d) => d.id === input.scope.documentId) : sel.documents) {
    const text = input.texts[doc.id]
    if (text === undefined) throw new Error(`text of document ${doc.id} was not provided to the exporter`)
    const safe = xmlSafe(text)
    replaced += safe.replaced
    const index = new CodePointIndex(safe.text)
    const anns = sel.annotations.filter((a) => a.documentId === doc.id)
    const placeable = (a: Annotation) => a.status !== 'orphaned' && a.target.start >= 0 && a.target.start <= a.target.end && a.target.end <= index.length
    moved += anns.filter((a) => a.status === 'moved').length
    const ids = new XmlIds()
    const authors = new Map<string, string>()
    const fc: FileContext = {
      ids, entities: new Map(entities.map((e) => [e.id, e])),
      resp: (author) => {
        if (!authors.has(author)) authors.set(author, ids.get(`resp.${author}`))
        return '#' + authors.get(author)
      }
    }
    // Register records first so their xml:ids are the plainest ones.
    for (const e of entities) ids.get(e.id)
    for (const c of sel.citations) ids.get(c.id)
    for (const a of anns) ids.get(a.id)
    const anchors = new Map<Annotation, [string, string]>()
    const anchorIds = (a: Annotation): [string, string] => {
      let pair = anchors.get(a)
      if (!pair) {
        pair = a.target.start === a.target.end ? [ids.get(`${a.id}.at`), ids.get(`${a.id}.at`)] : [ids.get(`${a.id}.start`), ids.get(`${a.id}.end`)]
        anchors.set(a, pair)
      }
      return pair
    }
    const body = buildBody({
      index, structure: doc.structure, annotations: anns.filter(placeable),
      inline: (a) => inlineElement(a, fc),
      anchorIds
    })
    const local = new Set([...entities.map((e) => e.id), ...anns.map((a) => a.id)])
    const relations = sel.relations.filter((r) => local.has(r.subject) && local.has(r.object))
    for (const r of relations) written.add(r.id)
    const tagIds = [...new Set([...sel.tags.map((x) => x.id), ...anns.flatMap((a) => a.tags)])].sort()
    const standOff = buildStandOff({
      ids, entities, citations: sel.citations, annotations: anns,
      tags: tagIds.map((id) => ({ id, tag: input.data.tags[id] })),
      crossing: body.crossing.map((a) => {
        const [from, to] = anchorIds(a)
        return { a, el: inlineElement(a, fc), from, to }
      }),
      orphans: anns.filter((a) => !placeable(a)),
      relations, resp: fc.resp,
      verdictKey: (a, n) => `verdict.${a.id}.${n}`,
      tagKey: (tag) => `tag.${tag}`
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
  return { files, losses: teiLosses(input, sel.annotations.length, sel.relations.length - written.size, replaced, moved) }
}

function teiLosses(input: ExportInput, annotations: number, relations: number, replaced: number, moved: number): LossItem[] {
  const out: LossItem[] = []
  if (annotations > 0) out.push({ what: 'annotation creation and modification times', count: annotations })
  if (moved > 0) out.push({ what: 'anchoring status "moved" (the passage is marked where it is now)', count: moved })
  if (relations > 0) out.push({ what: 'relations between records of different documents', count: relations })
  if (replaced > 0) out.push({ what: 'characters XML 1.0 cannot hold (replaced by U+FFFD)', count: replaced })
  const rejected = Object.keys(input.data.rejectedSuggestions).length
  if (rejected > 0 && !input.scope.documentId) out.push({ what: 'rejected suggestions', count: rejected })
  return out
}

/** TEI exporter (the pure `Exporter` contract). */
export function exportTei(input: ExportInput, progress?: ExportProgress, signal?: AbortSignal): ExportOutput {
  return runSteps(teiSteps(input), progress, signal)
}

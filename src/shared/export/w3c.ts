/**
 * W3C Web Annotation export (JSON-LD, http://www.w3.org/ns/anno.jsonld): an AnnotationCollection
 * whose first AnnotationPage is embedded (`first`); further pages, when there are more annotations
 * than `pageSize`, are separate files linked by `next`/`prev`. Every annotation targets a
 * SpecificResource of its document (`urn:uuid:` IRI) with a TextQuoteSelector and a
 * TextPositionSelector counting code points of the normalised text, as the model requires.
 *
 * Where the W3C test suite is stricter than the spec's prose, the suite wins: every id has a
 * scheme, every date has a timezone, every annotation carries its own `@context`, a page's
 * `partOf` is an embedded collection description (not a bare IRI), and purposes are only the 13
 * W3C motivations. The output passes the suite's `annotationMusts`, `collectionMusts` and
 * `pageMusts` assertions (tests/unit/shared/export/w3c.test.ts).
 */
import type { Annotation } from '../model'
import { collectionsNotCarried, rejectedSuggestionsLoss } from './losses'
import { type ExportSelection, selectForExport } from './reach'
import { slug } from './native-json'
import { BATCH, runSteps, type ExportSteps } from './steps'
import type { ExportFile, ExportInput, ExportOutput, ExportProgress, LossItem } from './types'
import { formatPerson, samePerson } from '../team/person'
import { bodiesOf, isDateTime, personAgent, q, type BodyContext, type Json } from './w3c-bodies'
import { recordIri } from './w3c-ids'
import { RECORD_ID_FIELDS, w3cLoss, type W3cLossKind } from './w3c-losses'
import { STYLE_CLASS_PREFIX, W3C_CONTEXT } from './w3c-vocabulary'

/**
 * Annotations per page. One page keeps ordinary projects in a single file; a page of 10,000
 * annotations is about 15 MB of JSON, which any JSON tool still reads at once.
 */
export const DEFAULT_PAGE_SIZE = 10_000

/** Annotations joined into one string at a time (≈ 200 KB: above V8's large-object threshold). */
const CHUNK = 256

export const W3C_MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'

/** CSS class of a colour (letters, digits, `-` and `_` only), e.g. `#ffcc00` → `mg-_ffcc00`. */
export function styleClassOf(color: string): string {
  return STYLE_CLASS_PREFIX + color.replace(/[^a-zA-Z0-9-]/g, '_')
}

/** An ISO date-time with timezone for `s`, or undefined when `s` is not a date. */
function withTimezone(s: string | undefined): string | undefined {
  if (isDateTime(s)) return s
  const t = s ? Date.parse(s) : NaN
  return Number.isNaN(t) ? undefined : new Date(t).toISOString()
}


/**
 * One annotation as a line of JSON. Written as a string, with shared parts (the document's
 * description, the creator, entity and citation bodies) serialised once per export: building and
 * stringifying a fresh object graph per annotation was most of a large export's time.
 */
function annotationJson(a: Annotation, ctx: BodyContext, exportedAt: string): string {
  let selectors = `{"type":"TextQuoteSelector","exact":${q(a.target.exact)},"prefix":${q(a.target.prefix)},"suffix":${q(a.target.suffix)}}`
  if (a.status === 'orphaned') ctx.lose('orphanPosition', a.id)
  else selectors += `,{"type":"TextPositionSelector","start":${a.target.start},"end":${a.target.end}}`
  if (a.status === 'moved') ctx.lose('moved', a.id)
  const source = ctx.memo('document', a.documentId, () => JSON.stringify(ctx.documentSource(a.documentId)))
  let out = `{"@context":"${W3C_CONTEXT}","id":"${recordIri(ctx.projectId, 'annotations', a.id)}","type":"Annotation"`
  // Authorship (team2): the creator with their ORCID iD as its IRI; the model has no "last changed by".
  const creator = a.createdBy ?? (a.author ? { name: a.author } : undefined)
  if (creator) out += `,"creator":${ctx.memo('creator', formatPerson(creator), () => JSON.stringify(personAgent(creator)))}`
  if (a.modifiedBy && !samePerson(a.modifiedBy, creator)) ctx.lose('lastModifier', a.id)
  if (a.createdBy && a.author && a.author !== a.createdBy.name) ctx.lose('annotator', a.id)
  const created = withTimezone(a.created)
  const modified = withTimezone(a.modified)
  if (created) out += `,"created":${q(created)}`
  if (modified) out += `,"modified":${q(modified)}`
  out += `,"generated":${q(exportedAt)}`
  const bodies = bodiesOf(a, ctx)
  out += bodies.length ? `,"body":[${bodies.join(',')}]` : ',"motivation":"highlighting"'
  let styleClass = ''
  if (a.color) {
    const cls = styleClassOf(a.color)
    styleClass = `,"styleClass":${q(cls)}`
    out += `,"stylesheet":${JSON.stringify({ type: 'CssStylesheet', value: `.${cls} { background-color: ${a.color}; }` })}`
  }
  return `${out},"target":{"type":"SpecificResource","source":${source},"selector":[${selectors}]${styleClass}}}`
}

/** Export as resumable steps: yields [annotations done, total] after each batch. */
export function* w3cSteps(input: ExportInput): ExportSteps {
  const sel = selectForExport(input.data, input.scope)
  const projectId = input.data.project.id
  const losses = new Map<W3cLossKind, Set<string> | number>()
  const iris = new Map<string, string>()
  const shared = new Map<string, Map<string, string>>()
  const ctx: BodyContext = {
    projectId,
    memo(kind, key, make) {
      let m = shared.get(kind)
      if (!m) shared.set(kind, (m = new Map()))
      let v = m.get(key)
      if (v === undefined) m.set(key, (v = make()))
      return v
    },
    iri(collection, id) {
      const key = `${collection}/${id}`
      let v = iris.get(key)
      if (v === undefined) iris.set(key, (v = recordIri(projectId, collection, id)))
      return v
    },
    entities: input.data.entities,
    citations: input.data.citations,
    documentSource(id) {
      const doc = input.data.documents[id]
      const s: Json = { id: ctx.iri('documents', id), type: 'Text', format: 'text/plain' }
      if (doc?.title) s['dcterms:title'] = doc.title
      if (doc?.metadata.language && /^[a-z]{2,3}(-|$)/.test(doc.metadata.language)) s.language = doc.metadata.language
      return s
    },
    lose(what, detail) {
      // Count distinct records when a detail (record id) is given, occurrences otherwise.
      const cur = losses.get(what)
      if (detail !== undefined) {
        const set = cur instanceof Set ? cur : new Set<string>()
        set.add(detail)
        losses.set(what, set)
      } else losses.set(what, (typeof cur === 'number' ? cur : 0) + 1)
    }
  }
  const total = sel.annotations.length
  const pageSize = Math.max(1, Math.floor(Number(input.options.pageSize) || DEFAULT_PAGE_SIZE))
  const scopeKey = input.scope.documentId ?? 'project'
  const scopeDoc = input.scope.documentId ? input.data.documents[input.scope.documentId] : undefined
  const label = `Marginalia annotations: ${scopeDoc ? scopeDoc.title : input.data.project.name}`
  const collectionId = recordIri(projectId, 'w3c-collections', scopeKey)
  const pageCount = Math.max(1, Math.ceil(total / pageSize))
  const pageId = (n: number): string => recordIri(projectId, 'w3c-pages', `${scopeKey}/${n}`)
  const pageHead = (n: number): Json => {
    const p: Json = { id: pageId(n), type: 'AnnotationPage', startIndex: (n - 1) * pageSize }
    if (n > 1) p.prev = pageId(n - 1)
    if (n < pageCount) p.next = pageId(n + 1)
    return p
  }
  const collection: Json = { '@context': W3C_CONTEXT, id: collectionId, type: 'AnnotationCollection', label, total, created: input.exportedAt }
  if (total > 0) collection.last = pageId(pageCount)
  const base = `${slug(scopeDoc ? scopeDoc.title : input.data.project.name) || 'annotations'}.w3c`
  const files: ExportFile[] = []
  if (total === 0) files.push({ name: `${base}.jsonld`, mediaType: W3C_MEDIA_TYPE, content: JSON.stringify(collection, null, 2) + '\n' })

  // Page by page: each annotation becomes one line of JSON as soon as it is built, and a page's
  // lines are joined into its file before the next page starts, so at most one page of item
  // strings is alive besides the finished files (the garbage collector, not the mapping, was most
  // of a large export's time).
  for (let n = 1; n <= Math.ceil(total / pageSize); n++) {
    // Items are joined in chunks of CHUNK lines: the chunks are large enough to be allocated
    // outside the young generation, and each item string dies young instead of being copied into
    // the old generation with 100,000 others.
    const sep = `,\n${'  '.repeat(n === 1 ? 1 : 0)}    `
    const items: string[] = []
    let chunk: string[] = []
    for (let i = (n - 1) * pageSize; i < Math.min(total, n * pageSize); i++) {
      const a = sel.annotations[i]
      chunk.push(annotationJson(a, ctx, input.exportedAt))
      if (chunk.length === CHUNK) {
        items.push(chunk.join(sep))
        chunk = []
      }
      if ((i + 1) % BATCH === 0) yield [i + 1, total]
    }
    if (chunk.length) items.push(chunk.join(sep))
    if (n === 1) {
      const head = JSON.stringify(collection, null, 2)
      const content = `${head.slice(0, head.lastIndexOf('\n'))},\n  "first": ${pageText(pageHead(1), items, 1)}\n}\n`
      files.push({ name: `${base}.jsonld`, mediaType: W3C_MEDIA_TYPE, content })
    } else {
      const head = { '@context': W3C_CONTEXT, ...pageHead(n), partOf: { id: collectionId, type: 'AnnotationCollection', label, total } }
      files.push({ name: `${base}.page-${n}.jsonld`, mediaType: W3C_MEDIA_TYPE, content: pageText(head, items, 0) + '\n' })
    }
  }
  yield [total, total]
  return { files, losses: lossList(losses, sel) }
}

/**
 * The text of a page object nested `level` deep (its first line unindented): the pretty-printed
 * head, then `items`, one already-serialised annotation per line. Built with one join per page so
 * the items (the bulk of a 100 MB export) are never re-serialised, re-indented or copied twice.
 */
function pageText(head: Json, items: string[], level: number): string {
  const pad = '  '.repeat(level)
  const headText = JSON.stringify(head, null, 2).replace(/\n/g, `\n${pad}`)
  const open = headText.slice(0, headText.lastIndexOf('\n'))
  const list = items.length === 0 ? '[]' : `[\n${pad}    ${items.join(`,\n${pad}    `)}\n${pad}  ]`
  return `${open},\n${pad}  "items": ${list}\n${pad}}`
}

function lossList(losses: Map<W3cLossKind, Set<string> | number>, sel: ExportSelection): LossItem[] {
  const out: LossItem[] = [...losses].map(([kind, v]) => w3cLoss(kind, typeof v === 'number' ? v : v.size))
  const records = sel.documents.length + sel.annotations.length + sel.entities.length + sel.citations.length
  if (records) out.push({ what: 'record ids (each record is named by a urn:uuid IRI derived from its id; the links between records are kept)', count: records, fields: RECORD_ID_FIELDS })
  out.push(...collectionsNotCarried(sel, ['relations', 'predicates'], 'the W3C model has no statements between entities'))
  const colored = sel.tags.filter((t) => t.color)
  if (colored.length) out.push({ what: 'tag colours (only an annotation\'s own colour is carried, as a CSS stylesheet)', count: colored.length, fields: ['tags.color'] })
  if (sel.citations.length) out.push({ what: 'bibliographic details of citations (carried as IRI and short label; export CSL-JSON for the items)', count: sel.citations.length, fields: ['citations.item', 'citations.created', 'citations.modified'] })
  const linked = new Set(sel.annotations.flatMap((a) => a.entityIds))
  const unlinked = sel.entities.filter((e) => !linked.has(e.id)).length
  if (unlinked) out.push({ what: 'entities no annotation links to (the W3C model carries an entity only as the body of an annotation)', count: unlinked, fields: ['entities'] })
  const cited = new Set(sel.annotations.flatMap((a) => a.citations.map((c) => c.citationId)))
  const uncited = sel.citations.filter((c) => !cited.has(c.id)).length
  if (uncited) out.push({ what: 'bibliography items no annotation cites', count: uncited, fields: ['citations'] })
  if (sel.documents.length) {
    out.push({
      what: 'document texts, structure and metadata (targets name documents by IRI, with title and language; export JSON to carry the texts)', count: sel.documents.length,
      fields: ['documents.text', 'documents.structure', 'documents.format', 'documents.role', 'documents.sha256', 'documents.fileName', 'documents.length',
        'documents.textFile', 'documents.metadata.categories', 'documents.metadata.url', 'documents.created', 'documents.modified']
    })
  }
  // Authorship (team2): bodies carry no creator.
  const authored = [...sel.entities, ...sel.citations].filter((r) => r.createdBy || r.modifiedBy).length
  if (authored) out.push({ what: 'who made and last changed entities and citations (bodies carry no creator)', count: authored, fields: ['entities.createdBy.name', 'entities.createdBy.orcid', 'entities.modifiedBy.name', 'entities.modifiedBy.orcid', 'citations.createdBy.name', 'citations.createdBy.orcid', 'citations.modifiedBy.name', 'citations.modifiedBy.orcid'] })
  out.push(...rejectedSuggestionsLoss(sel))
  return out.sort((a, b) => (a.what < b.what ? -1 : 1))
}

/** W3C Web Annotation exporter (the pure `Exporter` contract). */
export function exportW3c(input: ExportInput, progress?: ExportProgress, signal?: AbortSignal): ExportOutput {
  return runSteps(w3cSteps(input), progress, signal)
}

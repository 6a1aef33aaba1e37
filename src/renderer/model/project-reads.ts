/**
 * The model's cached reads beyond the core lists: an entity's mentions, relations about a record,
 * the passages citing an item, reference proposals, rejected suggestions, formatted notes and
 * works cited, other documents' texts, export formats. Each is fetched when a view first asks
 * (hidden views ask nothing), then kept current from change events: updated in place where the
 * change's effect is known (a mention added or removed), otherwise marked stale and fetched again
 * when next shown.
 */
import type { CitationStyle, CitingPassage, FormattedBibliography, FormattedNote, ReferenceProposal } from '../../shared/api/citations'
import type { Mention } from '../../shared/api/entities'
import type { PageImageData } from '../../shared/api/documents'
import type { ExportFormatInfo } from '../../shared/api/exports'
import type { MethodName, Methods } from '../../shared/api'
import type { ArgsOf, ResultOf } from '../../shared/api/define'
import type { AgreementReport, DisputedSpan, MergeConflict, RecordVersion } from '../../shared/api/team'
import type { Annotation, DocumentRecord, DocumentWithText, Person, RejectedSuggestion, Relation } from '../../shared/model'
import type { AnnotationIndex } from './annotation-index'
import { ReadLimiter } from './read-limiter'
import { Resource, ResourceMap } from './resource'

/** Formatting reads sent at once: of a browser's six connections to the services, one is the event stream. */
const FORMATTING_IN_FLIGHT = 2

export type Read = <K extends MethodName>(method: K, args: ArgsOf<Methods[K]>) => Promise<ResultOf<Methods[K]>>

/** What the reads need to know of the model when a change arrives. */
export interface ReadContext {
  documents: ReadonlyMap<string, DocumentRecord>
  /** The open document's annotations, when one is open. */
  open: AnnotationIndex | undefined
}

/** Removes the entry of annotation `id` from a list and, when `entry` is given, puts it back in order. */
function replaceEntry<T extends { annotationId: string }>(list: T[], id: string, entry: T | undefined, order: (a: T, b: T) => number): T[] {
  const rest = list.filter((x) => x.annotationId !== id)
  if (entry) rest.push(entry)
  return entry ? rest.sort(order) : rest
}

export class ProjectReads {
  readonly mentions: ResourceMap<string, Mention[]>
  readonly relations: ResourceMap<string, Relation[]>
  readonly passages: ResourceMap<string, CitingPassage[]>
  readonly proposals: ResourceMap<string, ReferenceProposal[]>
  readonly rejected: ResourceMap<string, RejectedSuggestion[]>
  readonly notes: ResourceMap<string, FormattedNote[]>
  /** Formatted lists by `bibliographyKey`: the works cited, or chosen items (e.g. one item's preview). */
  readonly worksCited: ResourceMap<string, FormattedBibliography>
  readonly texts: ResourceMap<string, DocumentWithText>
  /** Page images of scanned documents, by `pageImageKey(documentId, page)`. */
  readonly pageImages: ResourceMap<string, PageImageData>
  readonly exportFormats: Resource<ExportFormatInfo[]>
  /** OCR languages whose data ships with the app (tesseract codes). */
  readonly ocrLanguages: Resource<string[]>
  /** Team (team2): merge conflicts waiting for review; re-read after any record changes (a merge, a resolution). */
  readonly conflicts: Resource<MergeConflict[]>
  /** Team: passages of a document where annotators differ; re-read when one of its annotations changes. */
  readonly disputed: ResourceMap<string, DisputedSpan[]>
  /** Team: who this session records as creator and modifier. */
  readonly author: Resource<Person>
  /**
   * Team: the saved versions (git commits) that changed a record, by `versionsKey`. Saving a version
   * is no change event: whoever saves, merges or restores invalidates them (and the view offers Refresh).
   */
  readonly versions: ResourceMap<string, RecordVersion[]>
  /** Team: a document's agreement table, by `agreementKey`; re-read when its annotations (or, by type, the entities) change. */
  readonly agreement: ResourceMap<string, AgreementReport>
  /** Formatting reads (notes, works cited, item previews) in flight at most two at a time, so writes never wait behind them. */
  readonly formatting = new ReadLimiter(FORMATTING_IN_FLIGHT)

  /**
   * @param read calls a reading method of the API
   * @param citedIds the items cited by at least one passage, for the works cited
   * @param changed called when a fetch completes
   */
  constructor(read: Read, citedIds: () => string[], changed: () => void) {
    this.mentions = new ResourceMap((entityId) => read('listMentions', { entityId }), changed)
    this.relations = new ResourceMap((about) => read('listRelations', { about }), changed)
    this.passages = new ResourceMap((citationId) => read('listCitingPassages', { citationId }), changed)
    this.proposals = new ResourceMap((documentId) => read('extractReferences', { documentId }), changed)
    this.rejected = new ResourceMap((documentId) => read('listRejectedSuggestions', { documentId }), changed)
    this.notes = new ResourceMap((key) => this.formatting.run(`notes\u0000${key}`, () => {
      const [documentId, style] = key.split('\u0000')
      return read('formatNotes', { documentId, style: style as CitationStyle })
    }), changed)
    // The cited ids are taken when the read is sent (it may wait behind others), not when asked.
    this.worksCited = new ResourceMap((key) => this.formatting.run(`list\u0000${key}`, () => {
      const [style, ids] = key.split('\u0000')
      return read('formatBibliography', { style: style as CitationStyle, citationIds: ids === undefined ? citedIds() : ids.split(',').filter(Boolean) })
    }), changed)
    this.texts = new ResourceMap((id) => read('getDocument', { id }), changed)
    this.pageImages = new ResourceMap((key) => {
      const [documentId, page] = key.split('\u0000')
      return read('getPageImage', { documentId, page: Number(page) })
    }, changed)
    this.exportFormats = new Resource(() => read('listExportFormats', {}), changed)
    this.ocrLanguages = new Resource(() => read('listOcrLanguages', {}), changed)
    this.conflicts = new Resource(() => read('listMergeConflicts', {}), changed)
    this.disputed = new ResourceMap((documentId) => read('listDisputedSpans', { documentId }), changed)
    this.author = new Resource(() => read('getAuthor', {}), changed)
    this.versions = new ResourceMap((key) => {
      const [kind, id] = key.split('\u0000')
      return read('recordHistory', kind === 'annotation' ? { annotationId: id } : kind === 'document' ? { documentId: id } : {})
    }, changed)
    this.agreement = new ResourceMap((key) => {
      const [documentId, by] = key.split('\u0000')
      return read('agreement', { documentId, by: by as 'tag' | 'type' })
    }, changed)
  }

  /** Forgets every cached value's freshness (after a resync): each is fetched again when next shown. */
  invalidateEverything(): void {
    for (const map of [this.mentions, this.relations, this.passages, this.proposals, this.rejected, this.notes, this.worksCited, this.texts, this.pageImages, this.disputed, this.versions, this.agreement]) {
      map.invalidateAll()
    }
    this.conflicts.invalidate()
  }

  /** Key of a formatted list: the works cited (every item a passage cites), or the given items. */
  static bibliographyKey(style: CitationStyle, citationIds?: readonly string[]): string {
    return citationIds ? `${style}\u0000${citationIds.join(',')}` : style
  }

  /** Key of a page image: the document and the page's index among its `page` blocks (0-based). */
  static pageImageKey(documentId: string, page: number): string {
    return `${documentId}\u0000${page}`
  }

  /** Key of the versions of an annotation, a document, or (neither) the whole project. */
  static versionsKey(target: { annotationId?: string; documentId?: string }): string {
    return target.annotationId ? `annotation\u0000${target.annotationId}` : target.documentId ? `document\u0000${target.documentId}` : 'project'
  }

  /** Key of a document's agreement table by tag or by entity type. */
  static agreementKey(documentId: string, by: 'tag' | 'type'): string {
    return `${documentId}\u0000${by}`
  }

  /** Key of the notes of a document in a style. */
  static notesKey(documentId: string, style: CitationStyle): string {
    return `${documentId}\u0000${style}`
  }

  /** An annotation was put (`after`) or removed; `before` is its previous version when the model held it. */
  onAnnotation(id: string, after: Annotation | null, before: Annotation | undefined, ctx: ReadContext): void {
    const docOrder = [...ctx.documents.keys()]
    const byPlace = (a: { documentId: string; start: number }, b: { documentId: string; start: number }) =>
      docOrder.indexOf(a.documentId) - docOrder.indexOf(b.documentId) || a.start - b.start
    const title = (docId: string) => ctx.documents.get(docId)?.title ?? docId
    for (const [entityId, r] of this.mentions.entries()) {
      const had = r.value ? r.value.some((m) => m.annotationId === id) : true
      const has = !!after?.entityIds.includes(entityId)
      if (!had && !has) continue
      if (!r.value) r.invalidate()
      const t = after?.target
      r.update((list) => replaceEntry(list, id, has && after && t ? { annotationId: id, documentId: after.documentId, documentTitle: title(after.documentId), start: t.start, end: t.end, exact: t.exact, prefix: t.prefix, suffix: t.suffix } : undefined, byPlace))
    }
    for (const [citationId, r] of this.passages.entries()) {
      const link = after?.citations.find((c) => c.citationId === citationId)
      const had = r.value ? r.value.some((p) => p.annotationId === id) : true
      if (!had && !link) continue
      if (!r.value) r.invalidate()
      const t = after?.target
      const entry = link && after && t ? { annotationId: id, documentId: after.documentId, documentTitle: title(after.documentId), start: t.start, end: t.end, exact: t.exact, ...(link.locator ? { locator: link.locator } : {}) } : undefined
      r.update((list) => replaceEntry(list, id, entry, byPlace))
    }
    const docId = after?.documentId ?? before?.documentId
    this.conflicts.invalidate()
    for (const [key, r] of this.disputed.entries()) if (!docId || key === docId) r.invalidate()
    for (const [key, r] of this.agreement.entries()) if (!docId || key.startsWith(`${docId}\u0000`)) r.invalidate()
    const cites = !!(after?.citations.length || before?.citations.length)
    if (!docId || (!before && !after)) {
      // An annotation the model never held was removed: where it was is unknown.
      this.proposals.invalidateAll()
      this.notes.invalidateAll()
      this.worksCited.invalidateAll()
      return
    }
    const proposals = this.proposals.of(docId)
    if (ctx.open?.documentId === docId) proposals.update((list) => markAccepted(list, ctx.open!))
    else if (cites) proposals.invalidate()
    if (cites) {
      for (const [key, r] of this.notes.entries()) if (key.startsWith(`${docId}\u0000`)) r.invalidate()
      this.worksCited.invalidateAll()
    }
  }

  /** A record of another collection was put or removed. */
  onRecord(collection: string, id: string, record: unknown): void {
    this.conflicts.invalidate()
    if (collection === 'relations') {
      const rel = record as Relation | null
      for (const [about, r] of this.relations.entries()) {
        const has = !!rel && (rel.subject === about || rel.object === about)
        r.update((list) => {
          const rest = list.filter((x) => x.id !== id)
          return has ? [...rest, rel].sort((a, b) => a.created.localeCompare(b.created)) : rest
        })
      }
    } else if (collection === 'rejectedSuggestions') {
      const rej = record as RejectedSuggestion | null
      for (const [docId, r] of this.rejected.entries()) {
        r.update((list) => {
          const rest = list.filter((x) => x.id !== id)
          return rej && rej.documentId === docId ? [...rest, rej].sort((a, b) => a.start - b.start) : rest
        })
      }
      // A rejected reference proposal disappears; a restored one comes back only from the service.
      for (const [docId, r] of this.proposals.entries()) {
        if (rej && rej.documentId === docId) r.update((list) => list.filter((p) => !(p.start === rej.start && p.end === rej.end && p.exact === rej.exact)))
        else if (!rej) r.invalidate()
      }
    } else if (collection === 'citations') {
      // Matching, labels and formatting all depend on the items.
      this.proposals.invalidateAll()
      this.notes.invalidateAll()
      this.worksCited.invalidateAll()
      this.passages.delete(id)
    } else if (collection === 'entities') {
      // An entity's type is a category of the agreement by type.
      for (const [key, r] of this.agreement.entries()) if (key.endsWith('\u0000type')) r.invalidate()
      if (record === null) {
        this.mentions.delete(id)
        this.relations.delete(id)
      }
    } else if (collection === 'documents') {
      this.texts.delete(id)
      this.proposals.delete(id)
      for (const [key] of [...this.pageImages.entries()]) if (key.startsWith(`${id}\u0000`)) this.pageImages.delete(key)
      for (const [key] of [...this.notes.entries()]) if (key.startsWith(`${id}\u0000`)) this.notes.delete(key)
      // Titles shown beside mentions and passages.
      this.mentions.invalidateAll()
      this.passages.invalidateAll()
    }
  }
}

/** Sets `accepted` as the service does: an annotation on exactly the claim cites the matched item (or any item). */
function markAccepted(list: ReferenceProposal[], index: AnnotationIndex): ReferenceProposal[] {
  return list.map((p) => {
    const target = p.match?.ref.startsWith('note:') ? undefined : p.match?.ref
    const accepted = index
      .overlapping(p.claim.start, p.claim.end)
      .some((a) => a.target.start === p.claim.start && a.target.end === p.claim.end && a.citations.some((c) => !target || c.citationId === target))
    return accepted === !!p.accepted ? p : { ...p, accepted }
  })
}

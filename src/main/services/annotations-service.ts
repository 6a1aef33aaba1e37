import type { annotationMethods, HistoryState } from '../../shared/api/annotations'
import type { HandlersOf } from '../../shared/api/define'
import { type Annotation, byDocumentOrder, type CitationLink } from '../../shared/model'
import { MarginaliaError } from '../../shared/result'
import { paletteColor } from '../../shared/colors'
import { widenToGraphemes } from '../../shared/text/graphemes'
import { describe } from '../../shared/anchoring/describe'
import { firstScreensEnd } from '../../shared/structure/first-screens-end'
import { ensureTags, removeAnnotation } from './annotation-batch'
import type { ServiceContext } from './context'

/** All occurrences of `quote` in `text`, as UTF-16 indices. */
function occurrences(text: string, quote: string): number[] {
  const found: number[] = []
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) found.push(i)
  return found
}

interface Body {
  tags?: string[]
  note?: string
  color?: string
  entityIds?: string[]
  citations?: { citationId: string; locator?: string }[]
}

export function createAnnotationHandlers(ctx: ServiceContext): HandlersOf<typeof annotationMethods> {
  const store = ctx.store
  const history = (): HistoryState => store.history.state()

  const checkLinks = (body: Body) => {
    for (const id of body.entityIds ?? []) if (!store.data.entities[id]) throw new MarginaliaError('not-found', `no entity with id ${id}`)
    for (const c of body.citations ?? []) if (!store.data.citations[c.citationId]) throw new MarginaliaError('not-found', `no citation with id ${c.citationId}`)
  }

  /** Keeps verdicts already recorded on links that stay. */
  const mergeCitations = (old: CitationLink[], next: Body['citations']): CitationLink[] =>
    (next ?? []).map((c) => {
      const prev = old.find((o) => o.citationId === c.citationId)
      const link: CitationLink = { citationId: c.citationId }
      if (c.locator) link.locator = c.locator
      if (prev?.verification) link.verification = prev.verification
      return link
    })

  const create = async (documentId: string, start: number, end: number, body: Body): Promise<Annotation> => {
    const doc = store.data.documents[documentId]
    if (!doc) throw new MarginaliaError('not-found', `no document with id ${documentId}`)
    const index = await store.textIndex(documentId)
    if (start >= end) throw new MarginaliaError('invalid-argument', `empty selection: start ${start} must be before end ${end}`)
    if (end > index.length) throw new MarginaliaError('invalid-argument', `end ${end} is past the end of the document (${index.length} code points)`)
    checkLinks(body)
    const range = widenToGraphemes(index, start, end)
    const now = ctx.now()
    const tags = [...new Set(body.tags ?? [])]
    const annotation: Annotation = {
      id: ctx.newId('ann'),
      documentId,
      target: describe(index, range.start, range.end),
      tags,
      note: body.note ?? '',
      entityIds: [...new Set(body.entityIds ?? [])],
      citations: mergeCitations([], body.citations),
      author: ctx.author,
      created: now,
      modified: now,
      status: 'anchored'
    }
    if (body.color) annotation.color = body.color
    return store.transact('Create annotation', (tx) => {
      ensureTags(store, tx, tags)
      tx.put('annotations', annotation)
      return annotation
    })
  }

  /** Each document's annotations in document order, kept per change (derived/document-lists.ts). */
  const annotationsOf = (documentId: string): readonly Annotation[] => ctx.index.annotationsOf(documentId)

  /** Annotations of `documentId` overlapping [start, end) code points (touching `start` counts), in document order. */
  const overlapping = (all: readonly Annotation[], start: number, end: number): Annotation[] => {
    if (start === 0 && end === Infinity) return [...all]
    // In document order, so those starting before `end` are a prefix.
    const out: Annotation[] = []
    for (const a of all) {
      if (a.target.start >= end) break
      if (a.target.end >= start) out.push(a)
    }
    return out
  }

  return {
    listAnnotations: ({ documentId, start = 0, end = Infinity }) =>
      overlapping(documentId ? annotationsOf(documentId) : Object.values(store.data.annotations).sort(byDocumentOrder), start, end),
    getFirstScreens: async ({ id, end }) => {
      const docs = store.data.documents
      const chosen = (id && docs[id]) || Object.values(docs).find((d) => d.role === 'text') || Object.values(docs)[0]
      if (!chosen) return null
      // Only the first screens' text: the window asks for the rest (getDocument) once they are painted.
      const index = await store.textIndex(chosen.id)
      const text = index.text
      const cut = firstScreensEnd(chosen.structure, index.length, end)
      const whole = cut >= index.length
      // Read after the text: an edit made meanwhile is in the list or arrives as its change event.
      return { document: chosen, text: whole ? text : text.slice(0, index.toUtf16(cut)), whole, annotations: overlapping(annotationsOf(chosen.id), 0, end) }
    },
    getAnnotation: ({ id }) => {
      const a = store.data.annotations[id]
      if (!a) throw new MarginaliaError('not-found', `no annotation with id ${id}`)
      return a
    },
    createAnnotation: ({ documentId, start, end, ...body }) => create(documentId, start, end, body),
    annotateQuote: async ({ documentId, quote, occurrence, ...body }) => {
      if (!store.data.documents[documentId]) throw new MarginaliaError('not-found', `no document with id ${documentId}`)
      const text = await store.readText(documentId)
      const needle = quote.normalize('NFC')
      const found = occurrences(text, needle)
      if (found.length === 0) throw new MarginaliaError('not-found', `the quote "${quote}" does not occur in the document`)
      if (occurrence === undefined && found.length > 1) {
        throw new MarginaliaError('ambiguous', `the quote "${quote}" occurs ${found.length} times; choose one with --occurrence 1…${found.length}`)
      }
      const n = occurrence ?? 1
      if (n > found.length) throw new MarginaliaError('not-found', `the quote "${quote}" occurs only ${found.length} time(s), not ${n}`)
      const index = await store.textIndex(documentId)
      const start = index.toCodePoint(found[n - 1])
      return create(documentId, start, start + [...needle].length, body)
    },
    updateAnnotation: async ({ id, ...body }) => {
      const old = store.data.annotations[id]
      if (!old) throw new MarginaliaError('not-found', `no annotation with id ${id}`)
      checkLinks(body)
      const next: Annotation = { ...old, modified: ctx.now() }
      if (body.tags) next.tags = [...new Set(body.tags)]
      if (body.note !== undefined) next.note = body.note
      if (body.color !== undefined) next.color = body.color
      if (body.entityIds) next.entityIds = [...new Set(body.entityIds)]
      if (body.citations) next.citations = mergeCitations(old.citations, body.citations)
      return store.transact('Edit annotation', (tx) => {
        ensureTags(store, tx, next.tags)
        tx.put('annotations', next)
        return next
      })
    },
    deleteAnnotation: async ({ id }) => {
      if (!store.data.annotations[id]) throw new MarginaliaError('not-found', `no annotation with id ${id}`)
      await store.transact('Delete annotation', (tx) => {
        removeAnnotation(store, tx, id)
      })
      return { id }
    },
    listTags: () => {
      // The tag records, then tags in use without a record, sorted so their colours stay put as
      // annotations come and go (tallied per change: derived/tallies.ts).
      const tags = Object.values(store.data.tags)
      const unrecorded = ctx.index.tallies.tagsInUse().filter((t) => !store.data.tags[t]).sort()
      return [...tags, ...unrecorded.map((t, i) => ({ id: t, color: paletteColor(tags.length + i) }))]
    },
    setTagColor: ({ tag, color }) => store.transact('Set tag colour', (tx) => {
      const record = { id: tag, color }
      tx.put('tags', record)
      return record
    }),
    undo: async () => {
      await store.undo()
      return history()
    },
    redo: async () => {
      await store.redo()
      return history()
    },
    getHistory: () => history()
  }
}

/**
 * The compare domain: attach a source to a bibliography item, rank the source's passages for a
 * claim, record the historian's verdict on the citation link, and report verdicts. The ranking
 * itself is pure (src/shared/compare); this file finds the claim, its context, the locator and the
 * entities in the project, and keeps each source's index (compare-index-cache.ts).
 */
import type { Comparison, compareMethods } from '../../shared/api/compare'
import type { HandlersOf } from '../../shared/api/define'
import type { EntityNames } from '../../shared/compare/claim-analysis'
import { compareWithSource, headingsOf, isCommon } from '../../shared/compare/compare'
import { findDiscrepancies } from '../../shared/compare/discrepancies'
import { segmentSentences } from '../../shared/compare/segment'
import { verificationCsv, verificationHtml, verificationRows } from '../../shared/export/verification-report'
import type { Annotation, Citation, Discrepancy, ProjectData, Verification } from '../../shared/model'
import { MarginaliaError } from '../../shared/result'
import { CodePointIndex } from '../../shared/text/code-points'
import { resolveLocator } from '../../shared/structure/resolve-locator'
import { SourceIndexCache } from './compare-index-cache'
import { loadLexicon } from './compare-lexicon'
import type { ServiceContext } from './context'

/** Largest base64 payload accepted when attaching a file (64 MiB of bytes). */
const MAX_BASE64_CHARS = Math.ceil((64 * 1024 * 1024 * 4) / 3) + 4
/** Code points of context kept on each side of a selector. */
const AFFIX = 32

export function createCompareHandlers(ctx: ServiceContext): HandlersOf<typeof compareMethods> {
  const { store } = ctx
  const cache = new SourceIndexCache(store)

  const annotation = (id: string): Annotation => {
    const a = store.data.annotations[id]
    if (!a) throw new MarginaliaError('not-found', `no annotation with id ${id}`)
    return a
  }
  const citation = (id: string): Citation => {
    const c = store.data.citations[id]
    if (!c) throw new MarginaliaError('not-found', `no citation with id ${id}`)
    return c
  }
  const entities = (): EntityNames[] =>
    Object.values(store.data.entities).map((e) => ({ id: e.id, type: e.type, names: [e.label, ...e.aliases] }))

  /**
   * The claim's context in its document: the rest of its own sentence when it is a clause, and the
   * sentences just before and after it in the same paragraph.
   */
  const contextOf = async (documentId: string, start: number, end: number): Promise<string[]> => {
    const text = await store.readText(documentId)
    const cp = new CodePointIndex(text)
    const sentences = segmentSentences(text, cp)
    const first = sentences.findIndex((s) => s.end > start)
    let last = sentences.findIndex((s) => s.end >= end)
    if (first < 0) return []
    if (last < 0) last = sentences.length - 1
    const out = [cp.slice(sentences[first].start, start), cp.slice(end, sentences[last].end)].filter((t) => /\p{L}{3}/u.test(t))
    for (const i of [first - 1, last + 1]) {
      const s = sentences[i]
      if (s && s.para === sentences[i < first ? first : last].para) out.push(cp.slice(s.start, s.end))
    }
    return out
  }

  /** The text of a source passage (code points [start, end)) and its discrepancies with a claim. */
  const passageDiscrepancies = async (claim: string, sourceId: string, start: number, end: number): Promise<{ exact: string; discrepancies: Discrepancy[] }> => {
    if (!store.data.documents[sourceId]) throw new MarginaliaError('not-found', `no document with id ${sourceId}`)
    const text = await store.textIndex(sourceId)
    if (start >= end || end > text.length) throw new MarginaliaError('invalid-argument', `source passage [${start}, ${end}) is not inside the source (length ${text.length} code points)`)
    const exact = text.slice(start, end)
    const loaded = await cache.load(sourceId).catch(() => undefined)
    return { exact, discrepancies: findDiscrepancies(claim, exact, { entities: entities(), isCommonWord: loaded ? (norm) => isCommon(loaded.index, norm) : undefined }) }
  }

  return {
    attachSource: async ({ citationId, documentId, fileName, contentBase64, format, title }) => {
      const c = citation(citationId)
      let sourceId = documentId
      if (sourceId) {
        if (!store.data.documents[sourceId]) throw new MarginaliaError('not-found', `no document with id ${sourceId}`)
      } else {
        if (!fileName || contentBase64 === undefined) throw new MarginaliaError('invalid-argument', 'attachSource needs documentId, or fileName and contentBase64')
        if (contentBase64.length > MAX_BASE64_CHARS) throw new MarginaliaError('too-large', `${fileName}: larger than the 64 MiB Marginalia imports`)
        const doc = await ctx.importBytes(fileName, new Uint8Array(Buffer.from(contentBase64, 'base64')), { format, role: 'source', title })
        sourceId = doc.id
      }
      const next: Citation = { ...c, sourceDocumentId: sourceId, modified: ctx.now() }
      await store.transact('Attach source', (tx) => tx.put('citations', next))
      return next
    },

    indexSource: async ({ documentId }, call) => {
      const { index, cached } = await cache.load(documentId, call)
      return {
        documentId,
        sentences: index.sentences.length / 5,
        terms: Object.keys(index.postings).length,
        chapters: index.chapters,
        cached
      }
    },

    compareClaim: async (args, call): Promise<Comparison> => {
      let claim: string
      let sourceId = args.sourceDocumentId
      let locator = args.locator
      let context: string[] = []
      const out: Partial<Comparison> = {}
      if (args.annotationId) {
        const a = annotation(args.annotationId)
        const link = args.citationId ? a.citations.find((l) => l.citationId === args.citationId) : a.citations.find((l) => store.data.citations[l.citationId]?.sourceDocumentId) ?? a.citations[0]
        if (args.citationId && !link) throw new MarginaliaError('not-found', `annotation ${a.id} does not cite ${args.citationId}`)
        if (link) {
          sourceId ??= citation(link.citationId).sourceDocumentId
          locator ??= link.locator
          out.citationId = link.citationId
        }
        if (!sourceId) throw new MarginaliaError('invalid-argument', `annotation ${a.id} cites no item with an attached source; attach one or give sourceDocumentId`)
        claim = a.target.exact
        context = await contextOf(a.documentId, a.target.start, a.target.end)
        Object.assign(out, { annotationId: a.id, claimDocumentId: a.documentId, claimStart: a.target.start, claimEnd: a.target.end })
      } else {
        if (!args.claim) throw new MarginaliaError('invalid-argument', 'compareClaim needs annotationId, or claim and sourceDocumentId')
        if (!sourceId) throw new MarginaliaError('invalid-argument', 'compareClaim with a claim text needs sourceDocumentId')
        claim = args.claim
      }
      const { index, text } = await cache.load(sourceId, call)
      const result = compareWithSource(index, text, {
        claim,
        claimBase: out.claimStart,
        context,
        locator,
        structure: store.data.documents[sourceId]?.structure,
        entities: entities(),
        lexicon: await loadLexicon(),
        top: args.top
      })
      return { ...out, ...result, claim, sourceDocumentId: sourceId, locator }
    },

    checkPassage: async ({ annotationId, claim, sourceDocumentId, start, end }) => {
      if (!annotationId === !claim) throw new MarginaliaError('invalid-argument', 'checkPassage needs annotationId or claim (one of them)')
      const claimText = annotationId ? annotation(annotationId).target.exact : claim!
      const { exact, discrepancies } = await passageDiscrepancies(claimText, sourceDocumentId, start, end)
      return { sourceDocumentId, start, end, exact, discrepancies }
    },

    locate: async ({ documentId, locator }) => {
      const doc = store.data.documents[documentId]
      if (!doc) throw new MarginaliaError('not-found', `no document with id ${documentId}`)
      const { index, text } = await cache.load(documentId)
      return resolveLocator(locator, doc.structure, headingsOf(index, text, doc.structure), text.length)
    },

    verifyClaim: async ({ annotationId, citationId, status, sourceDocumentId, sourceStart, sourceEnd, note, discrepancies }) => {
      const a = annotation(annotationId)
      const i = a.citations.findIndex((l) => l.citationId === citationId)
      if (i < 0) throw new MarginaliaError('not-found', `annotation ${annotationId} does not cite ${citationId}`)
      const verification: Verification = { status, discrepancies: [], note: note ?? '', by: ctx.author, ...(ctx.person.orcid ? { byOrcid: ctx.person.orcid } : {}), at: ctx.now() }
      if ((sourceStart === undefined) !== (sourceEnd === undefined)) throw new MarginaliaError('invalid-argument', 'give both sourceStart and sourceEnd, or neither')
      if (sourceStart !== undefined && sourceEnd !== undefined) {
        const sourceId = sourceDocumentId ?? citation(citationId).sourceDocumentId
        if (!sourceId) throw new MarginaliaError('invalid-argument', `citation ${citationId} has no attached source; give sourceDocumentId`)
        if (!store.data.documents[sourceId]) throw new MarginaliaError('not-found', `no document with id ${sourceId}`)
        const text = await store.textIndex(sourceId)
        const checked = await passageDiscrepancies(a.target.exact, sourceId, sourceStart, sourceEnd)
        const exact = checked.exact
        verification.source = {
          documentId: sourceId, start: sourceStart, end: sourceEnd, exact,
          prefix: text.slice(Math.max(0, sourceStart - AFFIX), sourceStart), suffix: text.slice(sourceEnd, Math.min(text.length, sourceEnd + AFFIX))
        }
        verification.discrepancies = discrepancies ?? checked.discrepancies
      } else if (discrepancies) verification.discrepancies = discrepancies
      const next: Annotation = { ...a, citations: a.citations.map((l, k) => (k === i ? { ...l, verification } : l)), modified: ctx.now() }
      await store.transact('Record verdict', (tx) => tx.put('annotations', next))
      return next
    },

    verificationReport: ({ documentId }) => verificationRows(store.data as ProjectData, documentId),

    exportVerificationReport: ({ format, documentId }) => {
      const rows = verificationRows(store.data as ProjectData, documentId)
      if (format === 'csv') return { fileName: 'verification-report.csv', mediaType: 'text/csv', content: verificationCsv(rows) }
      const title = `Verification report — ${store.data.project.name}`
      return { fileName: 'verification-report.html', mediaType: 'text/html', content: verificationHtml(rows, title, ctx.now()) }
    }
  }
}

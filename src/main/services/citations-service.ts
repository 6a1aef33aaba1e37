/**
 * The citations domain: the project bibliography (CSL-JSON items), bibliography import, references
 * found in the text (proposals), links from highlights to items, and formatted output. The work
 * itself lives in src/main/bib/ and src/shared/{bib,citations}/; this file maps the API onto it.
 */
import type { CitationSummary, CitingPassage } from '../../shared/api/citations'
import type { citationsMethods } from '../../shared/api/citations'
import type { HandlersOf } from '../../shared/api/define'
import { cleanItem, itemLabel } from '../../shared/citations/csl-item'
import type { Citation, CslItem } from '../../shared/model'
import { MarginaliaError } from '../../shared/result'
import { formatBibliography, formatNotes } from '../bib/format-handlers'
import { importBibliography } from '../bib/import-bibliography'
import { createFromText, mergeCitations, parseTypedReference, withCheckedLanguage } from '../bib/library-handlers'
import { acceptProposal, listProposals, rejectProposal } from '../bib/reference-handlers'
import type { ServiceContext } from './context'

/** Handlers of the citations domain (src/shared/api/citations.ts). */
export function createCitationsHandlers(ctx: ServiceContext): HandlersOf<typeof citationsMethods> {
  const store = ctx.store
  const get = (id: string): Citation => {
    const c = store.data.citations[id]
    if (!c) throw new MarginaliaError('not-found', `no citation with id ${id}`)
    return c
  }
  const checkSource = (id: string | null | undefined): void => {
    if (id && !store.data.documents[id]) throw new MarginaliaError('not-found', `no document with id ${id}`)
  }

  return {
    listCitations: () => {
      // How many passages cite each item is tallied per change (derived/tallies.ts), not scanned.
      const tallies = ctx.index.tallies
      return Object.values(store.data.citations)
        .map((c): CitationSummary => ({ ...c, label: itemLabel(c.item), citedBy: tallies.citedBy(c.id) }))
        .sort((a, b) => a.label.localeCompare(b.label))
    },
    getCitation: ({ id }) => get(id),
    createCitation: async ({ item, sourceDocumentId }) => {
      checkSource(sourceDocumentId)
      const id = ctx.newId('cit')
      const now = ctx.now()
      const citation: Citation = { id, item: withCheckedLanguage(cleanItem({ ...(item as CslItem), id })), created: now, modified: now }
      if (sourceDocumentId) citation.sourceDocumentId = sourceDocumentId
      await store.transact('Add bibliography item', (tx) => tx.put('citations', citation))
      return citation
    },
    updateCitation: async ({ id, item, sourceDocumentId }) => {
      const old = get(id)
      checkSource(sourceDocumentId)
      const next: Citation = { ...old, modified: ctx.now() }
      if (item) next.item = withCheckedLanguage(cleanItem({ ...(item as CslItem), id }))
      if (sourceDocumentId === null) delete next.sourceDocumentId
      else if (sourceDocumentId) next.sourceDocumentId = sourceDocumentId
      await store.transact('Edit bibliography item', (tx) => tx.put('citations', next))
      return next
    },
    parseReference: ({ text }) => parseTypedReference(ctx, text),
    createCitationFromText: ({ text, language }) => createFromText(ctx, text, language),
    mergeCitations: ({ into, from, item }) => mergeCitations(ctx, into, from, item as CslItem | undefined),
    deleteCitation: async ({ id }) => {
      get(id)
      const citing = Object.values(store.data.annotations).filter((a) => a.citations.some((c) => c.citationId === id))
      await store.transact('Delete bibliography item', (tx) => {
        for (const a of citing) tx.put('annotations', { ...a, citations: a.citations.filter((c) => c.citationId !== id), modified: ctx.now() })
        tx.remove('citations', id)
      })
      return { id, unlinkedAnnotations: citing.length }
    },
    // The contract refused a file over LIMITS.bibliographyFile from its base64 length, before decoding.
    importBibliography: ({ fileName, contentBase64, format }, call) =>
      importBibliography(ctx, fileName, new Uint8Array(Buffer.from(contentBase64, 'base64')), format, call),
    extractReferences: ({ documentId, includeRejected }) => listProposals(ctx, documentId, includeRejected),
    acceptReference: (args) => acceptProposal(ctx, args),
    rejectReference: ({ documentId, proposalId }) => rejectProposal(ctx, documentId, proposalId),
    listCitingPassages: ({ citationId }) => {
      get(citationId)
      const passages: CitingPassage[] = []
      for (const a of Object.values(store.data.annotations)) {
        for (const link of a.citations) {
          if (link.citationId !== citationId) continue
          const p: CitingPassage = {
            annotationId: a.id,
            documentId: a.documentId,
            documentTitle: store.data.documents[a.documentId]?.title ?? a.documentId,
            start: a.target.start,
            end: a.target.end,
            exact: a.target.exact
          }
          if (link.locator) p.locator = link.locator
          passages.push(p)
        }
      }
      return passages.sort((a, b) => a.documentTitle.localeCompare(b.documentTitle) || a.start - b.start)
    },
    formatBibliography: ({ style, citationIds, documentId }, call) => formatBibliography(ctx, style, citationIds, documentId, call),
    formatNotes: ({ documentId, style }) => formatNotes(ctx, documentId, style)
  }
}

/**
 * Formatted bibliography and notes in the shipped Chicago styles, as HTML and plain text. What is
 * formatted is what is cited: a document's notes, and the works cited by the project (or by one
 * document); the whole library is formatted only when its items are asked for by id. Both are
 * kept (./format-cache.ts), so formatting again costs only what changed.
 */
import type { FormattedBibliography, FormattedNote } from '../../shared/api/citations'
import type { CallContext } from '../../shared/api/define'
import { itemFingerprint } from '../../shared/citations/bibliography-order'
import { cleanItem } from '../../shared/citations/csl-item'
import { noteRequest, notesOf } from '../../shared/citations/notes'
import type { Citation, CitationStyle, CslItem } from '../../shared/model'
import { MarginaliaError } from '../../shared/result'
import type { ServiceContext } from '../services/context'
import { checkCitationStyle as checkStyle, CSL_LOCALE } from './csl-style-check'
import { formatCitesInWorker } from './csl-worker-client'
import { formatCacheOf } from './format-cache'

/** The item as citeproc gets it: the citation's id as the CSL id. */
export function cslOf(c: Citation): CslItem {
  return cleanItem({ ...c.item, id: c.id })
}

/** Ids of the items cited by the annotations of `documentId` (of every document when absent), in first-cited order. */
export function citedIds(ctx: ServiceContext, documentId?: string): string[] {
  const ids = new Set<string>()
  for (const a of Object.values(ctx.store.data.annotations)) {
    if (documentId && a.documentId !== documentId) continue
    for (const link of a.citations) if (ctx.store.data.citations[link.citationId]) ids.add(link.citationId)
  }
  return [...ids]
}

/**
 * The bibliography of `citationIds`, or else of the works cited in `documentId`, or else of the
 * works cited in the project, in the style's order.
 */
export async function formatBibliography(ctx: ServiceContext, style: CitationStyle, citationIds?: string[], documentId?: string, call: CallContext = {}): Promise<FormattedBibliography> {
  checkStyle(style)
  if (documentId && !ctx.store.data.documents[documentId]) throw new MarginaliaError('not-found', `no document with id ${documentId}`)
  const all = ctx.store.data.citations
  const ids = citationIds ?? citedIds(ctx, documentId)
  const chosen = ids.map((id) => {
    const c = all[id]
    if (!c) throw new MarginaliaError('not-found', `no citation with id ${id}`)
    return { citationId: id, item: cslOf(c) }
  })
  const entries = await formatCacheOf(ctx).bibliography(ctx.appRoot, style, chosen, call)
  return {
    style,
    entries,
    html: `<div class="csl-bib-body">\n${entries.map((e) => `  <div class="csl-entry">${e.html}</div>`).join('\n')}\n</div>\n`,
    text: entries.map((e) => e.text).join('\n') + (entries.length ? '\n' : '')
  }
}

/** One note per citation link of the document's annotations, in document order. */
export async function formatNotes(ctx: ServiceContext, documentId: string, style: CitationStyle): Promise<FormattedNote[]> {
  if (!ctx.store.data.documents[documentId]) throw new MarginaliaError('not-found', `no document with id ${documentId}`)
  checkStyle(style)
  const { links, items, cites } = noteRequest(ctx.store.data, documentId)
  if (links.length === 0) return []
  // The notes depend on the sequence of cites, the passages quoted and the items' data.
  const sequence = JSON.stringify([links, items.map((i) => [i.id, itemFingerprint(i)])])
  return formatCacheOf(ctx).documentNotes(documentId, style, sequence, async () => {
    const [html, text] = await Promise.all([
      formatCitesInWorker(ctx.appRoot, items, cites, style, 'html', CSL_LOCALE),
      formatCitesInWorker(ctx.appRoot, items, cites, style, 'text', CSL_LOCALE)
    ])
    return notesOf(links, html, text)
  })
}

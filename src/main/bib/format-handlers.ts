/** Formatted bibliography and notes in the shipped Chicago styles, as HTML and plain text. */
import type { FormattedBibliography, FormattedNote, CitationStyle } from '../../shared/api/citations'
import { cleanItem } from '../../shared/citations/csl-item'
import { noteRequest, notesOf } from '../../shared/citations/notes'
import type { Citation, CslItem } from '../../shared/model'
import { MarginaliaError } from '../../shared/result'
import type { ServiceContext } from '../services/context'
import { checkCitationStyle as checkStyle, CSL_LOCALE } from './csl-resources'
import { formatBibliographyInWorker, formatCitesInWorker } from './csl-worker-client'


/** The item as citeproc gets it: the citation's id as the CSL id. */
export function cslOf(c: Citation): CslItem {
  return cleanItem({ ...c.item, id: c.id })
}

/** The bibliography of `citationIds` (every item when absent). */
export async function formatBibliography(ctx: ServiceContext, style: CitationStyle, citationIds?: string[]): Promise<FormattedBibliography> {
  checkStyle(style)
  const all = ctx.store.data.citations
  const chosen = citationIds
    ? citationIds.map((id) => {
        const c = all[id]
        if (!c) throw new MarginaliaError('not-found', `no citation with id ${id}`)
        return c
      })
    : Object.values(all)
  const formatted = chosen.length ? await formatBibliographyInWorker(ctx.appRoot, chosen.map(cslOf), style, CSL_LOCALE) : []
  const entries = formatted.map((e) => ({ citationId: e.id, html: e.html, text: e.text }))
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
  const [html, text] = await Promise.all([
    formatCitesInWorker(ctx.appRoot, items, cites, style, 'html', CSL_LOCALE),
    formatCitesInWorker(ctx.appRoot, items, cites, style, 'text', CSL_LOCALE)
  ])
  return notesOf(links, html, text)
}

/** Formatted bibliography and notes in the shipped Chicago styles, as HTML and plain text. */
import type { FormattedBibliography, FormattedNote, CitationStyle } from '../../shared/api/citations'
import { formatBibliographyEntries, formatCiteSequence } from '../../shared/bib/citation-js'
import { cleanItem } from '../../shared/citations/csl-item'
import { toCslLocator } from '../../shared/citations/locator'
import type { Citation, CslItem } from '../../shared/model'
import { MarginaliaError } from '../../shared/result'
import type { ServiceContext } from '../services/context'
import { CSL_LOCALE, ensureCslStyle } from './csl-resources'

/** The item as citeproc gets it: the citation's id as the CSL id. */
export function cslOf(c: Citation): CslItem {
  return cleanItem({ ...c.item, id: c.id })
}

/** The bibliography of `citationIds` (every item when absent). */
export function formatBibliography(ctx: ServiceContext, style: CitationStyle, citationIds?: string[]): FormattedBibliography {
  ensureCslStyle(ctx.appRoot, style)
  const all = ctx.store.data.citations
  const chosen = citationIds
    ? citationIds.map((id) => {
        const c = all[id]
        if (!c) throw new MarginaliaError('not-found', `no citation with id ${id}`)
        return c
      })
    : Object.values(all)
  const entries = formatBibliographyEntries(chosen.map(cslOf), style, CSL_LOCALE).map((e) => ({ citationId: e.id, html: e.html, text: e.text }))
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
  ensureCslStyle(ctx.appRoot, style)
  const annotations = Object.values(ctx.store.data.annotations)
    .filter((a) => a.documentId === documentId && a.citations.length > 0)
    .sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end)
  const links = annotations.flatMap((a) =>
    a.citations.filter((c) => ctx.store.data.citations[c.citationId]).map((c) => ({ annotationId: a.id, citationId: c.citationId, locator: c.locator }))
  )
  if (links.length === 0) return []
  const used = [...new Set(links.map((l) => l.citationId))].map((id) => cslOf(ctx.store.data.citations[id]))
  const cites = links.map((l) => (l.locator ? { id: l.citationId, ...toCslLocator(l.locator) } : { id: l.citationId }))
  const html = formatCiteSequence(used, cites, style, 'html', CSL_LOCALE)
  const text = formatCiteSequence(used, cites, style, 'text', CSL_LOCALE)
  return links.map((l, i) => ({ ...l, number: i + 1, html: html[i], text: text[i] }))
}

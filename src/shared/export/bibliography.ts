/**
 * Formatted bibliography export in a CSL style (option `style`: `chicago-notes-bibliography`
 * (default) or `chicago-author-date`): `bibliography.html` and `bibliography.txt`, and, when
 * highlights cite works, `notes.html` and `notes.txt`: per document, one numbered note per
 * citation link in document order, with the passage it supports. The style must be registered
 * with citation-js first: main does it with `ensureCslStyle` (src/main/bib/csl-resources.ts),
 * which reads the styles the app ships.
 */
import { formatBibliographyEntries, formatCiteSequence, hasCslStyle } from '../bib/citation-js'
import { cleanItem } from '../citations/csl-item'
import { type DocumentNote, noteRequest, notesOf } from '../citations/notes'
import { DEFAULT_CITATION_STYLE } from '../model/citation-styles'
import { selectForExport } from './reach'
import type { Collections, CslItem } from '../model'
import type { ExportFile, Exporter } from './types'

/** The document's notes in `style` (which must be registered), as HTML and text. */
export function formatDocumentNotes(data: Pick<Collections, 'annotations' | 'citations'>, documentId: string, style: string, lang = 'en-US'): DocumentNote[] {
  const { links, items, cites } = noteRequest(data, documentId)
  if (links.length === 0) return []
  return notesOf(links, formatCiteSequence(items, cites, style, 'html', lang), formatCiteSequence(items, cites, style, 'text', lang))
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

function page(title: string, style: string, body: string): string {
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n` +
    `<meta name="generator" content="Marginalia (${escapeHtml(style)})">\n</head>\n<body>\n<h1>${escapeHtml(title)}</h1>\n${body}</body>\n</html>\n`
}

/**
 * `item` with its number-valued fields as strings: CSL-JSON allows `"volume": 31`, and a CSL-JSON
 * import keeps it, but citeproc's sorting and number formatting call `.match` on them and throw.
 */
function withNumbersAsText(item: CslItem): CslItem {
  return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, typeof v === 'number' ? String(v) : v])) as CslItem
}

export const exportBibliography: Exporter = (input) => {
  const style = typeof input.options.style === 'string' && input.options.style ? input.options.style : DEFAULT_CITATION_STYLE
  if (!hasCslStyle(style)) throw new Error(`citation style "${style}" is not loaded (main must call ensureCslStyle first)`)
  const { citations, documents } = selectForExport(input.data, input.scope)
  // citeproc's HTML escapes the item's text itself; only its own inline tags appear in it.
  const entries = formatBibliographyEntries(citations.map((c) => withNumbersAsText(cleanItem({ ...c.item, id: c.id }))), style, 'en-US')
  const citable = { ...input.data, citations: Object.fromEntries(Object.entries(input.data.citations).map(([id, c]) => [id, { ...c, item: withNumbersAsText(c.item) }])) }
  const files: ExportFile[] = [
    { name: 'bibliography.html', mediaType: 'text/html', content: page('Bibliography', style, `<div class="csl-bib-body">\n${entries.map((e) => `  <div class="csl-entry">${e.html}</div>`).join('\n')}\n</div>\n`) },
    { name: 'bibliography.txt', mediaType: 'text/plain', content: entries.map((e) => e.text).join('\n') + (entries.length ? '\n' : '') }
  ]
  const perDoc = documents.map((d) => ({ doc: d, notes: formatDocumentNotes(citable, d.id, style) })).filter((x) => x.notes.length)
  if (perDoc.length) {
    const html = perDoc.map(({ doc, notes }) =>
      `<section>\n<h2>${escapeHtml(doc.title)}</h2>\n<ol class="notes">\n${notes.map((n) => `  <li value="${n.number}"><q>${escapeHtml(n.quote)}</q><br>${n.html}</li>`).join('\n')}\n</ol>\n</section>\n`
    ).join('')
    const text = perDoc.map(({ doc, notes }) => `${doc.title}\n\n${notes.map((n) => `${n.number}. ${n.text}\n   (“${n.quote}”)`).join('\n')}\n`).join('\n')
    files.push({ name: 'notes.html', mediaType: 'text/html', content: page('Notes', style, html) }, { name: 'notes.txt', mediaType: 'text/plain', content: text })
  }
  return { files, losses: [] }
}

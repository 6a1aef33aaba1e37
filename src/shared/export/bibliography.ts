/**
 * Formatted bibliography export in a CSL style (option `style`: `chicago-notes-bibliography`
 * (default) or `chicago-author-date`), as an HTML file and a plain-text file. The style must be
 * registered with citation-js first: main does it with `ensureCslStyle` / `bibliographyExportOptions`
 * (src/main/bib/csl-resources.ts), which reads the styles the app ships.
 */
import { formatBibliographyEntries, hasCslStyle } from '../bib/citation-js'
import { cleanItem } from '../citations/csl-item'
import { selectForExport } from './reach'
import type { Exporter } from './types'

export const DEFAULT_BIBLIOGRAPHY_STYLE = 'chicago-notes-bibliography'

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

export const exportBibliography: Exporter = (input) => {
  const style = typeof input.options.style === 'string' && input.options.style ? input.options.style : DEFAULT_BIBLIOGRAPHY_STYLE
  if (!hasCslStyle(style)) throw new Error(`citation style "${style}" is not loaded (main must call ensureCslStyle first)`)
  const { citations } = selectForExport(input.data, input.scope)
  const entries = formatBibliographyEntries(citations.map((c) => cleanItem({ ...c.item, id: c.id })), style, 'en-US')
  const title = 'Bibliography'
  const html =
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n` +
    `<meta name="generator" content="Marginalia (${escapeHtml(style)})">\n</head>\n<body>\n<h1>${escapeHtml(title)}</h1>\n` +
    `<div class="csl-bib-body">\n${entries.map((e) => `  <div class="csl-entry">${e.html}</div>`).join('\n')}\n</div>\n</body>\n</html>\n`
  const text = entries.map((e) => e.text).join('\n') + (entries.length ? '\n' : '')
  return {
    files: [
      { name: 'bibliography.html', mediaType: 'text/html', content: html },
      { name: 'bibliography.txt', mediaType: 'text/plain', content: text }
    ],
    losses: []
  }
}

/**
 * BibTeX export of the bibliography (via citation-js), in UTF-8. By default the file uses
 * BibLaTeX's field names (`journaltitle`, `date`, `urldate`, `langid`…), which carry far more of a
 * CSL item than classic BibTeX and which biblatex-chicago reads; option `dialect: 'bibtex'`
 * writes classic BibTeX. Keys are the items' `citation-key` when they came from a BibTeX file.
 * What does not survive is measured, not guessed: the file is read back and every field that
 * comes back different is listed as a loss.
 */
import { formatBibtex, parseBibtexText } from '../bib/citation-js'
import { cleanItem } from '../citations/csl-item'
import type { CslItem } from '../model'
import { bibliographyOnlyLosses } from './losses'
import { selectForExport } from './reach'
import type { Exporter, LossItem } from './types'

/** JSON with object keys sorted, so field order does not count as a difference. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v))
}

/** Fields of `before` that come back different (or not at all) in `after`. */
export function changedFields(before: CslItem, after: CslItem | undefined): string[] {
  const out: string[] = []
  for (const [k, v] of Object.entries(before)) {
    if (k === 'id' || k === 'citation-key') continue
    if (!after || canonical(v) !== canonical(after[k])) out.push(k)
  }
  return out
}

export const exportBibtex: Exporter = (input) => {
  const dialect = input.options.dialect === 'bibtex' ? 'bibtex' : 'biblatex'
  const sel = selectForExport(input.data, input.scope)
  const { citations } = sel
  const items = citations.map((c) => cleanItem({ ...c.item, id: c.id }))
  const content = items.length ? formatBibtex(items, dialect) : ''
  const losses: LossItem[] = bibliographyOnlyLosses(sel, dialect === 'bibtex' ? 'BibTeX' : 'BibLaTeX')
  if (items.length) {
    // citation-js writes entries in input order, so entry i of the re-read file is item i.
    const back = parseBibtexText(content)
    const lost = new Map<string, number>()
    let renamed = 0
    items.forEach((item, i) => {
      for (const f of changedFields(item, back[i])) lost.set(f, (lost.get(f) ?? 0) + 1)
      if (back[i]?.['citation-key'] !== item.id) renamed++
    })
    // An entry is named by its citation key (the one it was imported with); the item's id then is not written.
    if (renamed) losses.push({ what: 'Marginalia ids of the items (entries are keyed by their citation keys)', count: renamed, fields: ['citations.id', 'citations.item.id'] })
    for (const [field, count] of [...lost].sort()) losses.push({ what: `CSL field not carried exactly by ${dialect === 'bibtex' ? 'BibTeX' : 'BibLaTeX'}: ${field}`, count, fields: [`citations.item.${field}`] })
  }
  return { files: [{ name: 'bibliography.bib', mediaType: 'application/x-bibtex', content }], losses }
}

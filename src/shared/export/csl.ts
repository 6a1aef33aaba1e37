/**
 * CSL-JSON export of the bibliography (the items of the project, or those the scoped document's
 * annotations cite). Each item's `id` is its Marginalia citation id; fields the CSL-JSON schema
 * does not allow are dropped and counted. Valid against csl-data.json v1.0.
 */
import { toCslData } from '../citations/csl-data'
import { selectForExport } from './reach'
import type { Exporter, LossItem } from './types'

export const exportCsl: Exporter = (input) => {
  const { citations, annotations } = selectForExport(input.data, input.scope)
  const dropped = new Map<string, number>()
  const items = citations.map((c) => {
    const { item, dropped: d } = toCslData({ ...c.item, id: c.id })
    for (const f of d) dropped.set(f, (dropped.get(f) ?? 0) + 1)
    return item
  })
  const losses: LossItem[] = []
  const links = annotations.reduce((n, a) => n + a.citations.length, 0)
  if (links) losses.push({ what: 'passages citing the items (annotation citation links and locators)', count: links, detail: 'CSL-JSON holds bibliographic items only; use the JSON or W3C export for the links' })
  const attached = citations.filter((c) => c.sourceDocumentId).length
  if (attached) losses.push({ what: 'attached source documents', count: attached })
  for (const [field, count] of [...dropped].sort()) losses.push({ what: `field not in the CSL-JSON schema: ${field}`, count })
  return { files: [{ name: 'bibliography.json', mediaType: 'application/vnd.citationstyles.csl+json', content: JSON.stringify(items, null, 2) + '\n' }], losses }
}

/**
 * CSL-JSON export of the bibliography (the items of the project, or those the scoped document's
 * annotations cite). Each item's `id` is its Marginalia citation id; fields the CSL-JSON schema
 * does not allow are dropped and counted. Valid against csl-data.json v1.0.
 */
import { toCslData } from '../citations/csl-data'
import { bibliographyOnlyLosses } from './losses'
import { selectForExport } from './reach'
import type { Exporter, LossItem } from './types'

export const exportCsl: Exporter = (input) => {
  const sel = selectForExport(input.data, input.scope)
  const { citations } = sel
  const dropped = new Map<string, number>()
  const items = citations.map((c) => {
    const { item, dropped: d } = toCslData({ ...c.item, id: c.id })
    for (const f of d) dropped.set(f, (dropped.get(f) ?? 0) + 1)
    return item
  })
  const losses: LossItem[] = bibliographyOnlyLosses(sel, 'CSL-JSON')
  for (const [field, count] of [...dropped].sort()) losses.push({ what: `field not in the CSL-JSON schema: ${field}`, count, fields: [`citations.item.${field}`] })
  return { files: [{ name: 'bibliography.json', mediaType: 'application/vnd.citationstyles.csl+json', content: JSON.stringify(items, null, 2) + '\n' }], losses }
}

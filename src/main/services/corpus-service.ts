/**
 * The corpus views' data: the annotation table, the verification overview, timeline, map,
 * network and statistics, all under the one annotation filter. The work is pure
 * (src/shared/corpus); this file reads the project and runs the network layout in batches.
 */
import type { corpusMethods } from '../../shared/api/corpus'
import type { HandlersOf } from '../../shared/api/define'
import { filteredRows } from '../../shared/corpus/filtered-rows'
import { annotationTable, sortRows } from '../../shared/corpus/annotation-table'
import { mapData } from '../../shared/corpus/map-data'
import { network } from '../../shared/corpus/network'
import { layoutSteps } from '../../shared/corpus/network-layout'
import { statistics } from '../../shared/corpus/statistics'
import { annotationsCsv } from '../../shared/corpus/table-csv'
import { timeline } from '../../shared/corpus/timeline'
import { verificationOverview } from '../../shared/corpus/verification-overview'
import { verificationCsv, verificationHtml } from '../../shared/export/verification-report'
import type { ProjectData } from '../../shared/model'
import type { ServiceContext } from './context'
import { runSteps } from './run-steps'

export function createCorpusHandlers(ctx: ServiceContext): HandlersOf<typeof corpusMethods> {
  const data = () => ctx.store.data as ProjectData

  return {
    annotationTable: ({ filter, sort, offset, limit }) => annotationTable(data(), { filter, sort, offset, limit }),

    filterAnnotations: ({ filter, documentId }) =>
      filteredRows(data(), { ...filter, ...(documentId ? { documentIds: [documentId] } : {}) }).rows.map((r) => r.id),

    exportAnnotationTable: ({ filter, sort }) => {
      const rows = sortRows(filteredRows(data(), filter).rows, sort)
      return { fileName: 'annotations.csv', mediaType: 'text/csv', content: annotationsCsv(data(), rows.map((r) => r.id)) }
    },

    verificationOverview: ({ filter }) => verificationOverview(data(), filter),

    exportVerificationOverview: ({ filter, format }) => {
      const { rows } = verificationOverview(data(), filter)
      if (format === 'csv') return { fileName: 'verification-report.csv', mediaType: 'text/csv', content: verificationCsv(rows) }
      const title = `Verification report — ${data().project.name}`
      return { fileName: 'verification-report.html', mediaType: 'text/html', content: verificationHtml(rows, title, ctx.now()) }
    },

    timeline: ({ filter }) => timeline(data(), filter),

    mapData: ({ filter }) => mapData(data(), filter),

    entityNetwork: async ({ filter, types, maxNodes, minWeight }, call) => {
      const net = network(data(), filter, { types, maxNodes, minWeight })
      const layout = await runSteps(layoutSteps(net), call, 'Laying out the network')
      return { ...net, layout }
    },

    statistics: ({ filter, top }) => statistics(data(), filter, top)
  }
}

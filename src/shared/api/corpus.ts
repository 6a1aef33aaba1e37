import { z } from 'zod'
import type { AnnotationFilter } from '../corpus/annotation-filter'
import type { AnnotationTable, TableColumn } from '../corpus/annotation-table'
import type { MapData } from '../corpus/map-data'
import type { Network } from '../corpus/network'
import type { NetworkLayout } from '../corpus/network-layout'
import type { Statistics } from '../corpus/statistics'
import type { Timeline } from '../corpus/timeline'
import type { VerificationOverview } from '../corpus/verification-overview'
import { method } from './define'
import { entityType } from './entities'
import { id, tagName, verificationStatus } from './schemas'

export type { AnnotationFilter, FacetField } from '../corpus/annotation-filter'
export type { AnnotationRow, RowCitation, RowEntity, Verdict } from '../corpus/annotation-rows'
export type { AnnotationTable, FacetCount, Facets, TableColumn, TableSort } from '../corpus/annotation-table'
export type { MapData, MapPlace, UnplacedPlace } from '../corpus/map-data'
export type { Network, NetworkEdge, NetworkNode } from '../corpus/network'
export type { NetworkLayout, NodePosition } from '../corpus/network-layout'
export type { Count, EntityCount, Statistics } from '../corpus/statistics'
export type { TimeBound, Timeline, TimelineItem } from '../corpus/timeline'
export type { VerificationOverview, VerificationProgress } from '../corpus/verification-overview'

const ids = z.array(id).max(10_000)

/** The one filter of the corpus views (see src/shared/corpus/annotation-filter.ts). */
export const annotationFilter: z.ZodType<AnnotationFilter> = z.object({
  documentIds: ids.optional(),
  tags: z.array(tagName).max(1000).optional(),
  entityIds: ids.optional(),
  entityTypes: z.array(entityType).max(7).optional(),
  citationIds: ids.optional(),
  verdicts: z.array(z.union([verificationStatus, z.literal('uncited')])).max(6).optional(),
  text: z.string().max(1000).optional(),
  statuses: z.array(z.enum(['anchored', 'moved', 'orphaned'])).max(3).optional(),
  annotationIds: z.array(id).max(100_000).optional()
})

/** The columns of TABLE_COLUMNS (src/shared/corpus/annotation-table.ts); the type keeps them in step. */
const tableColumn: z.ZodType<TableColumn> = z.enum(['position', 'document', 'quote', 'tags', 'entities', 'entityType', 'citation', 'verdict', 'note', 'dates', 'status', 'created', 'modified'])
const tableSort = z.object({
  column: tableColumn,
  descending: z.boolean().optional()
})

const file = method<{ fileName: string; mediaType: string; content: string }>()
const filtered = z.object({ filter: annotationFilter.optional() })

/** A network with a layout computed by the service (positions in the layout's own units). */
export interface NetworkWithLayout extends Network {
  layout: NetworkLayout
}

/** Operations of the corpus views; see src/main/services/corpus-service.ts. */
export const corpusMethods = {
  /** The project-wide annotation table: filtered, sorted by any column, a page of rows, facet counts. */
  annotationTable: method<AnnotationTable>()(
    filtered.extend({
      sort: tableSort.optional(),
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(0).max(100_000).optional()
    })
  ),
  /** Ids of the annotations the filter keeps, in reading order (the document view's highlights; `documentId` narrows). */
  filterAnnotations: method<string[]>()(filtered.extend({ documentId: id.optional() })),
  /** The filtered table as CSV (RFC 4180; the columns of the annotations CSV export). */
  exportAnnotationTable: file(filtered.extend({ sort: tableSort.optional() })),
  /** Every claim with a citation under the filter: verdict, source passage, discrepancies, progress. */
  verificationOverview: method<VerificationOverview>()(filtered),
  /** The overview's rows as the verification report, CSV or HTML. */
  exportVerificationOverview: file(filtered.extend({ format: z.enum(['csv', 'html']) })),
  /** Dated entities and dated annotations as intervals (ms since 1970 UTC), with EDTF qualifiers. */
  timeline: method<Timeline>()(filtered),
  /** Places with coordinates and mention counts; places without coordinates listed. */
  mapData: method<MapData>()(filtered),
  /**
   * Entities linked by co-occurrence in a paragraph and by relations, with a settled layout
   * (computed in batches: run as a job for large projects).
   */
  entityNetwork: method<NetworkWithLayout>()(
    filtered.extend({
      types: z.array(entityType).max(7).optional(),
      maxNodes: z.number().int().min(1).max(2000).optional(),
      minWeight: z.number().int().min(1).optional()
    })
  ),
  /** Counts per tag, entity type and document; most-mentioned entities; verdicts. */
  statistics: method<Statistics>()(filtered.extend({ top: z.number().int().min(1).max(1000).optional() }))
}

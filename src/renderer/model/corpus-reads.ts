/**
 * The model's reads for the corpus views (search, the annotation table, the verification overview,
 * the concordance, timeline, map, network, statistics) and the one corpus filter they share.
 * Each read is a Resource keyed by its arguments: fetched when a view first asks, then, on any
 * change to annotations, entities, items, relations or documents, marked stale (the old value stays
 * shown) and fetched again when next shown. The services compute every one from the whole project,
 * so no in-place update is attempted here: an edit seldom changes one row only (counts, facets,
 * layouts move too). Offsets in every result are code points of a document's normalised text.
 */
import type { MethodName, Methods } from '../../shared/api'
import type { AnnotationFilter, AnnotationRow } from '../../shared/api/corpus'
import type { ArgsOf, ResultOf } from '../../shared/api/define'
import type { JobOptions } from './job-runner'
import type { Read } from './project-reads'
import { type Loadable, ResourceMap } from './resource'

/** Reading methods of the corpus views. */
export type CorpusMethod =
  | 'search' | 'annotationTable' | 'filterAnnotations' | 'verificationOverview' | 'concordance'
  | 'timeline' | 'mapData' | 'entityNetwork' | 'statistics'

/** Methods that produce a file (CSV, HTML) from the current filter. */
export type CorpusExport = 'exportAnnotationTable' | 'exportVerificationOverview' | 'exportConcordance'

/** Methods run as jobs (progress shown, the window stays responsive): layouts and first indexing. */
const AS_JOB: ReadonlySet<CorpusMethod> = new Set(['entityNetwork', 'search'])

/** Most cached argument sets per method; beyond it the oldest are forgotten. */
const KEEP = 12

type Run = <K extends MethodName>(method: K, args: ArgsOf<Methods[K]>, opts?: JobOptions) => Promise<ResultOf<Methods[K]>>

/** Drops undefined fields and empty arrays, so equal filters give equal keys. */
export function cleanFilter(filter: AnnotationFilter): AnnotationFilter {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(filter)) {
    if (v === undefined || (Array.isArray(v) && v.length === 0) || v === '') continue
    out[k] = v
  }
  return out as AnnotationFilter
}

export class CorpusReads {
  /** The filter every corpus view applies (table, overview, pictures, the document view's highlights). */
  filter: AnnotationFilter = {}
  private readonly maps = new Map<CorpusMethod, ResourceMap<string, unknown>>()

  /**
   * @param read calls a reading method
   * @param job runs a method as a job (progress in the status line)
   * @param changed called when a fetch completes or the filter moved
   */
  constructor(private readonly read: Read, private readonly job: Run, private readonly changed: () => void) {}

  /** The result of `method` for `args`: fetched on first ask, kept until a change makes it stale. */
  get<K extends CorpusMethod>(method: K, args: ArgsOf<Methods[K]>): Loadable<ResultOf<Methods[K]>> {
    let map = this.maps.get(method)
    if (!map) {
      map = new ResourceMap((key: string) => {
        const a = JSON.parse(key) as ArgsOf<Methods[K]>
        return AS_JOB.has(method) ? this.job(method, a) : this.read(method, a)
      }, this.changed)
      this.maps.set(method, map)
    }
    const key = JSON.stringify(args)
    const keys = [...map.entries()].map(([k]) => k)
    if (!keys.includes(key) && keys.length >= KEEP) map.delete(keys[0])
    return map.of(key).get() as Loadable<ResultOf<Methods[K]>>
  }

  /** A file (CSV or HTML) built by the services from the current filter: read once, not cached. */
  file<K extends CorpusExport>(method: K, args: ArgsOf<Methods[K]>): Promise<ResultOf<Methods[K]>> {
    return this.read(method, args)
  }

  /**
   * The annotations of a document the filter keeps, for its highlights: undefined when the filter
   * keeps everything (or until the ids are read: all highlights show meanwhile).
   */
  highlighted(documentId: string | undefined): ReadonlySet<string> | undefined {
    if (!documentId || Object.keys(this.filter).length === 0) return undefined
    const ids = this.get('filterAnnotations', { filter: this.filter, documentId }).value
    if (!ids) return undefined
    if (this.shown.ids !== ids) this.shown = { ids, set: new Set(ids) }
    return this.shown.set
  }
  private shown: { ids: string[] | undefined; set: ReadonlySet<string> } = { ids: undefined, set: new Set() }

  /** Ids of the annotations the filter keeps, read now (to choose them all for a bulk edit). */
  idsOf(filter: AnnotationFilter): Promise<string[]> {
    return this.read('filterAnnotations', { filter })
  }

  /** The table rows of these annotations, read now (for bulk edits that need their current values). */
  async rows(annotationIds: string[]): Promise<AnnotationRow[]> {
    return annotationIds.length ? (await this.read('annotationTable', { filter: { annotationIds } })).rows : []
  }

  /** Sets the shared filter (empty fields dropped). */
  setFilter(filter: AnnotationFilter): void {
    this.filter = cleanFilter(filter)
    this.changed()
  }

  /** The project changed: every result may be wrong now (the shown ones are fetched again). */
  invalidate(): void {
    for (const map of this.maps.values()) map.invalidateAll()
  }
}

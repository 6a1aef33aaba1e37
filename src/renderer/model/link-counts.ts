/**
 * Keeps the "mentioned N times in M documents" of entities and the "cited by N passages" of
 * bibliography items right as annotations change, without re-reading them: each change of an
 * annotation whose previous version the model knows (it belongs to the open document) moves the
 * counts by the links it lost and gained. Counts of a change the model cannot see (an annotation
 * of another document, changed by another window or the CLI) are marked stale and re-read by the
 * next view that shows them.
 */
import type { CitationSummary } from '../../shared/api/citations'
import type { EntitySummary } from '../../shared/api/entities'
import type { Annotation } from '../../shared/model'

export class LinkCounts {
  /** Links from the open document's annotations to each entity (for documentCount). */
  private openLinks = new Map<string, number>()
  /** True when a change the model could not count may have moved these counts. */
  entitiesStale = false
  citationsStale = false
  /**
   * Moves with every change counted or not: a read of the counts made while it moved may or may
   * not include that change, so the counts it brought are marked stale (read again when shown).
   */
  epoch = 0

  constructor(
    private readonly entities: Map<string, EntitySummary>,
    private readonly citations: Map<string, CitationSummary>
  ) {}

  /** Starts counting the links of a newly opened document. */
  reset(annotations: readonly Annotation[]): void {
    this.openLinks = new Map()
    for (const a of annotations) for (const e of a.entityIds) this.openLinks.set(e, (this.openLinks.get(e) ?? 0) + 1)
  }

  /**
   * Moves the counts from `before` to `after` (either may be absent: created, deleted).
   * Returns which lists changed.
   */
  change(before: Annotation | undefined, after: Annotation | undefined): { entities: boolean; citations: boolean } {
    this.epoch++
    let entities = false
    for (const id of before?.entityIds ?? []) entities = this.entity(id, -1) || entities
    for (const id of after?.entityIds ?? []) entities = this.entity(id, +1) || entities
    let citations = false
    for (const id of new Set(before?.citations.map((c) => c.citationId))) citations = this.citation(id, -1) || citations
    for (const id of new Set(after?.citations.map((c) => c.citationId))) citations = this.citation(id, +1) || citations
    return { entities, citations }
  }

  /**
   * A change to an annotation the model does not hold (another document's): without its previous
   * version, the links it lost are unknown, so both kinds of count are re-read when next shown.
   */
  unknownChange(): void {
    this.epoch++
    this.entitiesStale = true
    this.citationsStale = true
  }

  private entity(id: string, sign: 1 | -1): boolean {
    const n = (this.openLinks.get(id) ?? 0) + sign
    this.openLinks.set(id, n)
    const s = this.entities.get(id)
    if (!s) {
      this.entitiesStale = true // an entity the model has not seen yet
      return false
    }
    const documentCount = s.documentCount + (sign > 0 && n === 1 ? 1 : sign < 0 && n === 0 ? -1 : 0)
    this.entities.set(id, { ...s, mentionCount: s.mentionCount + sign, documentCount })
    return true
  }

  private citation(id: string, sign: 1 | -1): boolean {
    const s = this.citations.get(id)
    if (!s) {
      this.citationsStale = true
      return false
    }
    this.citations.set(id, { ...s, citedBy: s.citedBy + sign })
    return true
  }
}

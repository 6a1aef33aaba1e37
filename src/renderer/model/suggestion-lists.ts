/**
 * The entity suggestions of the open document: found on request (a job: name finding reads the
 * whole text), then kept current locally. Accepting, rejecting, linking all and highlighting
 * remove what they dealt with, and a new entity (e.g. created by accepting) adds the other
 * occurrences of its name, found in the text here with the same alias finder the services use —
 * so none of these starts the name-finding job again. Only a change that may free a passage
 * again (a highlight deleted or unlinked, an entity renamed or removed, a rejection restored)
 * makes the list stale; it is found again the next time it is shown.
 * Offsets are code points of the document's normalised text.
 */
import type { Suggestion } from '../../shared/api/entities'
import { findByName } from '../../shared/entities/type-ahead'
import type { Annotation, Entity, RejectedSuggestion } from '../../shared/model'
import { findAliasMentions } from '../../shared/suggest/alias-finder'
import { isRejected, withoutHandled } from '../../shared/suggest/filter'
import { longestNonOverlapping, overlaps } from '../../shared/suggest/types'
import type { JobOptions } from './job-runner'

export interface SuggestionList {
  readonly documentId: string
  readonly status: 'idle' | 'running' | 'done' | 'failed'
  readonly items: readonly Suggestion[]
  /** Share of the text read by the running job, 0–1. */
  readonly progress: number
  readonly error?: string
}

type Find = (documentId: string, opts: JobOptions) => Promise<Suggestion[]>

/** What the lists read of the model: the open document's text and annotations, every entity. */
export interface SuggestionContext {
  documentId: string | undefined
  text: string | undefined
  annotations: readonly Annotation[]
  entities: Iterable<Entity>
}

export class SuggestionLists {
  private list: SuggestionList | undefined
  private stale = false
  private controller: AbortController | undefined

  constructor(private readonly find: Find, private readonly context: () => SuggestionContext, private readonly changed: () => void) {}

  /** The list of `documentId` (idle until found). A stale list is found again here. */
  of(documentId: string): SuggestionList {
    if (this.list?.documentId !== documentId) return { documentId, status: 'idle', items: [], progress: 0 }
    if (this.stale && this.list.status === 'done') void this.start(documentId)
    return this.list
  }

  /** Finds the suggestions of `documentId` (cancelling a search under way). */
  async start(documentId: string): Promise<void> {
    this.controller?.abort()
    const controller = (this.controller = new AbortController())
    this.stale = false
    const items = this.list?.documentId === documentId ? this.list.items : []
    this.set({ documentId, status: 'running', items, progress: 0 })
    try {
      const found = await this.find(documentId, {
        signal: controller.signal,
        onProgress: (p) => this.list?.status === 'running' && this.set({ ...this.list, progress: p.total ? p.done / p.total : 0 })
      })
      if (this.controller === controller) this.set({ documentId, status: 'done', items: found, progress: 1 })
    } catch (err) {
      if (this.controller !== controller) return
      const cancelled = (err as { code?: string }).code === 'cancelled'
      this.set({ documentId, status: cancelled ? (items.length ? 'done' : 'idle') : 'failed', items, progress: 0, error: cancelled ? undefined : String((err as Error).message ?? err) })
    }
  }

  /** Stops the search under way, keeping what was listed before. */
  cancel(): void {
    this.controller?.abort()
  }

  /** Forgets the list (another document opened, or its text changed). */
  clear(): void {
    this.controller?.abort()
    this.controller = undefined
    this.list = undefined
    this.stale = false
  }

  /** Removes the suggestions `drop` selects (after accepting, rejecting or linking them). */
  remove(drop: (s: Suggestion) => boolean): void {
    if (this.list) this.set({ ...this.list, items: this.list.items.filter((s) => !drop(s)) })
  }

  /** An annotation of the open document was put (`after`) or removed; `before` is its previous version. */
  onAnnotation(after: Annotation | null, before: Annotation | undefined): void {
    if (!this.list || (after ?? before)?.documentId !== this.list.documentId) return
    const unlinked = before && before.entityIds.some((e) => !after?.entityIds.includes(e))
    const moved = before && after && (before.target.start !== after.target.start || before.target.end !== after.target.end)
    if (!after || unlinked || moved) this.stale = true
    if (after) this.set({ ...this.list, items: withoutHandled(this.list.items, [after], []) })
  }

  /** A rejection was stored (`record`) or restored (removed). */
  onRejected(record: RejectedSuggestion | null): void {
    if (!this.list) return
    if (!record) this.stale = true
    else if (record.documentId === this.list.documentId) this.set({ ...this.list, items: this.list.items.filter((s) => !isRejected(s, [record])) })
  }

  /** An entity was put (`isNew`: the model had not seen it) or removed. */
  onEntity(entity: Entity | null, isNew: boolean): void {
    if (!this.list || this.list.status !== 'done') return
    if (!entity || !isNew) {
      this.stale = true
      return
    }
    const ctx = this.context()
    if (!ctx.text || ctx.documentId !== this.list.documentId) return
    const entities = [...ctx.entities]
    // The new name's occurrences, as the services' alias finder reads them, minus what is handled.
    const found = withoutHandled(findAliasMentions(ctx.text, [entity]), ctx.annotations, [])
    const aliases = longestNonOverlapping([...this.list.items.filter((s) => s.source === 'alias'), ...found])
    const others = this.list.items
      .filter((s) => s.source !== 'alias' && !aliases.some((a) => overlaps(a, s)))
      .map((s) => {
        if (s.entityId || s.source !== 'nlp') return s
        const known = findByName(entities, s.exact, s.type)
        return known.length === 1 ? { ...s, entityId: known[0].id } : s
      })
    const items = [...aliases, ...others].sort((a, b) => a.start - b.start || b.end - a.end)
    this.set({ ...this.list, items })
  }

  private set(list: SuggestionList): void {
    this.list = list
    this.changed()
  }
}

/**
 * Typed, memoised selections over the model: each is recomputed only when a slice it reads has
 * moved (the model's per-slice version counters), so a view that renders often pays nothing for
 * asking again, and a Lit property bound to a selection only changes when its content did.
 */
import type { Methods } from '../../shared/api'
import type { CitationSummary } from '../../shared/api/citations'
import type { ArgsOf, ResultOf } from '../../shared/api/define'
import type { EntitySummary } from '../../shared/api/entities'
import { vocabulary } from '../../shared/entities/predicates'
import { type EntityMatch, searchEntities } from '../../shared/entities/type-ahead'
import type { Annotation, DocumentRecord, EntityType, Predicate } from '../../shared/model'
import { ENTITY_TYPES } from '../../shared/model'
import { colourForAnnotation, resolveTagColours } from '../lib/colours'
import type { ProjectModel, Slice } from './project-model'

/** What a highlight's colour depends on, as one value (a new object when any of it changed). */
export interface Palette {
  tagColours: ReadonlyMap<string, string>
  entityTypes: ReadonlyMap<string, EntityType>
  colourOf(a: Annotation): string
}

export class Selections {
  private readonly memos = new Map<string, { stamp: string; value: unknown }>()
  /** Tag names used by loaded annotations that the tag list may not have (older or imported projects). */
  private readonly usedTags = new Set<string>()
  private refreshing = new Set<string>()
  private predicatesLoaded = false

  constructor(private readonly m: ProjectModel) {}

  private memo<T>(key: string, slices: Slice[], compute: () => T): T {
    const stamp = slices.map((s) => this.m.versions.get(s) ?? 0).join('.')
    const hit = this.memos.get(key)
    if (hit && hit.stamp === stamp) return hit.value as T
    const value = compute()
    this.memos.set(key, { stamp, value })
    return value
  }

  /** Documents in import order. */
  documentList(): DocumentRecord[] {
    return this.memo('documents', ['documents'], () => [...this.m.documents.values()])
  }

  /** Entities by type, then label, with mention counts (re-read first when a change elsewhere made them stale). */
  entityList(): EntitySummary[] {
    if (this.m.counts.entitiesStale) this.refresh('entities', () => this.recount('listEntities', (list) => this.m.setEntities(list), 'entitiesStale'))
    const order = (t: EntityType) => ENTITY_TYPES.indexOf(t)
    return this.memo('entities', ['entities'], () =>
      [...this.m.entities.values()].sort((a, b) => order(a.type) - order(b.type) || a.label.localeCompare(b.label))
    )
  }

  /** The bibliography, by label, with how many passages cite each item. */
  citationList(): CitationSummary[] {
    if (this.m.counts.citationsStale) this.refresh('citations', () => this.recount('listCitations', (list) => this.m.setCitations(list), 'citationsStale'))
    return this.memo('citations', ['citations'], () => [...this.m.citations.values()].sort((a, b) => a.label.localeCompare(b.label)))
  }

  /** Ids of the items at least one passage cites (what the works cited list formats). */
  citedIds(): string[] {
    return [...this.m.citations.values()].filter((c) => c.citedBy > 0).map((c) => c.id)
  }

  /** Highlight colours: tags' and entity types'. */
  palette(): Palette {
    return this.memo('palette', ['palette'], () => {
      const tagColours = resolveTagColours(this.m.tags.values(), this.usedTags)
      const entityTypes = new Map([...this.m.entities.values()].map((e) => [e.id, e.type]))
      return { tagColours, entityTypes, colourOf: (a: Annotation) => colourForAnnotation(a, tagColours, entityTypes) }
    })
  }

  /** Tag names in use or defined, sorted, for suggestions. */
  tagNames(): string[] {
    return this.memo('tagNames', ['palette'], () => [...this.palette().tagColours.keys()].sort((a, b) => a.localeCompare(b)))
  }

  /** The relation vocabulary: built-in predicates, then the project's own. */
  predicates(): Predicate[] {
    if (!this.predicatesLoaded) {
      this.predicatesLoaded = true
      this.refresh('predicates', async () => {
        for (const p of await this.m.read('listPredicates', {})) if (!p.builtin) this.m.predicates.set(p.id, p)
      }, 'predicates')
    }
    return this.memo('predicates', ['predicates'], () => vocabulary(Object.fromEntries(this.m.predicates)))
  }

  /** Type-ahead over entity labels and aliases (accent- and case-insensitive), answered here without a call. */
  searchEntities(query: string, limit = 12): EntityMatch[] {
    return searchEntities(this.m.entities.values(), query, { limit })
  }

  /** Records tag names used by annotations (so a tag without a stored colour still gets one). */
  noteTags(annotations: readonly Annotation[]): void {
    let added = false
    for (const a of annotations) {
      for (const t of a.tags) {
        if (!this.m.tags.has(t) && !this.usedTags.has(t)) {
          this.usedTags.add(t)
          added = true
        }
      }
    }
    if (added) this.m.changed('palette')
  }

  /**
   * Reads a list with counts again. When links moved while it was read (an event, a write's
   * result), the read may or may not include them: the list stays stale and is read again when next
   * shown, until a read sees no change meanwhile.
   */
  private async recount<K extends 'listEntities' | 'listCitations'>(method: K, set: (list: ResultOf<Methods[K]>) => void, flag: 'entitiesStale' | 'citationsStale'): Promise<void> {
    const epoch = this.m.counts.epoch
    const list = await this.m.read(method, {} as ArgsOf<Methods[K]>)
    set(list)
    if (this.m.counts.epoch !== epoch) this.m.counts[flag] = true
  }

  /** Re-reads one list once (several renders asking at once share the read). */
  private refresh(key: string, load: () => Promise<void>, slice: Slice = key as Slice): void {
    if (this.refreshing.has(key)) return
    this.refreshing.add(key)
    void load()
      .catch((err) => this.m.notify('error', `Could not read the ${key}: ${(err as Error).message}`))
      .finally(() => {
        this.refreshing.delete(key)
        this.m.changed(slice)
      })
  }
}

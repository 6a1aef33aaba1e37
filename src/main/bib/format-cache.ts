/**
 * Formatted bibliography entries and notes, kept per item (or per group of items that depend on
 * each other) and style, so a bibliography is formatted incrementally: only items new to the
 * cache, or changed since (the key is the item's bibliographic data, so an edit is a miss), go to
 * citeproc, in chunks, each a separate job of the worker queue (./csl-worker-client.ts) so the
 * open document's notes pass in between. A document's notes are kept per style and cite sequence.
 * One cache per open project (formatCacheOf); bounded, least recently used dropped first.
 */
import type { FormattedEntry as EntryOut, FormattedNote } from '../../shared/api/citations'
import type { CallContext } from '../../shared/api/define'
import { formattingGroups, itemFingerprint, sortForStyle } from '../../shared/citations/bibliography-order'
import type { CitationStyle, CslItem } from '../../shared/model'
import { CSL_LOCALE } from './csl-style-check'
import { formatBibliographyInWorker } from './csl-worker-client'

/** Items per worker job: a few hundred ms of citeproc work, the longest a note may wait behind one. */
export const CHUNK_ITEMS = 4
/** Entries kept (a Miletus-sized library in two styles fits). */
const MAX_ENTRIES = 10_000
/** Documents' note lists kept. */
const MAX_NOTE_LISTS = 50

type Entry = Omit<EntryOut, 'citationId'>

/** An item to format, with the citation id its entry is given under. */
export interface ItemToFormat {
  citationId: string
  item: CslItem
}

class Lru<V> {
  private readonly map = new Map<string, V>()
  constructor(private readonly limit: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key)
    if (v !== undefined) {
      this.map.delete(key)
      this.map.set(key, v)
    }
    return v
  }
  set(key: string, value: V): void {
    this.map.delete(key)
    this.map.set(key, value)
    for (const k of this.map.keys()) {
      if (this.map.size <= this.limit) break
      this.map.delete(k)
    }
  }
}

export class FormatCache {
  private readonly entries = new Lru<Entry>(MAX_ENTRIES)
  private readonly notes = new Lru<{ sequence: string; notes: FormattedNote[] }>(MAX_NOTE_LISTS)
  /** Items sent to citeproc since the cache was made (tests count them). */
  formattedItems = 0

  /**
   * Bibliography entries of `items` in `style`, in the style's order. Items already formatted (same
   * data, same style, same group) come from the cache.
   */
  async bibliography(appRoot: string, style: CitationStyle, items: readonly ItemToFormat[], call: CallContext = {}): Promise<EntryOut[]> {
    const { signal, progress } = call
    const out: (EntryOut & { item: CslItem })[] = []
    const total = items.length
    const todo: { key: string; members: ItemToFormat[] }[] = []
    for (const group of formattingGroups(items)) {
      // A group's entries depend on each other: the key of each entry names every member.
      const groupKey = group.length > 1 ? group.map((x) => itemFingerprint(x.item)).sort().join('\u0001') : ''
      const keyOf = (x: ItemToFormat) => `${style}\u0000${itemFingerprint(x.item)}\u0000${groupKey}`
      const cached = group.map((x) => this.entries.get(keyOf(x)))
      if (cached.every((e) => e)) group.forEach((x, i) => out.push({ citationId: x.citationId, item: x.item, ...cached[i]! }))
      else todo.push({ key: groupKey, members: group })
    }
    // Chunks of whole groups, each a job of its own.
    let chunk: ItemToFormat[] = []
    const flush = async () => {
      if (chunk.length === 0) return
      signal?.throwIfAborted()
      const sent = chunk
      chunk = []
      const items = sent.map((x) => ({ ...x.item, id: x.citationId }))
      this.formattedItems += items.length
      progress?.(out.length, total, 'formatting')
      const formatted = await formatBibliographyInWorker(appRoot, items, style, CSL_LOCALE)
      const byId = new Map(formatted.map((e) => [e.id, e]))
      for (const group of todo.filter((g) => g.members.some((m) => sent.includes(m)))) {
        for (const x of group.members) {
          const e = byId.get(x.citationId)
          if (!e) continue
          const entry = { html: e.html, text: e.text }
          this.entries.set(`${style}\u0000${itemFingerprint(x.item)}\u0000${group.key}`, entry)
          out.push({ citationId: x.citationId, item: x.item, ...entry })
        }
      }
    }
    for (const group of todo) {
      if (chunk.length > 0 && chunk.length + group.members.length > CHUNK_ITEMS) await flush()
      chunk.push(...group.members)
    }
    await flush()
    progress?.(total, total)
    return sortForStyle(out, style).map(({ citationId, html, text }) => ({ citationId, html, text }))
  }

  /** A document's notes in `style`, formatted by `make` unless the same cite sequence was formatted before. */
  async documentNotes(documentId: string, style: CitationStyle, sequence: string, make: () => Promise<FormattedNote[]>): Promise<FormattedNote[]> {
    const key = `${style}\u0000${documentId}`
    const hit = this.notes.get(key)
    if (hit && hit.sequence === sequence) return hit.notes
    const notes = await make()
    this.notes.set(key, { sequence, notes })
    return notes
  }
}

const caches = new WeakMap<object, FormatCache>()

/** The cache of an open project (one per service context, so per session). */
export function formatCacheOf(owner: object): FormatCache {
  let cache = caches.get(owner)
  if (!cache) caches.set(owner, (cache = new FormatCache()))
  return cache
}

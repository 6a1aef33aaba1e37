/**
 * De-duplication of incoming bibliography items against the project and against each other.
 * Two items are the same work when they share a DOI, or the same normalised title + year +
 * first author (see dedupKeys). A shared DOI counts only when the titles agree too: real exports
 * (e.g. the Miletus bibliography) give every article of a journal issue the DOI. A duplicate is merged: the kept item gains the fields it lacked,
 * never loses or changes one it had.
 */
import type { Citation, CslItem } from '../model'
import { dedupKeys, fillMissing, normaliseForKey } from './csl-item'

/** An item read from a bibliography file, with where it came from. */
export interface IncomingItem {
  item: CslItem
  /** 1-based line of the entry in the (line-end normalised) file. */
  line: number
  /** The entry's key in the file (BibTeX key, RIS ID, CSL id), '' when it had none. */
  key: string
}

export interface MergeRecord {
  line: number
  key: string
  /** Id of the project citation it was merged into, or the key of the earlier entry of the same file. */
  into: string
  /** The dedup key both share, e.g. `doi:10.2307/1291445` or `tya:title|1977|zachariadou`. */
  by: string
  /** Fields the kept item gained from this one. */
  added: string[]
}

export interface MergePlan {
  /** New items to create, in file order. */
  create: IncomingItem[]
  /** Existing citations that gained fields: id → merged item. */
  update: Map<string, CslItem>
  merged: MergeRecord[]
}

/**
 * Plans an import: which incoming items are new, which merge into an existing citation or into
 * an earlier entry of the same file. Pure; O(n) in existing + incoming items.
 */
export function planMerge(existing: Iterable<Citation>, incoming: IncomingItem[]): MergePlan {
  type Target = { kind: 'existing'; id: string; item: CslItem } | { kind: 'new'; entry: IncomingItem }
  const byKey = new Map<string, Target>()
  for (const c of existing) {
    const t: Target = { kind: 'existing', id: c.id, item: c.item }
    for (const k of dedupKeys(c.item)) if (!byKey.has(k)) byKey.set(k, t)
  }
  const plan: MergePlan = { create: [], update: new Map(), merged: [] }
  for (const entry of incoming) {
    const keys = dedupKeys(entry.item)
    const hitKey = keys.find((k) => {
      const t = byKey.get(k)
      if (t === undefined) return false
      const kept = t.kind === 'existing' ? t.item : t.entry.item
      return fieldCompatible(kept, entry.item, 'container-title') && (!k.startsWith('doi:') || fieldCompatible(kept, entry.item, 'title'))
    })
    if (!hitKey) {
      const copy: IncomingItem = { ...entry, item: { ...entry.item } }
      plan.create.push(copy)
      const t: Target = { kind: 'new', entry: copy }
      for (const k of keys) byKey.set(k, t)
      continue
    }
    const target = byKey.get(hitKey)!
    if (target.kind === 'existing') {
      const { item, added } = fillMissing(plan.update.get(target.id) ?? target.item, entry.item)
      if (added.length) plan.update.set(target.id, item)
      plan.merged.push({ line: entry.line, key: entry.key, into: target.id, by: hitKey, added })
    } else {
      const { item, added } = fillMissing(target.entry.item, entry.item)
      target.entry.item = item
      plan.merged.push({ line: entry.line, key: entry.key, into: target.entry.key || `line ${target.entry.line}`, by: hitKey, added })
    }
    // The merged item may bring a key the kept one lacked (e.g. a DOI): remember it too.
    for (const k of keys) if (!byKey.has(k)) byKey.set(k, target)
  }
  return plan
}

/** True when one item lacks `field` or both values normalise to the same words. */
function fieldCompatible(a: CslItem, b: CslItem, field: 'title' | 'container-title'): boolean {
  const va = typeof a[field] === 'string' ? normaliseForKey(a[field]) : ''
  const vb = typeof b[field] === 'string' ? normaliseForKey(b[field]) : ''
  return !va || !vb || va === vb
}

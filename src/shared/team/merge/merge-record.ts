/**
 * Field-by-field three-way merge of one record. A field changed on one side only takes that side's
 * value; changed identically on both, that value; changed differently, it is a conflicting field.
 * Some fields merge by meaning instead of as whole values:
 * - lists of names and ids (tags, entityIds, aliases, categories) merge as sets: what either side
 *   added is added, what either side removed is removed;
 * - an annotation's citation links merge per cited work (`citationId`), each link field by field;
 * - `modified` takes the later timestamp and never conflicts; `modifiedBy` (who changed it last)
 *   goes with it: the person of the side changed later (ours on a tie).
 */
import { sameJson } from '../stable-json'

const SET_FIELDS = new Set(['tags', 'entityIds', 'aliases', 'categories'])
const LATEST_FIELDS = new Set(['modified'])

export interface RecordMerge<T> {
  value: T
  /** Dotted names of the fields that changed differently (`note`, `citations.cit_1.locator`). */
  conflicts: string[]
}

function mergeSet(base: unknown[] | undefined, ours: unknown[], theirs: unknown[]): unknown[] {
  const b = new Set((base ?? []).map((x) => JSON.stringify(x)))
  const o = new Set(ours.map((x) => JSON.stringify(x)))
  const t = new Set(theirs.map((x) => JSON.stringify(x)))
  const out: unknown[] = []
  const seen = new Set<string>()
  for (const x of [...ours, ...theirs]) {
    const k = JSON.stringify(x)
    if (seen.has(k)) continue
    seen.add(k)
    const removed = b.has(k) && (!o.has(k) || !t.has(k))
    if (!removed) out.push(x)
  }
  return out
}

type Keyed = { citationId: string }

function mergeKeyed(base: Keyed[] | undefined, ours: Keyed[], theirs: Keyed[], path: string, conflicts: string[]): Keyed[] {
  const by = (xs: Keyed[] | undefined) => new Map((xs ?? []).map((x) => [x.citationId, x]))
  const b = by(base)
  const o = by(ours)
  const t = by(theirs)
  const out: Keyed[] = []
  for (const key of new Set([...o.keys(), ...t.keys()])) {
    const [bx, ox, tx] = [b.get(key), o.get(key), t.get(key)]
    if (ox && tx) out.push(mergeFields(bx, ox, tx, `${path}.${key}`, conflicts))
    else {
      const present = (ox ?? tx)!
      const removedOther = bx !== undefined
      if (!removedOther) out.push(present) // added on one side
      else if (!sameJson(present, bx)) {
        conflicts.push(`${path}.${key}`) // removed on one side, changed on the other: keep it
        out.push(present)
      }
    }
  }
  return out
}

function mergeFields<T>(base: T | undefined, ours: T, theirs: T, path: string, conflicts: string[]): T {
  const b = (base ?? {}) as Record<string, unknown>
  const o = ours as Record<string, unknown>
  const t = theirs as Record<string, unknown>
  const entries: [string, unknown][] = []
  for (const key of new Set([...Object.keys(o), ...Object.keys(t)])) {
    const name = path ? `${path}.${key}` : key
    const [bv, ov, tv] = [b[key], o[key], t[key]]
    let value: unknown
    if (key === 'modifiedBy' && !path) value = String(t.modified ?? '') > String(o.modified ?? '') ? tv : ov
    else if (sameJson(ov, tv)) value = ov
    else if (sameJson(ov, bv)) value = tv
    else if (sameJson(tv, bv)) value = ov
    else if (LATEST_FIELDS.has(key) && typeof ov === 'string' && typeof tv === 'string') value = ov > tv ? ov : tv
    else if (SET_FIELDS.has(key) && Array.isArray(ov) && Array.isArray(tv)) value = mergeSet(bv as unknown[] | undefined, ov, tv)
    else if (key === 'citations' && Array.isArray(ov) && Array.isArray(tv)) value = mergeKeyed(bv as Keyed[] | undefined, ov as Keyed[], tv as Keyed[], name, conflicts)
    else if (isPlainObject(ov) && isPlainObject(tv) && (bv === undefined || isPlainObject(bv))) value = mergeFields(bv, ov, tv, name, conflicts)
    else {
      conflicts.push(name)
      value = ov // ours is kept until the conflict is resolved; theirs stays in the conflict
    }
    if (value !== undefined) entries.push([key, value])
  }
  return Object.fromEntries(entries) as T
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Merges one record present on both sides; `base` is absent when both sides created it. */
export function mergeRecord<T>(base: T | undefined, ours: T, theirs: T): RecordMerge<T> {
  const conflicts: string[] = []
  const value = mergeFields(base, ours, theirs, '', conflicts)
  return { value, conflicts }
}

/**
 * The annotations of one document, kept in document order (start, then end, then creation) and
 * updated one record at a time: inserting or removing one annotation is a binary search plus one
 * array splice, never a re-sort or a re-read. Interval queries ("what overlaps this paragraph")
 * look at the annotations starting at most LONG code points before the range (binary search) plus
 * the few longer ones kept apart, so painting one visible block costs what that block holds.
 * All offsets are code points of the document's normalised text, end exclusive.
 */
import { type Annotation, byDocumentOrder } from '../../shared/model'

/** Annotations longer than this (code points) are kept in a short side list for interval queries. */
const LONG = 2000
/** Spans of changes remembered for `dirtySince`; older callers repaint everything. */
const LOG_SIZE = 512


/** A span of the text whose painting changed; code points. */
export interface DirtySpan {
  start: number
  end: number
}

export class AnnotationIndex {
  private readonly byId = new Map<string, Annotation>()
  /** Every annotation, in document order. */
  private readonly ordered: Annotation[] = []
  /** Annotations longer than LONG, in no particular order. */
  private readonly long = new Set<Annotation>()
  private log: { version: number; span: DirtySpan }[] = []
  /** Increases with every change; views compare it to know they are out of date. */
  version = 0

  constructor(readonly documentId: string, annotations: readonly Annotation[] = []) {
    this.ordered = [...annotations].sort(byDocumentOrder)
    for (const a of this.ordered) this.index(a)
  }

  get size(): number {
    return this.ordered.length
  }

  /** Every annotation in document order (read-only; it changes in place with the index). */
  get all(): readonly Annotation[] {
    return this.ordered
  }

  get(id: string): Annotation | undefined {
    return this.byId.get(id)
  }

  /**
   * Annotations overlapping [start, end), in document order. A point query (start === end) gives
   * the annotations containing that position, ends included (what lies under the pointer).
   */
  overlapping(start: number, end: number): Annotation[] {
    const point = start === end
    const hits = (a: Annotation) => (point ? a.target.start <= start && a.target.end >= start : a.target.start < end && a.target.end > start)
    const out: Annotation[] = []
    for (let i = this.firstStartingAt(start - LONG); i < this.ordered.length; i++) {
      const a = this.ordered[i]
      if (a.target.start > end || (!point && a.target.start === end)) break
      if (hits(a)) out.push(a)
    }
    let added = false
    for (const a of this.long) {
      if (a.target.start >= start - LONG || !hits(a)) continue // the scan above saw the others
      out.push(a)
      added = true
    }
    return added ? out.sort(byDocumentOrder) : out
  }

  /**
   * Puts `a` (new or changed). Returns the version it replaced, if any.
   * The spans of both versions are logged for `dirtySince`.
   */
  upsert(a: Annotation): Annotation | undefined {
    const old = this.byId.get(a.id)
    if (old) this.detach(old)
    this.ordered.splice(this.insertionPoint(a), 0, a)
    this.index(a)
    this.touch(old ? [old, a] : [a])
    return old
  }

  /** Removes an annotation; returns it, or undefined when it was not here. */
  remove(id: string): Annotation | undefined {
    const old = this.byId.get(id)
    if (!old) return undefined
    this.detach(old)
    this.touch([old])
    return old
  }

  /**
   * The spans whose painting changed since `version` (merged per change, not sorted), or
   * 'all' when that is too far back to know.
   */
  dirtySince(version: number): DirtySpan[] | 'all' {
    if (version === this.version) return []
    const first = this.log[0]
    if (!first || first.version > version + 1) return 'all'
    return this.log.filter((e) => e.version > version).map((e) => e.span)
  }

  private index(a: Annotation): void {
    this.byId.set(a.id, a)
    if (a.target.end - a.target.start > LONG) this.long.add(a)
  }

  private detach(old: Annotation): void {
    this.byId.delete(old.id)
    this.long.delete(old)
    // Document order is total (ties broken by id), so the binary search lands on `old` itself.
    const at = this.insertionPoint(old)
    this.ordered.splice(this.ordered[at] === old ? at : this.ordered.indexOf(old), 1)
  }

  private touch(versions: Annotation[]): void {
    this.version++
    const start = Math.min(...versions.map((v) => v.target.start))
    const end = Math.max(...versions.map((v) => v.target.end))
    this.log.push({ version: this.version, span: { start, end } })
    if (this.log.length > LOG_SIZE) this.log = this.log.slice(-LOG_SIZE / 2)
  }

  /** Index of the first annotation whose start is ≥ `cp` (binary search). */
  private firstStartingAt(cp: number): number {
    let lo = 0
    let hi = this.ordered.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.ordered[mid].target.start < cp) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** Where `a` goes in document order (binary search). */
  private insertionPoint(a: Annotation): number {
    let lo = 0
    let hi = this.ordered.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (byDocumentOrder(this.ordered[mid], a) < 0) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

/**
 * The search index of every document, built when first searched and kept for the session, keyed
 * by the SHA-256 of the text: a re-imported document (a new text) gets a new index, undoing the
 * re-import finds the old one again, and a deleted document is no longer searched. Freshness is
 * checked on every call against the store's current text, so no change event is needed.
 * Builds run in batches that yield to the event loop, report progress and stop on cancel.
 *
 * Not persisted: stored as JSON (word table as base64, MiniSearch's toJSON), Gibbon vol. 2 takes
 * 7 MB for 2 MB of text and restoring it took 0.14–0.52 × a build on this machine (three runs),
 * so a file would save about a second per volume per session for a second cache on disk. The
 * text-hash key would make one safe to add; measured in bench/search.ts, see docs/corpus.md.
 */
import { createHash } from 'node:crypto'
import type { CallContext } from '../../shared/api/define'
import { DocumentSearchIndex } from '../../shared/search/document-index'
import { MarginaliaError } from '../../shared/result'
import type { CodePointIndex } from '../../shared/text/code-points'
import type { ProjectStore } from '../store/types'
import { runSteps } from './run-steps'

export interface LoadedDocument {
  index: DocumentSearchIndex
  text: CodePointIndex
}

/** Indexes kept for texts no document has any more (an undo may bring them back). */
const STALE_KEPT = 4

export class SearchIndexCache {
  /** Document id → the text last indexed for it and that text's hash. */
  private readonly current = new Map<string, { text: string; hash: string }>()
  private readonly byHash = new Map<string, DocumentSearchIndex>()
  private readonly building = new Map<string, Promise<DocumentSearchIndex>>()

  constructor(private readonly store: ProjectStore) {}

  /** True when the document's current text has an index in memory. */
  async isIndexed(documentId: string): Promise<boolean> {
    const text = await this.store.readText(documentId)
    const known = this.current.get(documentId)
    return known !== undefined && known.text === text && this.byHash.has(known.hash)
  }

  /** The index and text of a document, building the index if its text has none yet. */
  async load(documentId: string, call: CallContext = {}): Promise<LoadedDocument> {
    if (!this.store.data.documents[documentId]) throw new MarginaliaError('not-found', `no document with id ${documentId}`)
    const text = await this.store.textIndex(documentId)
    let known = this.current.get(documentId)
    if (!known || known.text !== text.text) {
      known = { text: text.text, hash: createHash('sha256').update(text.text).digest('hex') }
      this.current.set(documentId, known)
    }
    const ready = this.byHash.get(known.hash)
    if (ready) return { index: ready, text }
    let pending = this.building.get(known.hash)
    if (!pending) {
      const hash = known.hash
      pending = this.build(text.text, call).then(
        (index) => {
          this.byHash.set(hash, index)
          this.forgetStale()
          return index
        }
      ).finally(() => this.building.delete(hash))
      this.building.set(hash, pending)
    }
    return { index: await pending, text }
  }

  /** Forgets documents that were deleted and indexes of texts no document has (beyond a few). */
  private forgetStale(): void {
    for (const id of this.current.keys()) if (!this.store.data.documents[id]) this.current.delete(id)
    const live = new Set([...this.current.values()].map((k) => k.hash))
    const stale = [...this.byHash.keys()].filter((h) => !live.has(h))
    for (const h of stale.slice(0, Math.max(0, stale.length - STALE_KEPT))) this.byHash.delete(h)
  }

  /** Number of indexes in memory (for tests and diagnostics). */
  get size(): number {
    return this.byHash.size
  }

  private build(text: string, call: CallContext): Promise<DocumentSearchIndex> {
    return runSteps(DocumentSearchIndex.buildSteps(text), call, 'Indexing for search')
  }
}

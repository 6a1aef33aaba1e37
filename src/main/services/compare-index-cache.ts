/**
 * Search indexes of source documents, built once and kept: in memory for the session and on disk
 * at `<project>/index/<documentId>.json`. A stored index is used only if its version and the
 * fingerprint of the text match (otherwise it is rebuilt and rewritten). Builds run in batches
 * that yield to the event loop, report progress and stop when the caller cancels.
 */
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { CallContext } from '../../shared/api/define'
import { buildSourceIndexSteps, isCurrentIndex, type SourceIndex } from '../../shared/compare/source-index'
import { MarginaliaError } from '../../shared/result'
import { CodePointIndex } from '../../shared/text/code-points'
import { writeFileAtomic } from '../store/atomic-write'
import type { ProjectStore } from '../store/types'

export interface LoadedSource {
  index: SourceIndex
  text: CodePointIndex
  /** True when the index came from memory or disk. */
  cached: boolean
}

/** Folder of the stored indexes inside the project. */
export const INDEX_FOLDER = 'index'

export class SourceIndexCache {
  private readonly memory = new Map<string, SourceIndex>()
  /** Builds in progress, so two callers share one build. */
  private readonly building = new Map<string, Promise<SourceIndex>>()

  constructor(private readonly store: ProjectStore) {}

  private file(documentId: string): string {
    if (!/^[\w-]+$/.test(documentId)) throw new MarginaliaError('invalid-argument', `not a document id: ${documentId}`)
    return join(this.store.dir, INDEX_FOLDER, `${documentId}.json`)
  }

  /** The index and text of a source document, building the index if needed. */
  async load(documentId: string, call: CallContext = {}): Promise<LoadedSource> {
    if (!this.store.data.documents[documentId]) throw new MarginaliaError('not-found', `no document with id ${documentId}`)
    const raw = await this.store.readText(documentId)
    const text = new CodePointIndex(raw)
    const mem = this.memory.get(documentId)
    if (mem && isCurrentIndex(mem, raw)) return { index: mem, text, cached: true }
    const stored = await readFile(this.file(documentId), 'utf8').then((s) => JSON.parse(s) as unknown, () => undefined)
    if (isCurrentIndex(stored, raw)) {
      this.memory.set(documentId, stored)
      return { index: stored, text, cached: true }
    }
    let pending = this.building.get(documentId)
    if (!pending) {
      pending = this.build(documentId, raw, call).finally(() => this.building.delete(documentId))
      this.building.set(documentId, pending)
    }
    return { index: await pending, text, cached: false }
  }

  private async build(documentId: string, raw: string, call: CallContext): Promise<SourceIndex> {
    // Note blocks (from structured imports) weigh less in the ranking, like plain-text footnotes.
    const notes = (this.store.data.documents[documentId]?.structure ?? []).filter((b) => b.kind === 'note')
    const steps = buildSourceIndexSteps(raw, notes)
    let step = steps.next()
    while (!step.done) {
      if (call.signal?.aborted) throw new MarginaliaError('cancelled', 'Indexing of the source was cancelled')
      call.progress?.(step.value[0], step.value[1], 'Indexing source sentences')
      // Let other requests (and a cancel) through between batches.
      await new Promise((ok) => setImmediate(ok))
      step = steps.next()
    }
    const index = step.value
    await mkdir(join(this.store.dir, INDEX_FOLDER), { recursive: true })
    await writeFileAtomic(this.file(documentId), JSON.stringify(index))
    this.memory.set(documentId, index)
    return index
  }
}

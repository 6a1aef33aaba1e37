/**
 * A fake project model for component tests: the parts of ProjectModel that views use, over
 * in-memory data, recording every write and job. Views get it by the same Lit context the app
 * provides, so a view is rendered alone, without services.
 */
import type { CitationSummary } from '../../../src/shared/api/citations'
import type { EntitySummary } from '../../../src/shared/api/entities'
import type { Annotation, DocumentRecord, DocumentWithText } from '../../../src/shared/model'
import { searchEntities } from '../../../src/shared/entities/type-ahead'
import { colourForAnnotation } from '../../../src/renderer/lib/colours'
import type { Palette } from '../../../src/renderer/model/selections'
import type { JobOptions } from '../../../src/renderer/model/job-runner'

export interface Call {
  method: string
  args: unknown
}

/** Canned answers: a write's result by method name (a function of its arguments), a job's result, a comparison. */
export interface FakeAnswers {
  results?: Record<string, (args: any) => unknown>
  jobs?: Record<string, { result: unknown; steps?: number }>
  comparison?: unknown
  texts?: Record<string, DocumentWithText>
}

export class FakeModel {
  readonly calls: Call[] = []
  readonly entities = new Map<string, EntitySummary>()
  readonly citations = new Map<string, CitationSummary>()
  readonly documents = new Map<string, DocumentRecord>()
  private readonly listeners = new Set<(s: ReadonlySet<string>) => void>()

  constructor(readonly answers: FakeAnswers = {}) {}

  /** Cached reads, all empty unless a test fills `readValues` (by kind, then key). */
  readonly readValues: Record<string, Record<string, unknown>> = {}
  readonly reads = new Proxy({} as Record<string, unknown>, {
    get: (_t, kind: string) => ({ of: (key: string) => ({ get: () => ({ value: this.readValues[kind]?.[key] ?? [], loading: false, error: undefined }) }) })
  })

  readonly selections = {
    predicates: () => [],
    searchEntities: (query: string, limit = 12) => searchEntities(this.entities.values(), query, { limit }),
    entityList: () => [...this.entities.values()],
    citationList: () => [...this.citations.values()].sort((a, b) => a.label.localeCompare(b.label)),
    documentList: () => [...this.documents.values()],
    palette: (): Palette => ({ tagColours: new Map(), entityTypes: new Map(), colourOf: (a: Annotation) => colourForAnnotation(a, new Map()) })
  }

  subscribe(listener: (s: ReadonlySet<string>) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Tells subscribed views that slices changed (as the real model does after applying an edit). */
  changed(...slices: string[]): void {
    for (const l of this.listeners) l(new Set(slices))
  }

  async mutate(method: string, args: unknown): Promise<unknown> {
    this.calls.push({ method, args })
    const answer = this.answers.results?.[method]
    if (!answer) throw Object.assign(new Error(`no canned result for ${method}`), { code: 'internal' })
    return answer(args)
  }

  async runJob(method: string, args: unknown, opts: JobOptions = {}): Promise<unknown> {
    this.calls.push({ method: `job:${method}`, args })
    const job = this.answers.jobs?.[method]
    if (!job) throw Object.assign(new Error(`no canned job for ${method}`), { code: 'internal' })
    const steps = job.steps ?? 1
    for (let i = 1; i <= steps; i++) {
      await new Promise((r) => setTimeout(r, 30))
      if (opts.signal?.aborted) throw Object.assign(new Error(`${method} was cancelled`), { code: 'cancelled' })
      opts.onProgress?.({ done: i, total: steps })
    }
    return job.result
  }

  async compare(args: unknown): Promise<unknown> {
    this.calls.push({ method: 'compareClaim', args })
    return this.answers.comparison
  }

  async checkPassage(args: any): Promise<unknown> {
    this.calls.push({ method: 'checkPassage', args })
    const answer = this.answers.results?.checkPassage
    if (!answer) throw Object.assign(new Error('no canned result for checkPassage'), { code: 'internal' })
    return answer(args)
  }

  async documentText(id: string): Promise<DocumentWithText> {
    const doc = this.answers.texts?.[id]
    if (!doc) throw new Error(`no text for ${id}`)
    return doc
  }
}

/**
 * An open project and the API over it: the one dispatcher every transport (IPC, HTTP, CLI) calls.
 * It validates arguments with the method's zod schema (callers are untrusted), calls the handler,
 * turns thrown errors into `{ ok: false, error }`, and turns each store change (sent only once the
 * edit is durable, or when it was rolled back) into a ChangeEvent for every window.
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { ZodError } from 'zod'
import { type ChangeEvent, type MarginaliaApi, type MarginaliaHandlers, METHOD_NAMES, methods } from '../../shared/api'
import type { CallContext } from '../../shared/api/define'
import type { Person } from '../../shared/model'
import { MarginaliaError, type Result } from '../../shared/result'
import type { StoreChange } from '../store/types'
import { FileProjectStore, type OpenOptions } from '../store/project-store'
import { createAnnotationHandlers } from './annotations-service'
import { createAnnotationBatchHandlers } from './annotation-batch'
import { createCitationsHandlers } from './citations-service'
import { createCompareHandlers } from './compare-service'
import { createCorpusHandlers } from './corpus-service'
import type { ServiceContext } from './context'
import { defaultAuthor } from './author-config'
import { createServiceContext } from './create-context'
import { createDocumentHandlers } from './documents-service'
import { createEntitiesHandlers } from './entities-service'
import { ExportFolders } from './export-folders'
import { createExportsHandlers } from './exports-service'
import { createJobHandlers } from './jobs-service'
import { createTeamHandlers } from './team-service'
import { createSearchHandlers } from './search-service'
import { createStoreHandlers } from './store-service'
import { createW3cHandlers } from './w3c-service'
import { createLoneProjectHandlers } from '../projects/lone-project-handlers'

/**
 * The folder holding what the app ships (documents/, resources/): the nearest folder above this
 * module that has both, so it is right from the sources (src/main/services) and from a bundle (out/main).
 */
function findAppRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'documents')) && existsSync(join(dir, 'resources'))) return dir
  }
  return from
}

export const DEFAULT_APP_ROOT = findAppRoot(__dirname)

/**
 * Edits touching more records than this send `reload: true` and no records (an import, link-all):
 * the renderer re-reads the named collections instead of receiving thousands of records in one event.
 */
export const CHANGE_EVENT_RECORD_LIMIT = 500

function describeZodError(method: string, err: ZodError): string {
  const issue = err.issues[0]
  const where = issue.path.length ? issue.path.join('.') : 'arguments'
  return `${method}: ${where}: ${issue.message}`
}

export class ProjectSession {
  private readonly listeners = new Set<(e: ChangeEvent) => void>()
  private revision = 0
  readonly handlers: MarginaliaHandlers
  /** The typed API over this session, for in-process callers (CLI, tests). */
  readonly api: MarginaliaApi

  private constructor(readonly store: FileProjectStore, readonly ctx: ServiceContext, readonly exportFolders: ExportFolders) {
    this.handlers = {
      ...createDocumentHandlers(ctx),
      ...createAnnotationHandlers(ctx), ...createAnnotationBatchHandlers(ctx),
      ...createEntitiesHandlers(ctx),
      ...createCitationsHandlers(ctx),
      ...createExportsHandlers(ctx, exportFolders),
      ...createCompareHandlers(ctx),
      ...createW3cHandlers(ctx),
      ...createTeamHandlers(ctx, exportFolders),
      ...createSearchHandlers(ctx), ...createCorpusHandlers(ctx),
      ...createStoreHandlers(ctx),
      ...createLoneProjectHandlers(store),
      ...createJobHandlers((m, a, c) => this.call(m, a, c), ctx.newId)
    }
    store.onChange((change) => this.emit(change))
    this.api = Object.fromEntries(METHOD_NAMES.map((name) => [name, (args: unknown) => this.call(name, args)])) as unknown as MarginaliaApi
  }

  /** `exportFolders`: the folders granted for writeExport, shared across the projects a process opens. */
  static async open(dir: string, opts: OpenOptions & { appRoot?: string; author?: Person | string; exportFolders?: ExportFolders } = {}): Promise<ProjectSession> {
    const author = opts.author ?? defaultAuthor() // before the lock: a bad author config leaves nothing open
    const store = await FileProjectStore.open(dir, opts)
    return new ProjectSession(store, createServiceContext(store, opts.appRoot ?? DEFAULT_APP_ROOT, author), opts.exportFolders ?? new ExportFolders())
  }

  /** Calls `method` with untrusted `args`. Never throws. */
  async call(method: string, args: unknown, callCtx: CallContext = {}): Promise<Result<unknown>> {
    if (!Object.prototype.hasOwnProperty.call(methods, method)) {
      return { ok: false, error: { code: 'not-found', message: `unknown operation ${method}` } }
    }
    const spec = methods[method as keyof typeof methods]
    const handler = this.handlers[method as keyof MarginaliaHandlers] as (a: unknown, c: CallContext) => unknown
    try {
      const parsed = spec.args.parse(args ?? {})
      const value = await handler(parsed, callCtx)
      return { ok: true, value: value === undefined ? null : value }
    } catch (err) {
      if (err instanceof ZodError) return { ok: false, error: { code: 'invalid-argument', message: describeZodError(method, err) } }
      if (err instanceof MarginaliaError) return { ok: false, error: { code: err.code, message: err.message } }
      if (callCtx.signal?.aborted) return { ok: false, error: { code: 'cancelled', message: `${method} was cancelled` } }
      return { ok: false, error: { code: 'internal', message: `${method} failed: ${(err as Error)?.message ?? String(err)}` } }
    }
  }

  private emit(change: StoreChange): void {
    const documents = new Set<string>()
    for (const c of change.changes) {
      if (c.collection === 'documents') documents.add(c.id)
      for (const side of [c.before, c.after]) {
        const docId = (side as { documentId?: unknown } | undefined)?.documentId
        if (typeof docId === 'string') documents.add(docId)
      }
    }
    const reload = change.changes.length > CHANGE_EVENT_RECORD_LIMIT
    const event: ChangeEvent = {
      revision: ++this.revision,
      method: change.label,
      kind: change.kind,
      collections: [...new Set(change.changes.map((c) => c.collection))],
      changes: reload ? [] : change.changes.map((c) => ({ collection: c.collection, id: c.id, record: c.after ?? null })),
      documents: [...documents],
      history: change.history,
      ...(reload ? { reload: true } : {}),
      ...(change.error ? { error: change.error } : {})
    }
    for (const l of this.listeners) l(event)
  }

  onChange(listener: (e: ChangeEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  async close(): Promise<void> {
    await this.store.close()
  }
}

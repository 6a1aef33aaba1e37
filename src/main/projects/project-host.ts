/**
 * The project a process serves, and switching it: the desktop window and `serve` each hold one
 * ProjectHost. It answers the project chooser's methods (src/shared/api/projects.ts) itself and
 * passes every other call to the open session. Opening another project takes the new folder's
 * lock first, then swaps, then closes (flushes, unlocks) the old one, so a refused open leaves
 * the open project as it was. Every window hears of a switch as a change event flagged `reload`
 * (the renderer's model reads the project again); event revisions are the host's own, so they
 * keep increasing across projects.
 */
import { homedir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { ZodError } from 'zod'
import type { ChangeEvent } from '../../shared/api'
import type { CallContext } from '../../shared/api/define'
import { type OpenedProject, type ProjectsOverview, projectsMethods } from '../../shared/api/projects'
import { COLLECTION_NAMES } from '../../shared/model'
import { MarginaliaError, type Result } from '../../shared/result'
import { openSampleProject, sampleProjectDir } from '../sample-project'
import type { ExportFolders } from '../services/export-folders'
import { ProjectSession } from '../services/project-session'
import { RecentProjects } from './recent-projects'

export interface ProjectHostOptions {
  /** Marginalia's own data folder (sample project, recent list). */
  dataDir: string
  /** Folder of what the app ships (documents/ for the sample). */
  appRoot: string
  exportFolders: ExportFolders
}

type ProjectMethod = keyof typeof projectsMethods
const isProjectMethod = (m: string): m is ProjectMethod => Object.prototype.hasOwnProperty.call(projectsMethods, m)

/** `~/x` → the home folder's x; anything else resolved as given. */
export function expandFolder(path: string): string {
  return resolve(path.startsWith('~/') ? join(homedir(), path.slice(2)) : path)
}

export class ProjectHost {
  private session_: ProjectSession
  private readonly listeners = new Set<(e: ChangeEvent) => void>()
  private offSession: () => void
  private revision = 0
  private switching: Promise<unknown> = Promise.resolve()
  readonly recent: RecentProjects

  private constructor(first: ProjectSession, private readonly opts: ProjectHostOptions) {
    this.recent = new RecentProjects(opts.dataDir)
    this.session_ = first
    this.offSession = this.forward(first)
  }

  /** Starts on `dir` (without `create`, it must hold a project) or, with no `dir`, on the sample project. */
  static async start(opts: ProjectHostOptions & { dir?: string; create?: boolean }): Promise<ProjectHost> {
    const first = opts.dir
      ? await ProjectSession.open(expandFolder(opts.dir), { create: opts.create ?? false, appRoot: opts.appRoot, exportFolders: opts.exportFolders })
      : await openSampleProject(sampleProjectDir(opts.dataDir), opts.appRoot, opts.exportFolders)
    const host = new ProjectHost(first, opts)
    await host.remember(first)
    return host
  }

  get session(): ProjectSession {
    return this.session_
  }

  get samplePath(): string {
    return sampleProjectDir(this.opts.dataDir)
  }

  /** Calls `method` with untrusted `args` on the host (project chooser) or the open session. Never throws. */
  async call(method: string, args: unknown, ctx: CallContext = {}): Promise<Result<unknown>> {
    if (!isProjectMethod(method)) return this.session_.call(method, args, ctx)
    try {
      const parsed = projectsMethods[method].args.parse(args ?? {}) as { path: string; create?: boolean; name?: string }
      const value = method === 'listProjects' ? await this.overview()
        : method === 'openProject' ? await this.open(parsed.path, parsed)
        : await this.openSample()
      return { ok: true, value }
    } catch (err) {
      if (err instanceof ZodError) return { ok: false, error: { code: 'invalid-argument', message: `${method}: ${err.issues[0]?.message}` } }
      if (err instanceof MarginaliaError) return { ok: false, error: { code: err.code, message: err.message } }
      return { ok: false, error: { code: 'internal', message: `${method} failed: ${(err as Error)?.message ?? String(err)}` } }
    }
  }

  onChange(listener: (e: ChangeEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  async overview(): Promise<ProjectsOverview> {
    const info = this.session_.store.data.project
    return {
      current: { name: info.name, path: this.session_.store.dir },
      recent: await this.recent.list(),
      samplePath: this.samplePath,
      dataDir: this.opts.dataDir,
      canSwitch: true
    }
  }

  /** Opens (with `create`, creates) the project in `path` instead of the open one. */
  open(path: string, opts: { create?: boolean; name?: string } = {}): Promise<OpenedProject> {
    const dir = expandFolder(path)
    return this.serialise(async () => {
      if (dir === this.session_.store.dir) return { name: this.session_.store.data.project.name, path: dir, created: false }
      const existed = await ProjectSession.open(dir, { create: false, appRoot: this.opts.appRoot, exportFolders: this.opts.exportFolders }).then(
        (s) => s,
        (err) => {
          if (opts.create && err instanceof MarginaliaError && err.code === 'not-found') return undefined
          throw err
        }
      )
      const next = existed ?? (await ProjectSession.open(dir, { create: true, name: opts.name ?? basename(dir), appRoot: this.opts.appRoot, exportFolders: this.opts.exportFolders }))
      await this.use(next)
      return { name: next.store.data.project.name, path: next.store.dir, created: !existed }
    })
  }

  openSample(): Promise<OpenedProject> {
    return this.serialise(async () => {
      if (this.samplePath === this.session_.store.dir) return { name: this.session_.store.data.project.name, path: this.samplePath, created: false }
      const next = await openSampleProject(this.samplePath, this.opts.appRoot, this.opts.exportFolders)
      await this.use(next)
      return { name: next.store.data.project.name, path: next.store.dir, created: false }
    })
  }

  async close(): Promise<void> {
    await this.switching.catch(() => undefined)
    this.offSession()
    await this.session_.close()
  }

  private serialise<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.switching.catch(() => undefined).then(fn)
    this.switching = run
    return run
  }

  private async use(next: ProjectSession): Promise<void> {
    const previous = this.session_
    this.offSession()
    this.session_ = next
    this.offSession = this.forward(next)
    await this.remember(next)
    const history = await next.call('getHistory', {})
    this.emit({
      revision: 0, method: `Open project ${next.store.data.project.name}`, kind: 'applied', collections: [...COLLECTION_NAMES],
      changes: [], documents: [], reload: true, history: history.ok ? (history.value as ChangeEvent['history']) : { canUndo: false, canRedo: false }
    })
    await previous.close()
  }

  private async remember(session: ProjectSession): Promise<void> {
    // The recent list is a convenience: a data folder that cannot be written must not stop the open.
    await this.recent.touch(session.store.dir, session.store.data.project.name).catch(() => undefined)
  }

  private forward(session: ProjectSession): () => void {
    return session.onChange((e) => this.emit(e))
  }

  private emit(e: ChangeEvent): void {
    const event = { ...e, revision: ++this.revision }
    for (const l of this.listeners) l(event)
  }
}

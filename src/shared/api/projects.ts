/**
 * Choosing the project a window works on: the recent projects, the sample project and where it
 * lives, opening an existing project folder and creating a new one. The same chooser serves the
 * desktop window (IPC) and the browser (`serve`); both go through the process's project host
 * (src/main/services/project-host.ts), which swaps the open session and tells every window.
 * A lone session (CLI, tests) answers `listProjects` with itself and refuses to switch.
 */
import { z } from 'zod'
import { method } from './define'

/** A project folder the historian opened before, most recent first. */
export interface RecentProject {
  /** Absolute path of the project folder. */
  path: string
  name: string
  /** ISO 8601 time it was last opened. */
  openedAt: string
  /** False when the folder (or its project file) is gone since. */
  exists: boolean
}

export interface ProjectsOverview {
  /** The project open now. */
  current: { name: string; path: string }
  recent: RecentProject[]
  /** Folder of the sample project (created with the sample documents on first open). */
  samplePath: string
  /** Folder holding Marginalia's own data (the sample project, the list of recent projects). */
  dataDir: string
  /** False when this process serves one fixed project (a lone session): open/create are refused. */
  canSwitch: boolean
}

export interface OpenedProject {
  name: string
  path: string
  /** True when the folder did not hold a project and one was created. */
  created: boolean
}

/** An absolute folder path (POSIX `/…`, Windows `C:\…` or `\\server\…`) or one starting with `~/`. */
const folderPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => /^(\/|~\/|[A-Za-z]:[\\/]|\\\\)/.test(p) && !p.includes('\0'), 'give the full path of the folder (starting with / or ~/)')

export const projectsMethods = {
  /** The open project, the recent ones and the sample project's location. */
  listProjects: method<ProjectsOverview>()(z.object({})),
  /**
   * Opens the project in `path` instead of the open one (every window reloads it). Without
   * `create`, a folder that does not exist or holds no project is refused (`not-found`, saying
   * which), so a mistyped path never makes an empty project; with `create`, one is made there.
   * `name` names a created project (the folder's name otherwise).
   */
  openProject: method<OpenedProject>()(z.object({ path: folderPath, create: z.boolean().optional(), name: z.string().min(1).max(200).optional() })),
  /** Opens the sample project (creating it with the sample documents the first time). */
  openSampleProject: method<OpenedProject>()(z.object({}))
}

/**
 * The project chooser's side of the model: the recent projects and where the sample lives (read
 * when the chooser opens, never cached: other windows open projects too), and opening or creating
 * a project. After a switch the model reads the new project at once (the services also send every
 * window a `reload` event; reading twice is harmless, missing it is not).
 */
import type { OpenedProject, ProjectsOverview } from '../../shared/api/projects'
import type { ProjectModel } from './project-model'

export class ProjectSwitch {
  constructor(private readonly model: ProjectModel) {}

  /** The open project, the recent ones, the sample's folder and Marginalia's data folder. */
  overview(): Promise<ProjectsOverview> {
    return this.model.read('listProjects', {})
  }

  /**
   * Opens the project in `path` (an absolute folder, or `~/…`). Without `create` a folder holding no
   * project is refused with ApiCallError `not-found`; ask before calling again with `create`.
   */
  async open(path: string, opts: { create?: boolean; name?: string } = {}): Promise<OpenedProject> {
    return this.after(await this.model.read('openProject', { path, ...opts }))
  }

  async openSample(): Promise<OpenedProject> {
    return this.after(await this.model.read('openSampleProject', {}))
  }

  private async after(opened: OpenedProject): Promise<OpenedProject> {
    await this.model.resync()
    return opened
  }
}

/**
 * The project chooser's methods on a lone session (the CLI, tests): it names itself and refuses
 * to switch. The desktop window and `serve` answer these methods in their ProjectHost instead.
 */
import type { HandlersOf } from '../../shared/api/define'
import type { projectsMethods } from '../../shared/api/projects'
import { MarginaliaError } from '../../shared/result'
import type { FileProjectStore } from '../store/project-store'

const refuse = (): never => {
  throw new MarginaliaError('forbidden', 'this process serves one project; open another with "serve --project DIR" or the desktop app')
}

export function createLoneProjectHandlers(store: FileProjectStore): HandlersOf<typeof projectsMethods> {
  return {
    listProjects: () => ({ current: { name: store.data.project.name, path: store.dir }, recent: [], samplePath: '', dataDir: '', canSwitch: false }),
    openProject: refuse,
    openSampleProject: refuse
  }
}

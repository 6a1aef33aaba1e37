/** The project model of this window: over its own transport (the preload bridge, or HTTP in a browser). */
import { ProjectModel } from './project-model'
import { createTransport } from './transport'

export function windowModel(): ProjectModel {
  return new ProjectModel(createTransport())
}

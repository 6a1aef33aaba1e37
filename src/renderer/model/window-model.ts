/** The project model of this window: over its own transport (the preload bridge, or HTTP in a browser). */
import { ProjectModel } from './project-model'
import { createTransport } from './transport'

/** The model started by the window's entry before the views loaded, until the shell takes it. */
let early: ProjectModel | undefined

/**
 * Creates this window's model and starts reading the project at once (main.ts calls it before the
 * views' code is loaded, so the event stream opens and the first reads travel meanwhile).
 */
export function startWindowModel(): ProjectModel {
  early ??= new ProjectModel(createTransport())
  void early.start()
  return early
}

/** The model for the shell: the one the entry started, else a new one (the shell starts it). */
export function windowModel(): ProjectModel {
  const model = early ?? new ProjectModel(createTransport())
  early = undefined
  return model
}

/** The project model of this window: over its own transport (the preload bridge, or HTTP in a browser). */
import { afterNextFrame } from '../lib/after-next-frame'
import { warmCollation } from '../lib/warm-collation'
import { ProjectModel } from './project-model'
import { createTransport } from './transport'

/** The model started by the window's entry before the views loaded, until the shell takes it. */
let early: ProjectModel | undefined


/**
 * Creates this window's model and starts reading the project at once (main.ts calls it before the
 * views' code is loaded, so the event stream opens and the first reads travel meanwhile).
 * @param views the views' code loading (main.ts): a document's whole annotation list is asked for
 *   once it has loaded and the frame after it (which paints the first screens) has been rendered
 */
export function startWindowModel(views: Promise<unknown> = Promise.resolve()): ProjectModel {
  if (!early) {
    const transport = createTransport()
    early = new ProjectModel(transport, { beforeWholeList: () => views.then(afterNextFrame) })
    // Once the event stream is open the model sends its first read (it waits for the same promise,
    // and asked first): the collation data loads while that read travels, not in the first render.
    void (transport.ready?.() ?? Promise.resolve()).then(warmCollation)
  }
  void early.start()
  return early
}

/** The model for the shell: the one the entry started, else a new one (the shell starts it). */
export function windowModel(): ProjectModel {
  const model = early ?? new ProjectModel(createTransport(), { beforeWholeList: afterNextFrame })
  early = undefined
  return model
}

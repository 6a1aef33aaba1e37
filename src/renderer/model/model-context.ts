/**
 * How views reach the project model: `<marginalia-app>` provides it with Lit context
 * (`@provide({ context: modelContext })`); a view either consumes it (`@consume`, for writes and
 * jobs) or watches it with `UseModel`, which also re-renders the view when the slices it names
 * change — only while the view is in the page, so hidden panels do no work.
 * Works with the legacy (experimentalDecorators) decorators the renderer compiles with.
 */
import { ContextConsumer, createContext } from '@lit/context'
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type { ProjectModel, Slice } from './project-model'

export const modelContext = createContext<ProjectModel>(Symbol('marginalia-project-model'))

/** A Lit reactive controller: the model from context, and a re-render when its slices change. */
export class UseModel implements ReactiveController {
  /** The project model, once the provider answered (undefined outside an app or test provider). */
  model: ProjectModel | undefined
  private off: (() => void) | undefined
  private connected = false

  /**
   * @param host the view (a LitElement)
   * @param slices the model slices the view shows; any change of one of them re-renders it
   */
  constructor(private readonly host: ReactiveControllerHost & HTMLElement, private readonly slices: readonly Slice[]) {
    host.addController(this)
    new ContextConsumer(host, {
      context: modelContext,
      subscribe: true,
      callback: (model) => {
        this.model = model
        if (this.connected) this.watch()
        host.requestUpdate()
      }
    })
  }

  hostConnected(): void {
    this.connected = true
    if (this.model) {
      this.watch()
      // Whatever changed while the view was out of the page shows now.
      this.host.requestUpdate()
    }
  }

  hostDisconnected(): void {
    this.connected = false
    this.off?.()
    this.off = undefined
  }

  private watch(): void {
    this.off?.()
    this.off = this.model!.subscribe((changed) => {
      if (this.slices.some((s) => changed.has(s))) this.host.requestUpdate()
    })
  }
}

/**
 * A Lit reactive controller that runs `listener` after every change the services report while
 * its element is in the page, and `onConnect` each time the element is connected — the pattern
 * of every panel that re-reads what it shows.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type { ChangeEvent } from '../../shared/api'
import { onChange } from '../api-client'

export class ChangeSubscription implements ReactiveController {
  private off: (() => void) | undefined

  constructor(
    host: ReactiveControllerHost,
    private readonly listener: (event: ChangeEvent) => void,
    private readonly onConnect?: () => void
  ) {
    host.addController(this)
  }

  hostConnected(): void {
    this.off = onChange(this.listener)
    this.onConnect?.()
  }

  hostDisconnected(): void {
    this.off?.()
    this.off = undefined
  }
}

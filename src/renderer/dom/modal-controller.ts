/**
 * Makes an element a real modal dialog for the keyboard, while it is connected: Tab and Shift+Tab
 * cycle through the dialog's own controls (never to the page behind), Escape closes it from
 * wherever focus is, the first control (or the one marked `autofocus`) gets focus when it opens,
 * and focus returns to where it was when it closes. Only the topmost open dialog acts (a dialog
 * opened from a dialog takes the keys until it closes). Controls are found through open shadow
 * roots, so a dialog made of nested components traps focus across them.
 * A Lit reactive controller; the dialog element can be a native `<dialog>` opened with
 * showModal() (which also makes the page behind inert) or any container with role="dialog".
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'

export interface ModalOptions {
  /** The dialog's container (in the host's shadow root), once rendered. */
  container(): HTMLElement | null | undefined
  /** Called on Escape (the host closes itself); omit to let Escape do nothing (e.g. while busy). */
  onEscape?(): void
}

const stack: ModalController[] = []

/** The focused element, looking through open shadow roots. */
export function deepActiveElement(): HTMLElement | null {
  let el = document.activeElement as HTMLElement | null
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement as HTMLElement
  return el
}

const FOCUSABLE = 'button, input, select, textarea, a[href], summary, [tabindex]'

function isTabbable(el: HTMLElement): boolean {
  if (!el.matches(FOCUSABLE)) return false
  if ((el as HTMLButtonElement).disabled || el.tabIndex < 0 || el.closest('[inert]')) return false
  if (el instanceof HTMLInputElement && el.type === 'hidden') return false
  return el.checkVisibility?.({ visibilityProperty: true } as CheckVisibilityOptions) ?? el.offsetParent !== null
}

/** The elements Tab visits inside `root`, in document order, looking into open shadow roots. */
export function tabbables(root: Element | ShadowRoot): HTMLElement[] {
  const out: HTMLElement[] = []
  const walk = (node: Element | ShadowRoot): void => {
    for (const child of node.children) {
      const el = child as HTMLElement
      if (isTabbable(el)) out.push(el)
      if (el.shadowRoot) walk(el.shadowRoot)
      walk(el)
    }
  }
  walk(root)
  return out
}

/** True when `el` is inside `container`, across shadow boundaries. */
function within(container: Element, el: Element | null): boolean {
  for (let n: Node | null = el; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) if (n === container) return true
  return false
}

export class ModalController implements ReactiveController {
  private returnTo: HTMLElement | null = null
  private placed = false

  constructor(host: ReactiveControllerHost & HTMLElement, private readonly opts: ModalOptions) {
    host.addController(this)
  }

  hostConnected(): void {
    this.returnTo = deepActiveElement()
    this.placed = false
    stack.push(this)
    window.addEventListener('keydown', this.onKey, true)
  }

  hostUpdated(): void {
    if (this.placed) return
    const box = this.opts.container()
    if (!box || (box instanceof HTMLDialogElement && !box.open)) return
    this.placed = true
    if (within(box, deepActiveElement())) return
    const list = tabbables(box)
    ;(list.find((el) => el.hasAttribute('autofocus')) ?? list[0] ?? box).focus()
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.onKey, true)
    stack.splice(stack.indexOf(this), 1)
    const back = this.returnTo
    this.returnTo = null
    // Back to where the historian was, if it is still there (else the next open dialog, if any).
    if (back?.isConnected) back.focus({ preventScroll: true })
  }

  /** Forget where focus came from (the dialog moves focus somewhere on purpose as it closes). */
  keepFocus(): void {
    this.returnTo = null
  }

  private onKey = (e: KeyboardEvent): void => {
    if (stack[stack.length - 1] !== this) return
    const box = this.opts.container()
    if (!box) return
    if (e.key === 'Escape') {
      e.preventDefault()
      e.stopPropagation()
      this.opts.onEscape?.()
      return
    }
    if (e.key !== 'Tab') return
    const list = tabbables(box)
    if (!list.length) return e.preventDefault()
    const active = deepActiveElement()
    const at = active ? list.indexOf(active) : -1
    // Moved here rather than by the browser, so the order is the dialog's own and wraps at the ends.
    const next = at < 0 ? (e.shiftKey ? list.length - 1 : 0) : at + (e.shiftKey ? -1 : 1)
    e.preventDefault()
    list[(next + list.length) % list.length].focus()
  }
}

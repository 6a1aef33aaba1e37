/**
 * `<panel-resizer>`: the handle between the text and the side panel. Drag it with the mouse, or
 * focus it and use ←/→ (Shift: bigger steps), Home/End; the width (CSS px) is kept for the next
 * visit in localStorage. An ARIA window splitter (role="separator", focusable, with its value).
 *
 * Properties: `width` (px), `min`, `max` (px). Event: `panel-resize` `{ width }` (px, clamped).
 */
import { LitElement, css, html } from 'lit'
import { customElement, property } from 'lit/decorators.js'

export const SIDE_WIDTH_KEY = 'marginalia-side-width'

@customElement('panel-resizer')
export class PanelResizer extends LitElement {
  static styles = css`
    :host { display: block; cursor: col-resize; touch-action: none; position: relative; }
    div { position: absolute; inset: 0; }
    div:hover, div:focus-visible { background: #d8c5b3; }
    div:focus-visible { outline: 2px solid #2f6fce; outline-offset: -2px; }
  `

  @property({ type: Number }) width = 360
  @property({ type: Number }) min = 256
  @property({ type: Number }) max = 640

  render() {
    return html`<div role="separator" tabindex="0" aria-orientation="vertical" aria-label="Width of the side panel (arrow keys resize it)"
      aria-valuenow=${Math.round(this.width)} aria-valuemin=${this.min} aria-valuemax=${this.max}
      @keydown=${this.onKey} @pointerdown=${this.onPointerDown}></div>`
  }

  private set(width: number): void {
    const w = Math.round(Math.max(this.min, Math.min(this.max, width)))
    try {
      localStorage.setItem(SIDE_WIDTH_KEY, String(w))
    } catch {
      // storage refused (private mode): the width holds for this visit only
    }
    this.dispatchEvent(new CustomEvent('panel-resize', { detail: { width: w }, bubbles: true, composed: true }))
  }

  private onKey(e: KeyboardEvent): void {
    const step = e.shiftKey ? 64 : 16
    const next = e.key === 'ArrowLeft' ? this.width + step : e.key === 'ArrowRight' ? this.width - step
      : e.key === 'Home' ? this.max : e.key === 'End' ? this.min : undefined
    if (next === undefined) return
    e.preventDefault()
    this.set(next) // the panel is on the right: moving the handle left widens it
  }

  private onPointerDown(down: PointerEvent): void {
    const handle = down.currentTarget as HTMLElement
    handle.setPointerCapture(down.pointerId)
    const from = this.width
    const move = (e: PointerEvent) => this.set(from + (down.clientX - e.clientX))
    const up = () => {
      handle.removeEventListener('pointermove', move)
      handle.removeEventListener('pointerup', up)
    }
    handle.addEventListener('pointermove', move)
    handle.addEventListener('pointerup', up)
  }
}

/** The side panel width kept from an earlier visit (px), if any. */
export function savedSideWidth(): number | undefined {
  try {
    const w = Number(localStorage.getItem(SIDE_WIDTH_KEY))
    return Number.isFinite(w) && w > 0 ? w : undefined
  } catch {
    return undefined
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'panel-resizer': PanelResizer
  }
}

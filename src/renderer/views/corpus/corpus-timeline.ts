/**
 * `<corpus-timeline>`: dated entities and dated annotations (EDTF) under the corpus filter, as
 * bars in lanes on a time axis. Ranges are bars, single dates thin bars; approximate (`~`) dates
 * are dashed, uncertain (`?`) ones hatched and marked "?", an open end (`..`) runs off to the edge
 * with an arrow, an unknown end fades. Zoom from millennia to days (buttons, +/− keys, the wheel);
 * ←/→ pan. A bar (click, or Enter when focused) lists the passages behind it.
 */
import { LitElement, css, html, nothing, svg } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import type { TimelineItem } from '../../../shared/api/corpus'
import { UseModel } from '../../model/model-context'
import { controlStyles } from '../../styles/ui-styles'
import { corpusStyles } from './corpus-styles'
import { MIN_SPAN, scale, ticks } from './time-scale'
import { downloadSvg } from './chart-export'
import './corpus-passages'

const W = 860
const LANE = 22
const TOP = 28
const PAD = 20
/** Room a bar's label takes to the right of it (px of the viewBox). */
const LABEL_ROOM = 150

/** Places items in lanes: each lane holds items that do not overlap (in pixels), in start order. */
function lanes(items: TimelineItem[], x: (t: number) => number, d0: number, d1: number): { item: TimelineItem; lane: number; x0: number; x1: number }[] {
  const ends: number[] = []
  const sorted = [...items].sort((a, b) => (a.start.at ?? d0) - (b.start.at ?? d0))
  return sorted.map((item) => {
    const x0 = Math.max(PAD - 10, x(item.start.at ?? d0))
    const x1 = Math.min(W - PAD + 10, Math.max(x0 + 3, x(item.end.at ?? (item.end.open ? d1 : item.start.at ?? d0))))
    let lane = ends.findIndex((e) => e + 4 < x0)
    if (lane < 0) lane = ends.push(x1) - 1
    else ends[lane] = x1
    return { item, lane, x0, x1 }
  })
}

@customElement('corpus-timeline')
export class CorpusTimeline extends LitElement {
  static styles = [controlStyles, corpusStyles, css`
    g.item { cursor: pointer; }
    g.item rect { fill: #c98a4b; stroke: #7a3e1d; stroke-width: 1; }
    g.item.annotation rect { fill: #6d9dc5; stroke: #2f5f8a; }
    g.item.approximate rect { stroke-dasharray: 4 2; fill-opacity: 0.6; }
    g.item.uncertain rect { fill: url(#hatch); }
    g.item.unknown-end rect { fill: url(#fade); }
    g.item.selected rect { stroke: var(--focus); stroke-width: 2.5; }
    text { font-size: 11px; fill: var(--ink); }
    .axis text { fill: var(--ink-soft); font-size: 10px; }
    .axis line { stroke: var(--line); }
    corpus-passages { display: block; max-width: 54rem; margin-top: 0.6rem; }
  `]

  @state() private domain: [number, number] | undefined
  @state() private chosen: TimelineItem | undefined
  private readonly use = new UseModel(this, ['corpus'])

  render() {
    const m = this.use.model
    if (!m) return nothing
    const r = m.corpus.get('timeline', { filter: m.corpus.filter })
    const t = r.value
    if (!t) return html`<p class="muted">${r.error ?? 'Loading…'}</p>`
    if (!t.items.length || t.min === null || t.max === null) return html`<p class="muted">No dated entity or dated annotation under this filter. Link passages to date, event or person entities with EDTF dates.</p>`
    const margin = Math.max(MIN_SPAN, (t.max - t.min) * 0.05)
    const [d0, d1] = this.domain ?? [t.min - margin, t.max + margin]
    const x = scale(d0, d1, PAD, W - PAD)
    const placed = lanes(t.items, x, d0, d1)
    const height = TOP + (Math.max(0, ...placed.map((p) => p.lane)) + 1) * LANE + 10
    return html`
      <div class="bar">
        <button @click=${() => this.zoom(0.5, d0, d1)} aria-label="Zoom in">+</button>
        <button @click=${() => this.zoom(2, d0, d1)} aria-label="Zoom out">−</button>
        <button @click=${() => (this.domain = undefined)}>Fit</button>
        <span class="muted">${t.items.length} dated items${t.invalid.length ? ` · ${t.invalid.length} dates are not EDTF: ${t.invalid.map((i) => `${i.label} (${i.edtf})`).join(', ')}` : ''}</span>
        <span style="flex:1"></span>
        <button @click=${() => downloadSvg(this.renderRoot.querySelector('svg')!, 'timeline')}>SVG</button>
      </div>
      <div>
        <svg viewBox="0 0 ${W} ${height}" width=${W} role="group" aria-label="Timeline" @wheel=${(e: WheelEvent) => this.onWheel(e, d0, d1)} @keydown=${(e: KeyboardEvent) => this.onKey(e, d0, d1)}>
          <defs><pattern id="hatch" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="5" height="5" fill="#f0dcc4"></rect><line x1="0" y1="0" x2="0" y2="5" stroke="#a0622e" stroke-width="2"></line></pattern>
            <linearGradient id="fade"><stop offset="0" stop-color="#c98a4b"></stop><stop offset="1" stop-color="#c98a4b" stop-opacity="0"></stop></linearGradient></defs>
          <g class="axis">${ticks(d0, d1, 9).map((k) => svg`<line x1=${x(k.at)} x2=${x(k.at)} y1="16" y2=${height}></line><text x=${x(k.at)} y="12" text-anchor="middle">${k.label}</text>`)}</g>
          ${placed.map(({ item, lane, x0, x1 }) => this.renderItem(item, lane, x0, x1))}
        </svg>
        <corpus-passages .heading=${this.chosen ? `${this.chosen.label} (${this.chosen.text})` : ''} .annotationIds=${this.chosen?.annotationIds ?? []}></corpus-passages>
      </div>
    `
  }

  private renderItem(item: TimelineItem, lane: number, x0: number, x1: number) {
    const y = TOP + lane * LANE
    const cls = ['item', item.kind, item.start.approximate || item.end.approximate ? 'approximate' : '', item.start.uncertain || item.end.uncertain ? 'uncertain' : '', item.end.unknown ? 'unknown-end' : '', this.chosen?.id === item.id ? 'selected' : ''].join(' ')
    // A label that would run past the right edge goes inside its bar when the bar is long enough.
    const inside = x1 > W - LABEL_ROOM && x1 - x0 > LABEL_ROOM
    const label = `${item.label}: ${item.text}${item.end.open ? ', open end' : ''}${item.end.unknown ? ', end unknown' : ''}`
    return svg`<g class=${cls} data-item-id=${item.id} tabindex="0" role="button" aria-label=${label} @click=${() => (this.chosen = item)} @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && (this.chosen = item)}>
      <title>${label}</title>
      <rect x=${x0} y=${y} width=${Math.max(3, x1 - x0)} height="14" rx="2"></rect>
      ${item.end.open ? svg`<path d="M${x1} ${y} l8 7 l-8 7 z" fill="#7a3e1d"></path>` : nothing}
      <text x=${inside ? x0 + 4 : x1 + (item.end.open ? 11 : 4)} y=${y + 11}>${item.label}${item.start.uncertain || item.end.uncertain ? ' ?' : ''}${item.start.approximate || item.end.approximate ? ' ~' : ''}</text>
    </g>`
  }

  private zoom(factor: number, d0: number, d1: number, at = (d0 + d1) / 2): void {
    const span = Math.max(MIN_SPAN, (d1 - d0) * factor)
    const k = (at - d0) / (d1 - d0)
    this.domain = [at - span * k, at - span * k + span]
  }

  private onWheel(e: WheelEvent, d0: number, d1: number): void {
    e.preventDefault()
    const box = (e.currentTarget as SVGSVGElement).getBoundingClientRect()
    const at = d0 + ((e.clientX - box.left) / box.width) * (d1 - d0)
    this.zoom(e.deltaY < 0 ? 0.8 : 1.25, d0, d1, at)
  }

  private onKey(e: KeyboardEvent, d0: number, d1: number): void {
    const pan = (d1 - d0) * 0.2
    if (e.key === '+' || e.key === '=') this.zoom(0.5, d0, d1)
    else if (e.key === '-') this.zoom(2, d0, d1)
    else if (e.key === 'ArrowLeft') this.domain = [d0 - pan, d1 - pan]
    else if (e.key === 'ArrowRight') this.domain = [d0 + pan, d1 + pan]
    else return
    e.preventDefault()
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'corpus-timeline': CorpusTimeline
  }
}

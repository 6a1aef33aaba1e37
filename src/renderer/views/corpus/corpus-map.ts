/**
 * `<corpus-map>`: places with coordinates under the corpus filter, on the offline basemap
 * (basemap.ts), a marker each sized by its mentions (area ∝ mentions); fitted to the places, or
 * to the world. Places without coordinates (or with impossible ones) are listed beside the map
 * with their mentions, not dropped. A marker or a listed place (click, or Enter when focused)
 * lists the passages behind it.
 */
import { LitElement, css, html, nothing, svg } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import type { MapData, MapPlace, UnplacedPlace } from '../../../shared/api/corpus'
import { UseModel } from '../../model/model-context'
import { controlStyles } from '../../styles/ui-styles'
import { basemapPaths, fitProjection, type LonLat } from './basemap'
import { downloadPng, downloadSvg } from './chart-export'
import { corpusStyles } from './corpus-styles'
import './corpus-passages'

const W = 820
const H = 480

@customElement('corpus-map')
export class CorpusMap extends LitElement {
  static styles = [controlStyles, corpusStyles, css`
    .land { fill: #e9e1d3; stroke: #b9a98f; stroke-width: 0.5; }
    .graticule { fill: none; stroke: #ece6dc; stroke-width: 0.5; }
    svg { background: #dfe9ef; }
    g.place { cursor: pointer; }
    g.place circle { fill: rgba(163, 38, 31, 0.6); stroke: #fff; stroke-width: 1; }
    g.place.selected circle { fill: rgba(47, 111, 206, 0.8); }
    g.place text { font-size: 11px; fill: #2b2722; paint-order: stroke; stroke: #fffdf9; stroke-width: 3px; }
  `]

  @state() private world = false
  @state() private chosen: { label: string; annotationIds: string[]; entityId: string } | undefined
  @state() private paths: { key: string; land: string; graticule: string } | undefined
  private readonly use = new UseModel(this, ['corpus'])

  render() {
    const m = this.use.model
    if (!m) return nothing
    const r = m.corpus.get('mapData', { filter: m.corpus.filter })
    const data = r.value
    if (!data) return html`<p class="muted">${r.error ?? 'Loading…'}</p>`
    const points: LonLat[] = this.world ? [] : data.places.map((p) => [p.lon, p.lat])
    const projection = fitProjection(points, W, H)
    const key = JSON.stringify(points)
    if (this.paths?.key !== key) void basemapPaths(projection).then((p) => (this.paths = { key, ...p }))
    return html`
      <div class="bar">
        <button @click=${() => (this.world = !this.world)}>${this.world ? 'Fit to places' : 'Whole world'}</button>
        <span class="muted">${data.places.length} places on the map · ${data.withoutCoordinates.length} without coordinates</span>
        <span style="flex:1"></span>
        <button @click=${() => downloadSvg(this.renderRoot.querySelector('svg')!, 'map')}>SVG</button>
        <button @click=${() => downloadPng(this.renderRoot.querySelector('svg')!, 'map')}>PNG</button>
      </div>
      <div class="split">
        <svg viewBox="0 0 ${W} ${H}" role="group" aria-label="Map of places">
          ${this.paths?.key === key ? svg`<path class="graticule" d=${this.paths.graticule}></path><path class="land" d=${this.paths.land}></path>` : nothing}
          ${data.places.map((p) => this.renderPlace(p, projection([p.lon, p.lat])))}
        </svg>
        <div>
          <corpus-passages .heading=${this.chosen?.label ?? ''} .annotationIds=${this.chosen?.annotationIds ?? []}></corpus-passages>
          ${this.renderUnplaced(data)}
        </div>
      </div>
    `
  }

  private renderPlace(p: MapPlace, at: [number, number] | null) {
    if (!at) return nothing
    const r = 3 + 3 * Math.sqrt(p.mentions)
    const label = `${p.label}: ${p.mentions} mention${p.mentions === 1 ? '' : 's'} in ${p.documents} document${p.documents === 1 ? '' : 's'}`
    return svg`<g class="place ${this.chosen?.entityId === p.entityId ? 'selected' : ''}" data-entity-id=${p.entityId} tabindex="0" role="button" aria-label=${label}
        @click=${() => this.choose(p)} @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.choose(p)}>
      <title>${label}</title>
      <circle cx=${at[0]} cy=${at[1]} r=${r}></circle>
      <text x=${at[0] + r + 2} y=${at[1] + 4}>${p.label}</text>
    </g>`
  }

  private renderUnplaced(data: MapData) {
    if (!data.withoutCoordinates.length) return nothing
    return html`<h2>Places without coordinates</h2>
      <ul class="plain unplaced">
        ${data.withoutCoordinates.map(
          (p) => html`<li><button class="passage" data-entity-id=${p.entityId} @click=${() => this.choose(p)}>
            ${p.label} <span class="muted">· ${p.mentions} mention${p.mentions === 1 ? '' : 's'}${p.reason === 'invalid' ? ' · impossible coordinates' : ''}</span>
          </button></li>`
        )}
      </ul>`
  }

  private choose(p: MapPlace | UnplacedPlace): void {
    this.chosen = { label: p.label, annotationIds: p.annotationIds, entityId: p.entityId }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'corpus-map': CorpusMap
  }
}

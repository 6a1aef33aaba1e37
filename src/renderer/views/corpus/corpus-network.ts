/**
 * `<corpus-network>`: entities under the corpus filter as a network — edges for co-occurrence in
 * a paragraph (grey, thicker with more shared paragraphs) and for explicit relations (labelled
 * with the predicate), node size by mentions, colour by type, filterable by type. The layout is
 * the services' (settled, seeded, computed as a job), so the picture is the same each time and
 * stays readable at a few hundred nodes. A node or an edge (click, or Enter when focused) lists
 * the passages behind it.
 */
import { LitElement, css, html, nothing, svg } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import type { NetworkEdge, NetworkNode, NodePosition } from '../../../shared/api/corpus'
import { ENTITY_TYPES, type EntityType } from '../../../shared/model'
import { entityTypeColour } from '../../lib/colours'
import { UseModel } from '../../model/model-context'
import { controlStyles } from '../../styles/ui-styles'
import { downloadPng, downloadSvg } from './chart-export'
import { corpusStyles } from './corpus-styles'
import './corpus-passages'

/** Nodes drawn at most (the most mentioned). */
const MAX_NODES = 300

@customElement('corpus-network')
export class CorpusNetwork extends LitElement {
  static styles = [controlStyles, corpusStyles, css`
    line.co { stroke: #b8ada0; }
    line.rel { stroke: #7a3e1d; }
    g.edge { cursor: pointer; }
    g.node { cursor: pointer; }
    g.node circle { stroke: #fff; stroke-width: 1.5; fill-opacity: 0.85; }
    g.node.selected circle { stroke: var(--focus); stroke-width: 3; }
    text { fill: var(--ink); paint-order: stroke; stroke: #fffdf9; stroke-width: 3px; }
    text.rel { fill: #7a3e1d; }
    label.inline { display: inline-flex; gap: 0.25rem; align-items: center; text-transform: none; letter-spacing: 0; margin: 0; color: var(--ink); font-size: 0.85rem; }
    label.inline input { width: auto; }
  `]

  @state() private types: EntityType[] = []
  @state() private chosen: { id: string; heading: string; annotationIds: string[] } | undefined
  private readonly use = new UseModel(this, ['corpus'])

  render() {
    const m = this.use.model
    if (!m) return nothing
    const r = m.corpus.get('entityNetwork', { filter: m.corpus.filter, maxNodes: MAX_NODES, ...(this.types.length ? { types: this.types } : {}) })
    const net = r.value
    return html`
      <div class="bar" role="group" aria-label="Entity types shown">
        ${ENTITY_TYPES.map((t) => html`<label class="inline"><input type="checkbox" .checked=${this.types.includes(t)} @change=${(e: Event) => this.toggleType(t, (e.target as HTMLInputElement).checked)} />
          <span style="color:${entityTypeColour(t)}">●</span>${t}</label>`)}
        <span class="muted">${net ? `${net.nodes.length} entities, ${net.edges.length} links${net.omitted ? ` (${net.omitted} less-mentioned left out)` : ''}` : r.error ?? 'Laying out…'}</span>
        <span style="flex:1"></span>
        <button @click=${() => downloadSvg(this.renderRoot.querySelector('svg')!, 'network')} ?disabled=${!net?.nodes.length}>SVG</button>
        <button @click=${() => downloadPng(this.renderRoot.querySelector('svg')!, 'network')} ?disabled=${!net?.nodes.length}>PNG</button>
      </div>
      ${net && !net.nodes.length ? html`<p class="muted">No entity is linked to a passage under this filter.</p>` : nothing}
      ${net?.nodes.length ? this.renderNetwork(net.nodes, net.edges, net.layout.positions, net.layout.bounds) : nothing}
    `
  }

  private renderNetwork(nodes: NetworkNode[], edges: NetworkEdge[], positions: NodePosition[], b: { minX: number; minY: number; maxX: number; maxY: number }) {
    const at = new Map(positions.map((p) => [p.id, p]))
    const names = new Map(nodes.map((n) => [n.id, n.label]))
    const name = (id: string) => names.get(id) ?? id
    const pad = 40
    const w = b.maxX - b.minX + 2 * pad
    const h = b.maxY - b.minY + 2 * pad
    const font = Math.max(8, Math.min(w, h) / 60)
    const maxWeight = Math.max(1, ...edges.map((e) => e.weight))
    return html`<div class="split">
      <svg viewBox="${b.minX - pad} ${b.minY - pad} ${w} ${h}" role="group" aria-label="Network of entities" style="max-height: calc(100vh - 14rem)">
        ${edges.map((e) => {
          const s = at.get(e.source)
          const t = at.get(e.target)
          if (!s || !t) return nothing
          const rel = e.kind === 'relation'
          const label = rel ? `${name(e.source)} — ${e.label ?? 'related'} — ${name(e.target)}` : `${name(e.source)} and ${name(e.target)}: ${e.weight} paragraph${e.weight === 1 ? '' : 's'} together`
          return svg`<g class="edge" data-edge-id=${e.id} @click=${() => (this.chosen = { id: e.id, heading: label, annotationIds: e.annotationIds })}>
            <title>${label}</title>
            <line class=${rel ? 'rel' : 'co'} x1=${s.x} y1=${s.y} x2=${t.x} y2=${t.y} stroke-width=${rel ? font / 5 : (font / 8) * (1 + (3 * e.weight) / maxWeight)}></line>
            ${rel && e.label ? svg`<text class="rel" x=${(s.x + t.x) / 2} y=${(s.y + t.y) / 2} font-size=${font * 0.8} text-anchor="middle">${e.label}</text>` : nothing}
          </g>`
        })}
        ${nodes.map((n) => {
          const p = at.get(n.id)
          if (!p) return nothing
          const label = `${n.label} (${n.type}): ${n.mentions} mention${n.mentions === 1 ? '' : 's'}`
          return svg`<g class="node ${this.chosen?.id === n.id ? 'selected' : ''}" data-entity-id=${n.id} tabindex="0" role="button" aria-label=${label}
              @click=${() => this.choose(n, label)} @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.choose(n, label)}>
            <title>${label}</title>
            <circle cx=${p.x} cy=${p.y} r=${p.r} fill=${entityTypeColour(n.type)}></circle>
            <text x=${p.x} y=${p.y + p.r + font} font-size=${font} text-anchor="middle">${n.label}</text>
          </g>`
        })}
      </svg>
      <corpus-passages .heading=${this.chosen?.heading ?? ''} .annotationIds=${this.chosen?.annotationIds ?? []}></corpus-passages>
    </div>`
  }

  private choose(n: NetworkNode, heading: string): void {
    this.chosen = { id: n.id, heading, annotationIds: n.annotationIds }
  }

  private toggleType(t: EntityType, on: boolean): void {
    this.types = on ? [...this.types, t] : this.types.filter((x) => x !== t)
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'corpus-network': CorpusNetwork
  }
}

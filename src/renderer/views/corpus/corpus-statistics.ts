/**
 * `<corpus-statistics>`: counts under the corpus filter as bar charts — annotations per tag, per
 * entity type and per document, the most-mentioned entities, verdicts (per annotation and per
 * citation link). Each chart exports as SVG and PNG. A bar (click, or Enter) narrows the corpus
 * filter to its value, so the table and the other pictures show the passages behind it.
 */
import { LitElement, css, html, nothing, svg } from 'lit'
import { customElement } from 'lit/decorators.js'
import type { AnnotationFilter, Count } from '../../../shared/api/corpus'
import { reportError } from '../../lib/errors'
import { UseModel } from '../../model/model-context'
import { controlStyles } from '../../styles/ui-styles'
import { downloadPng, downloadSvg } from './chart-export'
import { corpusStyles } from './corpus-styles'

const W = 420
const BAR = 18
const LABEL_W = 170
/** Bars per chart at most. */
const TOP = 15

type Field = 'tags' | 'entityTypes' | 'documentIds' | 'entityIds' | 'verdicts' | undefined

@customElement('corpus-statistics')
export class CorpusStatistics extends LitElement {
  static styles = [controlStyles, corpusStyles, css`
    .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(26rem, 1fr)); gap: 1rem; }
    figure { margin: 0; }
    figcaption { display: flex; align-items: center; gap: 0.4rem; font-weight: 600; font-size: 0.9rem; margin-bottom: 0.3rem; }
    figcaption span { flex: 1; }
    g.bar { cursor: pointer; }
    g.bar rect { fill: #c98a4b; }
    g.bar:hover rect, g.bar:focus rect { fill: #7a3e1d; }
    text { font-size: 11px; fill: var(--ink); }
  `]

  private readonly use = new UseModel(this, ['corpus'])

  render() {
    const m = this.use.model
    if (!m) return nothing
    const r = m.corpus.get('statistics', { filter: m.corpus.filter, top: TOP })
    const s = r.value
    if (!s) return html`<p class="muted">${r.error ?? 'Loading…'}</p>`
    return html`
      <p class="muted" role="status">${s.annotations} annotations under this filter</p>
      <div class="charts">
        ${this.chart('by-tag', 'Annotations per tag', s.byTag, 'tags')}
        ${this.chart('by-type', 'Annotations per entity type', s.byEntityType, 'entityTypes')}
        ${this.chart('by-document', 'Annotations per document', s.byDocument, 'documentIds')}
        ${this.chart('top-entities', 'Most-mentioned entities', s.topEntities, 'entityIds')}
        ${this.chart('verdicts', 'Verdicts (per annotation)', s.verdictsByAnnotation, 'verdicts')}
        ${this.chart('verdicts-by-link', 'Verdicts (per citation link)', s.verdictsByLink, undefined)}
      </div>
    `
  }

  private chart(id: string, title: string, counts: Count[], field: Field) {
    const rows = counts.slice(0, TOP)
    const max = Math.max(1, ...rows.map((c) => c.count))
    const h = Math.max(1, rows.length) * (BAR + 4) + 6
    return html`<figure data-chart=${id}>
      <figcaption><span>${title}</span>
        <button @click=${() => this.save(id, 'svg')} aria-label=${`${title} as SVG`}>SVG</button>
        <button @click=${() => this.save(id, 'png')} aria-label=${`${title} as PNG`}>PNG</button>
      </figcaption>
      ${rows.length
        ? svg`<svg viewBox="0 0 ${W} ${h}" width=${W} role="group" aria-label=${title}>
          ${rows.map((c, i) => {
            const y = 4 + i * (BAR + 4)
            const w = ((W - LABEL_W - 40) * c.count) / max
            const label = `${c.label}: ${c.count}`
            return svg`<g class="bar" tabindex=${field ? 0 : -1} role=${field ? 'button' : 'img'} aria-label=${label} data-value=${c.value}
                @click=${() => this.narrow(field, c.value)} @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.narrow(field, c.value)}>
              <title>${label}</title>
              <text x=${LABEL_W - 6} y=${y + 13} text-anchor="end">${c.label.length > 28 ? `${c.label.slice(0, 27)}…` : c.label}</text>
              <rect x=${LABEL_W} y=${y} width=${Math.max(1, w)} height=${BAR}></rect>
              <text x=${LABEL_W + w + 4} y=${y + 13}>${c.count}</text>
            </g>`
          })}
        </svg>`
        : html`<p class="muted">None.</p>`}
    </figure>`
  }

  private narrow(field: Field, value: string): void {
    if (!field) return
    const m = this.use.model!
    m.corpus.setFilter({ ...m.corpus.filter, [field]: [value] } as AnnotationFilter)
  }

  private async save(id: string, kind: 'svg' | 'png'): Promise<void> {
    const el = this.renderRoot.querySelector<SVGSVGElement>(`figure[data-chart="${id}"] svg`)
    if (!el) return
    try {
      if (kind === 'svg') downloadSvg(el, id)
      else await downloadPng(el, id)
    } catch (err) {
      reportError(this, 'Could not export the chart', err)
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'corpus-statistics': CorpusStatistics
  }
}

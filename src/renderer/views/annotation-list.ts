/**
 * `<annotation-list>`: the Annotations tab. Highlights of the open document in document order,
 * a legend of the tags in use (click a swatch to change a tag's colour), and — kept apart for
 * review — annotations whose passage could not be found again after the text changed (orphaned).
 *
 * Properties: `annotations` (document order), `tagColours`, `knownTags`, `selectedAnnotationId`.
 * Events: those of `<annotation-card>`; `marginalia-error`, `project-changed` from the legend.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { call } from '../api-client'
import type { Annotation } from '../../shared/model'
import { cssVars } from '../lib/css-vars'
import { reportError } from '../lib/errors'
import { controlStyles } from '../lib/ui-styles'
import './annotation-card'

/** `#rgb`/`#rrggbb` for an `<input type=color>`; other CSS colours show as black there. */
function hexForPicker(c: string): string {
  if (/^#[0-9a-f]{6}$/i.test(c)) return c
  if (/^#[0-9a-f]{3}$/i.test(c)) return '#' + [...c.slice(1)].map((x) => x + x).join('')
  return '#000000'
}

@customElement('annotation-list')
export class AnnotationList extends LitElement {
  static styles = [
    controlStyles,
    css`
      :host {
        display: block;
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
        margin: 0 0 0.8rem;
      }
      .legend label.chip {
        margin: 0;
        text-transform: none;
        letter-spacing: 0;
        font-size: 0.78rem;
        color: var(--ink);
        cursor: pointer;
        position: relative;
      }
      .legend input[type='color'] {
        position: absolute;
        inset: 0;
        opacity: 0;
        width: 100%;
        height: 100%;
        padding: 0;
        border: 0;
        cursor: pointer;
      }
      .legend label.chip:focus-within {
        outline: 2px solid var(--focus);
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      h3 {
        font-size: 0.75rem;
        letter-spacing: 0.05em;
        text-transform: uppercase;
        color: var(--ink-soft);
        font-weight: 600;
        margin: 1.2rem 0 0.3rem;
      }
      .orphans p.explain {
        font-size: 0.82rem;
        color: var(--ink-soft);
        margin: 0 0 0.5rem;
      }
      .empty {
        color: var(--ink-soft);
        font-size: 0.9rem;
        line-height: 1.5;
        padding: 0.5rem 0.2rem;
      }
      .count {
        font-size: 0.8rem;
        color: var(--ink-soft);
        margin: 0 0 0.5rem;
      }
    `
  ]

  @property({ attribute: false }) annotations: Annotation[] = []
  @property({ attribute: false }) tagColours: ReadonlyMap<string, string> = new Map()
  @property({ attribute: false }) knownTags: string[] = []
  @property() selectedAnnotationId: string | undefined

  protected updated(changed: PropertyValues<this>): void {
    if (changed.has('selectedAnnotationId') && this.selectedAnnotationId) {
      const card = this.renderRoot.querySelector(`annotation-card[data-id="${CSS.escape(this.selectedAnnotationId)}"]`)
      card?.scrollIntoView({ block: 'nearest' })
    }
  }

  render() {
    const anchored = this.annotations.filter((a) => a.status !== 'orphaned')
    const orphans = this.annotations.filter((a) => a.status === 'orphaned')
    const used = [...new Set(this.annotations.flatMap((a) => a.tags))].sort((a, b) => a.localeCompare(b))
    if (!this.annotations.length) {
      return html`<p class="empty">No highlights yet. Select a passage in the text — with the mouse, or with Shift and the
        arrow keys — to highlight it, tag it and add a note.</p>`
    }
    return html`
      ${used.length
        ? html`<div class="legend" aria-label="Tag colours">
            ${used.map(
              (t) => html`<label class="chip" title="Change the colour of ${t}" ${cssVars({ '--tag': this.tagColours.get(t) })}
                >${t}<input type="color" aria-label="Colour of ${t}" .value=${hexForPicker(this.tagColours.get(t) ?? '')}
                @change=${(e: Event) => this.setColour(t, (e.target as HTMLInputElement).value)}
              /></label>`
            )}
          </div>`
        : nothing}
      <p class="count">${anchored.length} ${anchored.length === 1 ? 'highlight' : 'highlights'}</p>
      <ol aria-label="Highlights in document order">
        ${anchored.map((a) => this.renderCard(a))}
      </ol>
      ${orphans.length
        ? html`<section class="orphans" aria-label="Orphaned highlights">
            <h3>Needs review (${orphans.length})</h3>
            <p class="explain">The text changed and these passages could not be found again. They are kept so you can
              re-create or delete them.</p>
            <ol>${orphans.map((a) => this.renderCard(a))}</ol>
          </section>`
        : nothing}
    `
  }

  private renderCard(a: Annotation) {
    return html`<li>
      <annotation-card
        data-id=${a.id}
        .annotation=${a}
        .tagColours=${this.tagColours}
        .knownTags=${this.knownTags}
        ?selected=${a.id === this.selectedAnnotationId}
      ></annotation-card>
    </li>`
  }

  private async setColour(tag: string, color: string): Promise<void> {
    try {
      await call('setTagColor', { tag, color })
      this.dispatchEvent(new CustomEvent('project-changed', { bubbles: true, composed: true }))
    } catch (err) {
      reportError(this, `Could not change the colour of “${tag}”`, err)
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'annotation-list': AnnotationList
  }
}

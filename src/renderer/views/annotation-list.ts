/**
 * `<annotation-list>`: the Annotations tab. Highlights of the open document in document order,
 * a legend of the tags in use (click a swatch to change a tag's colour), and — kept apart for
 * review — annotations whose passage could not be found again after the text changed (orphaned).
 * The list is virtualised (`@lit-labs/virtualizer`): only the cards near the panel's viewport
 * exist, so ten thousand highlights cost what twenty do.
 *
 * Properties: `annotations` (the open document's AnnotationIndex) with its `version`, `palette`,
 * `knownTags`, `selectedAnnotationId`. Writes `setTagColor` through the model from context.
 * Events: those of `<annotation-card>`; `marginalia-error`.
 */
import '@lit-labs/virtualizer'
import type { LitVirtualizer } from '@lit-labs/virtualizer'
import { flow } from '@lit-labs/virtualizer/layouts/flow.js'
import { consume } from '@lit/context'
import { LitElement, css, html, nothing, type PropertyValues } from 'lit'
import { customElement, property, query } from 'lit/decorators.js'
import type { Annotation } from '../../shared/model'
import { cssVars } from '../dom/css-vars'
import { scrollParent } from '../dom/scroll-parent'
import { afterNextFrame } from '../lib/after-next-frame'
import { hexForPicker } from '../lib/colours'
import { reportError } from '../lib/errors'
import type { AnnotationIndex } from '../model/annotation-index'
import { modelContext } from '../model/model-context'
import type { ProjectModel } from '../model/project-model'
import type { Palette } from '../model/selections'
import { controlStyles } from '../styles/ui-styles'
import './annotation-card'

/** Cards in one column, each as tall as its content (measured by the virtualiser). */
const LAYOUT = flow()

@customElement('annotation-list')
export class AnnotationList extends LitElement {
  static styles = [
    controlStyles,
    css`
      :host { display: block; }
      .legend { display: flex; flex-wrap: wrap; gap: 0.3rem; margin: 0 0 0.8rem; }
      .legend label.chip { margin: 0; text-transform: none; letter-spacing: 0; font-size: 0.78rem; color: var(--ink); cursor: pointer; position: relative; }
      .legend input[type='color'] { position: absolute; inset: 0; opacity: 0; width: 100%; height: 100%; padding: 0; border: 0; cursor: pointer; }
      .legend label.chip:focus-within { outline: 2px solid var(--focus); }
      lit-virtualizer annotation-card { width: 100%; padding-bottom: 0.5rem; }
      ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5rem; }
      h3 { font-size: 0.75rem; letter-spacing: 0.05em; text-transform: uppercase; color: var(--ink-soft); font-weight: 600; margin: 1.2rem 0 0.3rem; }
      .orphans p.explain { font-size: 0.82rem; color: var(--ink-soft); margin: 0 0 0.5rem; }
      .empty { color: var(--ink-soft); font-size: 0.9rem; line-height: 1.5; padding: 0.5rem 0.2rem; }
      .count { font-size: 0.8rem; color: var(--ink-soft); margin: 0 0 0.5rem; }
    `
  ]

  @consume({ context: modelContext }) model: ProjectModel | undefined
  @property({ attribute: false }) annotations: AnnotationIndex | undefined
  @property({ type: Number }) version = 0
  @property({ attribute: false }) palette: Palette | undefined
  @property({ attribute: false }) knownTags: string[] = []
  @property() selectedAnnotationId: string | undefined
  @query('lit-virtualizer') private virtualizer: LitVirtualizer | undefined

  /** The anchored and orphaned annotations, split once per version of the index. */
  private split = { version: -1, index: undefined as AnnotationIndex | undefined, anchored: [] as Annotation[], orphans: [] as Annotation[], tags: [] as string[] }

  private lists() {
    const index = this.annotations
    if (this.split.index !== index || this.split.version !== index?.version) {
      const all = index?.all ?? []
      const tags = new Set<string>()
      const anchored: Annotation[] = []
      const orphans: Annotation[] = []
      for (const a of all) {
        ;(a.status === 'orphaned' ? orphans : anchored).push(a)
        for (const t of a.tags) tags.add(t)
      }
      this.split = { version: index?.version ?? -1, index, anchored, orphans, tags: [...tags].sort((x, y) => x.localeCompare(y)) }
    }
    return this.split
  }

  /**
   * A new list (another document's, or the first) and an edit to the shown one (same index, new
   * version) are rendered after the next frame: that frame paints the text (its first screens, or
   * the edit), and this list's work (10,000 annotations split and handed to the virtualiser, which
   * measures its cards: about 10 ms for an edit, bench/profile-render.ts add; at open about 100 ms
   * of the first paint's task on a loaded machine, bench/profile-open-trace.ts) is not needed for
   * it. The cards follow one frame later. Properties set meanwhile are kept for that update; other
   * changes (the selected card, colours) are rendered at once.
   */
  protected scheduleUpdate(): void | Promise<unknown> {
    const index = this.annotations
    if (index && (index !== this.split.index || index.version !== this.split.version)) {
      return afterNextFrame().then(() => super.scheduleUpdate())
    }
    return super.scheduleUpdate()
  }

  protected updated(changed: PropertyValues<this>): void {
    const id = this.selectedAnnotationId
    if (changed.has('selectedAnnotationId') && id) void this.scrollToCard(id)
  }

  /**
   * Brings the selected card into view. A card far from the viewport does not exist yet: the
   * panel first scrolls to where the virtualiser has it (its share of the list's height), the
   * card is rendered there, then scrolled to exactly.
   */
  private async scrollToCard(id: string): Promise<void> {
    const v = this.virtualizer
    const at = this.lists().anchored.findIndex((a) => a.id === id)
    if (!v || at < 0) return
    await v.updateComplete
    const card = () => this.renderRoot.querySelector(`annotation-card[data-id="${CSS.escape(id)}"]`)
    if (!card()) {
      const scroller = scrollParent(v)
      const top = v.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop
      scroller.scrollTop = top + (v.offsetHeight * at) / Math.max(1, this.lists().anchored.length) - scroller.clientHeight / 3
      for (let i = 0; i < 10 && !card(); i++) await new Promise((r) => requestAnimationFrame(r))
    }
    if (this.selectedAnnotationId === id) card()?.scrollIntoView({ block: 'nearest' })
  }

  render() {
    const { anchored, orphans, tags } = this.lists()
    if (!anchored.length && !orphans.length) {
      return html`<p class="empty">No highlights yet. Select a passage in the text — with the mouse, or with Shift and the
        arrow keys — to highlight it, tag it and add a note.</p>`
    }
    const colours = this.palette?.tagColours ?? new Map<string, string>()
    return html`
      ${tags.length
        ? html`<div class="legend" aria-label="Tag colours">
            ${tags.map(
              (t) => html`<label class="chip" title="Change the colour of ${t}" ${cssVars({ '--tag': colours.get(t) })}
                >${t}<input type="color" aria-label="Colour of ${t}" .value=${hexForPicker(colours.get(t) ?? '')}
                @change=${(e: Event) => this.setColour(t, (e.target as HTMLInputElement).value)}
              /></label>`
            )}
          </div>`
        : nothing}
      <p class="count">${anchored.length} ${anchored.length === 1 ? 'highlight' : 'highlights'}</p>
      <lit-virtualizer
        role="list"
        aria-label="Highlights in document order"
        .items=${anchored}
        .keyFunction=${(a: Annotation) => a.id}
        .layout=${LAYOUT}
        .renderItem=${(a: Annotation) => this.renderCard(a)}
      ></lit-virtualizer>
      ${orphans.length
        ? html`<section class="orphans" aria-label="Orphaned highlights">
            <h3>Needs review (${orphans.length})</h3>
            <p class="explain">The text changed and these passages could not be found again. They are kept so you can
              re-create or delete them.</p>
            <ol>${orphans.map((a) => html`<li>${this.renderCard(a)}</li>`)}</ol>
          </section>`
        : nothing}
    `
  }

  private renderCard(a: Annotation) {
    return html`<annotation-card
      role="listitem"
      data-id=${a.id}
      .annotation=${a}
      .colour=${this.palette?.colourOf(a) ?? ''}
      .tagColours=${this.palette?.tagColours ?? new Map()}
      .knownTags=${this.knownTags}
      ?selected=${a.id === this.selectedAnnotationId}
    ></annotation-card>`
  }

  private async setColour(tag: string, color: string): Promise<void> {
    try {
      await this.model?.mutate('setTagColor', { tag, color })
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

/**
 * `<team-curation>`: curation of the open document, as in INCEpTION: each passage where annotators
 * differ, with every annotator's version side by side (tags, linked entities, note, exact span),
 * and "Accept" to copy one version into the curated layer (replacing a curated annotation there).
 * Reads `reads.disputed` through the model; writes with `acceptIntoCuration` (one undoable edit).
 * Offsets shown are code points of the document's text.
 * Properties: `documentId`. Events (bubbling, composed): `marginalia-error`.
 */
import { LitElement, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { DisputedSpan } from '../../shared/api/team'
import type { Annotation } from '../../shared/model'
import { reportError } from '../lib/errors'
import { UseModel } from '../model/model-context'
import { controlStyles } from '../styles/ui-styles'
import { teamStyles } from './team-styles'

@customElement('team-curation')
export class TeamCuration extends LitElement {
  static styles = [controlStyles, teamStyles]
  private readonly use = new UseModel(this, ['reads', 'entities'])
  @property() documentId: string | undefined
  @state() private busy = false

  render() {
    const model = this.use.model
    if (!model || !this.documentId) return html`<section><h3>Curation</h3><p class="muted">Open a document to curate it.</p></section>`
    const r = model.reads.disputed.of(this.documentId).get()
    const spans = r.value ?? []
    return html`<section aria-labelledby="curation-heading">
      <h3 id="curation-heading">Curation${spans.length ? ` (${spans.length} disputed)` : ''}</h3>
      ${r.error ? html`<p class="status">${r.error}</p>` : nothing}
      ${r.value && spans.length === 0 ? html`<p class="muted">The annotators agree everywhere in this document.</p>` : nothing}
      ${spans.map((s) => this.renderSpan(s))}
    </section>`
  }

  private renderSpan(s: DisputedSpan) {
    const authors = Object.keys(s.versions).sort()
    return html`<div class="item disputed" data-start=${s.start} data-end=${s.end}>
      <div class="muted">${s.start}–${s.end}${s.curated ? html` · curated: <strong>${this.summary(s.curated)}</strong>` : ''}</div>
      <div class="sides">
        ${authors.map((author) => html`<div class="side" data-author=${author}>
          <h4>${author}</h4>
          ${s.versions[author].length === 0 ? html`<p>No annotation here</p>` : nothing}
          ${s.versions[author].map((a) => html`<p>“${a.target.exact}” <br />${this.summary(a)}</p>
            <button ?disabled=${this.busy} @click=${() => this.accept(a)}>Accept ${author}’s</button>`)}
        </div>`)}
      </div>
    </div>`
  }

  private summary(a: Annotation): string {
    const entities = a.entityIds.map((id) => this.use.model?.entities.get(id)?.label ?? id)
    return [a.tags.join(', '), entities.join(', '), a.note].filter(Boolean).join(' · ') || '(no tag)'
  }

  private async accept(a: Annotation): Promise<void> {
    const model = this.use.model
    if (!model) return
    this.busy = true
    try {
      await model.mutate('acceptIntoCuration', { annotationId: a.id })
    } catch (err) {
      reportError(this, 'Could not accept into curation', err)
    } finally {
      this.busy = false
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'team-curation': TeamCuration
  }
}

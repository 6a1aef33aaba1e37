/**
 * `<reference-proposals>`: references found in the open document's text (glued after a sentence,
 * author–year, or `[n]` footnotes), each with the claim it supports, the item read from it and
 * its locator. Accept links the claim to the item (creating the item unless it matches one),
 * Edit lets the historian correct the item and locator first, Reject hides the proposal. An
 * accepted proposal stays listed, marked as accepted, without actions.
 *
 * The proposals are a cached read of the model: accepting or rejecting one, or highlighting, updates
 * them in place (no re-extraction); they are read again only when the text or the bibliography changed.
 *
 * Properties: `documentId`.
 * Events (bubbling, composed): `annotation-select` `{ id }` after an accept, `marginalia-error`.
 */
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { ReferenceProposal } from '../../shared/api/citations'
import { itemLabel } from '../../shared/citations/csl-item'
import type { CslItem } from '../../shared/model'
import { reportError } from '../lib/errors'
import { UseModel } from '../model/model-context'
import { controlStyles } from '../styles/ui-styles'

const KIND_LABEL = { glued: 'After a sentence', 'author-year': 'Author–year', footnote: 'Footnote' }

@customElement('reference-proposals')
export class ReferenceProposals extends LitElement {
  static styles = [
    controlStyles,
    css`
      :host { display: block; }
      ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5rem; }
      li { border: 1px solid var(--line); border-radius: 8px; padding: 0.5rem 0.6rem; background: #fff; }
      /* An accepted proposal is done: no actions, a mark, full-contrast text (no dimming: WCAG AA). */
      li.accepted { border-left: 4px solid #2e6b2e; background: #f6faf5; }
      .done { font-size: 0.8rem; color: #2e6b2e; font-weight: 600; margin-top: 0.35rem; text-align: right; }
      .kind { font-size: 0.72rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--ink-soft); }
      .ref { font-weight: 600; word-break: break-word; }
      .claim { font-style: italic; color: var(--ink-soft); font-size: 0.85rem; display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
      .item, .match { font-size: 0.85rem; }
      .actions { display: flex; gap: 0.35rem; justify-content: flex-end; margin-top: 0.35rem; }
      .empty { color: var(--ink-soft); font-style: italic; }
    `
  ]

  @property() documentId: string | undefined
  @state() private editing: string | undefined
  @state() private busy = false
  private readonly use = new UseModel(this, ['reads'])

  render() {
    if (!this.documentId) return html`<p class="empty">Open a document to see the references in its text.</p>`
    const read = this.use.model?.reads.proposals.of(this.documentId).get()
    if (read?.error) return html`<p class="empty" role="alert">Could not read the references of this text: ${read.error}</p>`
    const proposals = read?.value ?? []
    const shown = proposals.filter((p) => p.item || p.match)
    const empty = proposals.length - shown.length
    if (!read?.value && read?.loading) return html`<p class="empty">Looking for references…</p>`
    return html`
      ${shown.length === 0 ? html`<p class="empty">No references found in this text.</p>` : nothing}
      <ol>${shown.map((p) => this.renderProposal(p))}</ol>
      ${empty ? html`<p class="empty">${empty} footnote marker(s) point to empty notes.</p>` : nothing}
    `
  }

  private renderProposal(p: ReferenceProposal) {
    const what = p.match ? `Matches: ${p.match.label}` : p.item ? itemLabel(p.item) : ''
    return html`<li class=${p.accepted ? 'accepted' : ''} data-proposal-id=${p.id}>
      <div class="kind">${KIND_LABEL[p.kind]}${p.note ? ` [${p.note.number}]` : ''}${p.accepted ? ' · accepted' : ''}</div>
      <div class="ref">${p.kind === 'footnote' && p.note ? p.note.exact : p.exact}</div>
      <div class="claim" title=${p.claim.exact}>“${p.claim.exact}”</div>
      <div class=${p.match ? 'match' : 'item'}>${what}${p.locator ? html` · <span class="locator">${p.locator}</span>` : nothing}${p.partial ? ' · partial' : ''}</div>
      ${p.accepted
        ? html`<div class="done" role="status">✓ Accepted: the claim is a highlight citing this item</div>`
        : this.editing === p.id
        ? html`<citation-form
            .item=${(p.item ?? { id: '', type: 'book' }) as CslItem}
            withLocator
            .locator=${p.locator ?? ''}
            submitLabel="Accept"
            @citation-form-submit=${(e: CustomEvent<{ item: CslItem; locator?: string }>) => this.accept(p, e.detail)}
            @citation-form-cancel=${() => (this.editing = undefined)}
          ></citation-form>`
        : html`<div class="actions">
            <button class="quiet danger" ?disabled=${this.busy} @click=${() => this.reject(p)}>Reject</button>
            <button ?disabled=${this.busy} @click=${() => (this.editing = p.id)}>Edit</button>
            <button class="primary" ?disabled=${this.busy} @click=${() => this.accept(p)}>Accept</button>
          </div>`}
    </li>`
  }

  private async accept(p: ReferenceProposal, edited?: { item: CslItem; locator?: string }): Promise<void> {
    if (!this.documentId) return
    this.busy = true
    try {
      const r = await this.use.model!.mutate('acceptReference', { documentId: this.documentId, proposalId: p.id, ...(edited ?? {}) })
      this.editing = undefined
      this.dispatchEvent(new CustomEvent('annotation-select', { detail: { id: r.annotation.id }, bubbles: true, composed: true }))
    } catch (err) {
      reportError(this, 'Could not accept the reference', err)
    } finally {
      this.busy = false
    }
  }

  private async reject(p: ReferenceProposal): Promise<void> {
    if (!this.documentId) return
    try {
      await this.use.model!.mutate('rejectReference', { documentId: this.documentId, proposalId: p.id })
    } catch (err) {
      reportError(this, 'Could not reject the reference', err)
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reference-proposals': ReferenceProposals
  }
}

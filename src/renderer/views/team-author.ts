/**
 * `<team-author>`: who this window records as creator and last modifier of what it writes: a
 * name and an optional ORCID iD (checked by the services), optionally remembered as this
 * computer's default. Reads the author through the model (`reads.author`), writes with `setAuthor`.
 * Events (bubbling, composed): `marginalia-error`.
 */
import { LitElement, html } from 'lit'
import { customElement, query, state } from 'lit/decorators.js'
import { reportError } from '../lib/errors'
import { UseModel } from '../model/model-context'
import { controlStyles } from '../styles/ui-styles'
import { teamStyles } from './team-styles'

@customElement('team-author')
export class TeamAuthor extends LitElement {
  static styles = [controlStyles, teamStyles]
  private readonly use = new UseModel(this, ['reads'])
  @state() private saved = ''
  @query('#author-name') private nameInput!: HTMLInputElement
  @query('#author-orcid') private orcidInput!: HTMLInputElement
  @query('#author-remember') private remember!: HTMLInputElement

  render() {
    const author = this.use.model?.reads.author.get().value
    return html`<section aria-labelledby="author-heading">
      <h3 id="author-heading">You are</h3>
      <form @submit=${this.save}>
        <label>Name <input id="author-name" name="name" required .value=${author?.name ?? ''} /></label>
        <label>ORCID iD <input id="author-orcid" name="orcid" placeholder="0000-0002-1825-0097" .value=${author?.orcid ?? ''} /></label>
        <label><input type="checkbox" id="author-remember" /> Remember on this computer</label>
        <div class="row"><button type="submit">Set author</button></div>
      </form>
      <p class="status" role="status">${this.saved}</p>
    </section>`
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault()
    const model = this.use.model
    if (!model) return
    const orcid = this.orcidInput.value.trim()
    try {
      const p = await model.mutate('setAuthor', { name: this.nameInput.value, ...(orcid ? { orcid } : {}), remember: this.remember.checked })
      model.reads.author.invalidate()
      model.changed('reads')
      this.saved = `New edits are recorded as ${p.name}${p.orcid ? ` (ORCID ${p.orcid})` : ''}.`
    } catch (err) {
      this.saved = ''
      reportError(this, 'Could not set the author', err)
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'team-author': TeamAuthor
  }
}

/**
 * `<team-panel>`: the Team tab: who you are (author with ORCID), sync through git (credentials
 * asked for and kept in memory only), the merge conflicts waiting for review, and curation of the
 * open document. Properties: `documentId` (the open document).
 */
import { LitElement, html } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { teamStyles } from './team-styles'

@customElement('team-panel')
export class TeamPanel extends LitElement {
  static styles = [teamStyles]
  @property() documentId: string | undefined

  render() {
    return html`<team-author></team-author>
      <team-sync></team-sync>
      <team-conflicts></team-conflicts>
      <team-curation .documentId=${this.documentId}></team-curation>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'team-panel': TeamPanel
  }
}

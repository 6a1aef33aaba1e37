/**
 * `<team-panel>`: the Team tab: who you are (author with ORCID), sync through git (credentials
 * asked for and kept in memory only), the history of the selected annotation, the open document or
 * the project with restore, the merge conflicts waiting for review, agreement between annotators
 * and curation of the open document.
 * Properties: `documentId` (the open document), `annotationId` (the selected annotation).
 */
import { LitElement, html } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { teamStyles } from './team-styles'

@customElement('team-panel')
export class TeamPanel extends LitElement {
  static styles = [teamStyles]
  @property() documentId: string | undefined
  @property() annotationId: string | undefined

  render() {
    return html`<team-author></team-author>
      <team-sync></team-sync>
      <team-history .documentId=${this.documentId} .annotationId=${this.annotationId}></team-history>
      <team-conflicts></team-conflicts>
      <team-agreement .documentId=${this.documentId}></team-agreement>
      <team-curation .documentId=${this.documentId}></team-curation>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'team-panel': TeamPanel
  }
}

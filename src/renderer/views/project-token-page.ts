/**
 * `<project-token-page>`: what a browser shows when it opened the served address without the
 * session key the server printed (or with a key of an earlier run): one page saying which address
 * to open, instead of error banners over an empty-looking project.
 * Property: `refused` (a key was given but the server did not accept it).
 */
import { LitElement, css, html } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { controlStyles } from '../styles/ui-styles'

@customElement('project-token-page')
export class ProjectTokenPage extends LitElement {
  static styles = [
    controlStyles,
    css`
      :host { display: grid; place-items: center; min-height: 100vh; background: #f6f3ee; color: var(--ink);
        font-family: -apple-system, 'Segoe UI', 'Helvetica Neue', 'Liberation Sans', Arial, sans-serif; }
      main { max-width: 38rem; background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 1.5rem 1.8rem; margin: 1rem; }
      h1 { font-size: 1.3rem; margin: 0 0 0.8rem; color: var(--accent); }
      p { line-height: 1.5; margin: 0.6rem 0; }
      pre { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem 0.7rem; font-size: 0.85rem; white-space: pre-wrap; word-break: break-all; }
    `
  ]

  @property({ type: Boolean }) refused = false

  render() {
    return html`<main>
      <h1>Open the address the server printed</h1>
      <p>${this.refused
        ? 'This page carries a key the running Marginalia server does not accept (the server was probably restarted since).'
        : 'This page was opened without the key that lets it read and change your project.'}
        In the terminal where Marginalia is serving, find the line starting with <strong>Open</strong> and open that whole address; it ends with <code>?token=</code> and the key:</p>
      <pre>Marginalia is serving /path/to/your/project
Open http://127.0.0.1:PORT/?token=…</pre>
      <p>Only someone who can read that terminal can open the project: the server listens on this computer only.</p>
      <p>Not running? Start it with <code>npm run serve</code> (or <code>npm run cli -- serve --project FOLDER</code>).</p>
    </main>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'project-token-page': ProjectTokenPage
  }
}

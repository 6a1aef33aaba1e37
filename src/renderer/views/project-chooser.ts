/**
 * `<project-chooser>`: the project chooser, the same in the desktop window and the browser
 * (`serve`). A modal dialog listing where the open project lives, the recent projects, a folder
 * field to open a project or create a new one, and the sample project with its folder. Creating
 * always asks first ("… holds no project. Create one there?"), so a mistyped folder never becomes
 * an empty project. Errors show next to the folder field, in words.
 *
 * Everything goes through the model (`model.projects`); after a switch the model reads the new
 * project. Events (bubbling, composed): `close`, `project-opened` `{ name, path, created }`.
 */
import { LitElement, css, html, nothing } from 'lit'
import { customElement, query, state } from 'lit/decorators.js'
import type { OpenedProject, ProjectsOverview } from '../../shared/api/projects'
import { ModalController } from '../dom/modal-controller'
import { errorMessage } from '../lib/errors'
import { UseModel } from '../model/model-context'
import { controlStyles, dialogStyles } from '../styles/ui-styles'

/** What the folder field is waiting for: a confirmation to create a project in `path`. */
interface PendingCreate {
  path: string
  why: string
}

@customElement('project-chooser')
export class ProjectChooser extends LitElement {
  static styles = [
    controlStyles,
    dialogStyles,
    css`
      :host { --dialog-width: 40rem; }
      h3 { margin: 1rem 0 0.4rem; font-size: 0.95rem; }
      .where, .path { font-family: ui-monospace, 'DejaVu Sans Mono', monospace; font-size: 0.8rem; word-break: break-all; color: var(--ink-soft); }
      ul { list-style: none; margin: 0; padding: 0; }
      li { display: flex; gap: 0.6rem; align-items: baseline; padding: 0.25rem 0; border-bottom: 1px solid var(--line); }
      li .name { font-weight: 600; min-width: 8rem; }
      li .path { flex: 1; }
      .row { display: flex; gap: 0.5rem; align-items: center; }
      .row input { flex: 1; }
      .error { color: var(--danger); font-size: 0.88rem; margin: 0.35rem 0 0; }
      .confirm { border: 1px solid #d8c5b3; background: var(--accent-soft); border-radius: 8px; padding: 0.6rem 0.8rem; margin-top: 0.5rem; font-size: 0.9rem; }
      .confirm .row { margin-top: 0.4rem; }
      .actions { display: flex; justify-content: flex-end; margin-top: 1rem; }
      .gone { color: var(--ink-soft); font-size: 0.8rem; }
      p { font-size: 0.9rem; margin: 0.3rem 0; }
    `
  ]

  private readonly use = new UseModel(this, ['project'])
  @query('dialog') private dialog!: HTMLDialogElement
  @query('#folder') private folderInput!: HTMLInputElement
  protected readonly modal = new ModalController(this, { container: () => this.dialog, onEscape: () => this.close() })

  @state() private overview: ProjectsOverview | undefined
  @state() private folder = ''
  @state() private name = ''
  @state() private error = ''
  @state() private pending: PendingCreate | undefined
  @state() private busy = false

  connectedCallback(): void {
    super.connectedCallback()
    void this.load()
  }

  protected updated(): void {
    if (this.dialog && !this.dialog.open) this.dialog.showModal()
  }

  private async load(): Promise<void> {
    await this.updateComplete // the model arrives by context on the first update
    try {
      this.overview = await this.use.model?.projects.overview()
    } catch (err) {
      this.error = `Could not list the projects: ${errorMessage(err)}`
    }
  }

  render() {
    const o = this.overview
    return html`<dialog aria-labelledby="projects-title" @cancel=${(e: Event) => e.preventDefault()}>
      <h2 id="projects-title">Projects</h2>
      ${o
        ? html`<p>Open now: <strong>${o.current.name}</strong></p>
            <p class="where" data-testid="current-path">${o.current.path}</p>`
        : html`<p>Loading…</p>`}
      ${o && !o.canSwitch
        ? html`<p>This window serves one project. Start another with <code>npm run cli -- serve --project FOLDER</code>.</p>`
        : o
          ? this.renderSwitching(o)
          : nothing}
      <div class="actions"><button @click=${this.close}>Close</button></div>
    </dialog>`
  }

  private renderSwitching(o: ProjectsOverview) {
    const others = o.recent.filter((r) => r.path !== o.current.path)
    return html`
      <h3 id="recent-title">Recent projects</h3>
      ${others.length
        ? html`<ul aria-labelledby="recent-title">
            ${others.map(
              (r) => html`<li>
                <span class="name">${r.name}</span><span class="path">${r.path}</span>
                ${r.exists
                  ? html`<button ?disabled=${this.busy} @click=${() => this.open(r.path)} aria-label=${`Open ${r.name} (${r.path})`}>Open</button>`
                  : html`<span class="gone">folder gone</span>`}
              </li>`
            )}
          </ul>`
        : html`<p class="gone">None yet: projects you open appear here.</p>`}
      <h3>Open or create a project</h3>
      <label for="folder">Project folder (full path, or starting with ~/)</label>
      <div class="row">
        <input id="folder" autocomplete="off" spellcheck="false" placeholder="/home/you/Research/Gibbon" .value=${this.folder}
          aria-invalid=${this.error ? 'true' : 'false'} aria-describedby=${this.error ? 'folder-error' : nothing}
          @input=${(e: Event) => this.edit((e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.open(this.folder)} />
        <button ?disabled=${this.busy || !this.folder.trim()} @click=${() => this.open(this.folder)}>Open</button>
        <button ?disabled=${this.busy || !this.folder.trim()} @click=${() => this.askCreate(this.folder.trim(), 'A new project will be made')}>New project…</button>
      </div>
      ${this.error ? html`<p class="error" id="folder-error" role="alert">${this.error}</p>` : nothing}
      ${this.pending ? this.renderConfirm(this.pending) : nothing}
      <h3>Sample project</h3>
      <p>The seed article and a Gibbon excerpt, to try things on. It lives in</p>
      <p class="where" data-testid="sample-path">${o.samplePath}</p>
      <div class="row"><button ?disabled=${this.busy || o.samplePath === o.current.path} @click=${this.openSample}>Open the sample project</button></div>
      <p class="gone">Marginalia keeps the sample and this list in <span class="path">${o.dataDir}</span>.</p>
    `
  }

  private renderConfirm(p: PendingCreate) {
    return html`<div class="confirm" role="group" aria-labelledby="confirm-text">
      <p id="confirm-text">${p.why} in <span class="path">${p.path}</span>. Create a new project there?</p>
      <label for="new-name">Name of the new project</label>
      <div class="row">
        <input id="new-name" .value=${this.name} @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.create()} />
        <button class="primary" ?disabled=${this.busy} @click=${this.create}>Create project</button>
        <button ?disabled=${this.busy} @click=${this.cancelCreate}>Cancel</button>
      </div>
    </div>`
  }

  private edit(value: string): void {
    this.folder = value
    this.error = ''
    this.pending = undefined
  }

  private askCreate(path: string, why: string): void {
    this.pending = { path, why }
    this.error = ''
    this.name = path.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? ''
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#new-name')?.focus())
  }

  private cancelCreate = (): void => {
    this.pending = undefined
    this.folderInput?.focus()
  }

  private async open(path: string): Promise<void> {
    const folder = path.trim()
    if (!folder || this.busy) return
    await this.run(async (m) => {
      try {
        return await m.projects.open(folder)
      } catch (err) {
        // A folder with no project: ask before making one (never silently).
        if ((err as { code?: string }).code === 'not-found') {
          this.folder = folder
          this.askCreate(folder, /no such project folder/.test(errorMessage(err)) ? 'There is no folder yet' : 'This folder holds no Marginalia project')
          return undefined
        }
        throw err
      }
    })
  }

  private create = async (): Promise<void> => {
    const p = this.pending
    if (!p) return
    await this.run((m) => m.projects.open(p.path, { create: true, name: this.name.trim() || undefined }))
  }

  private openSample = (): Promise<void> => this.run((m) => m.projects.openSample())

  private async run(fn: (m: NonNullable<UseModel['model']>) => Promise<OpenedProject | undefined>): Promise<void> {
    const m = this.use.model
    if (!m) return
    this.busy = true
    this.error = ''
    try {
      const opened = await fn(m)
      if (!opened) return
      this.pending = undefined
      this.dispatchEvent(new CustomEvent('project-opened', { detail: opened, bubbles: true, composed: true }))
      this.close()
    } catch (err) {
      this.error = errorMessage(err)
      void this.updateComplete.then(() => this.folderInput?.focus())
    } finally {
      this.busy = false
    }
  }

  private close = (): void => {
    this.dispatchEvent(new CustomEvent('close', { bubbles: true, composed: true }))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'project-chooser': ProjectChooser
  }
}

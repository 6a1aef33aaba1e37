/**
 * `<team-sync>`: "Sync" (save a version, pull, merge, push) with the remote the historian names,
 * and "Merge a copy" from another clone on disk. Both run as jobs with Cancel. When the git server
 * wants credentials (`forbidden`), a dialog asks for a user name and a password or token; they are
 * kept **in this window's memory only** (never written to the project, git config or disk; no OS
 * keychain is used), passed with each sync call, and dropped with "Forget" or when the window closes.
 * After a merge with conflicts, the conflict list (team-conflicts) shows them.
 * Events (bubbling, composed): `marginalia-error`.
 */
import { LitElement, html, nothing } from 'lit'
import { customElement, query, state } from 'lit/decorators.js'
import type { SyncResult } from '../../shared/api/team'
import { errorMessage, reportError } from '../lib/errors'
import { UseModel } from '../model/model-context'
import { controlStyles } from '../styles/ui-styles'
import { teamStyles } from './team-styles'

/** What a sync or merge did, in a sentence. */
export function describeSync(r: SyncResult): string {
  const parts = [
    r.saved ? `saved version ${r.saved.slice(0, 7)}` : 'nothing new to save',
    r.pulled === 'nothing' ? 'nothing to pull' : r.pulled === 'fast-forward' ? 'took the remote version' : `merged (${r.changedRecords} records changed)`,
    r.conflicts.length ? `${r.conflicts.length} conflict${r.conflicts.length === 1 ? '' : 's'} to review` : 'no conflicts',
    r.pushed ? 'pushed' : 'not pushed'
  ]
  return parts.join(' · ')
}

@customElement('team-sync')
export class TeamSync extends LitElement {
  static styles = [controlStyles, teamStyles]
  private readonly use = new UseModel(this, ['jobs'])
  @state() private status = ''
  @state() private busy = false
  /** Held in memory only, for this window's sync calls. */
  private credentials: { username: string; password: string } | undefined
  private abort: AbortController | undefined
  @query('#sync-remote') private remote!: HTMLInputElement
  @query('#sync-message') private message!: HTMLInputElement
  @query('#merge-path') private mergePath!: HTMLInputElement
  @query('dialog') private dialog!: HTMLDialogElement

  render() {
    return html`<section aria-labelledby="sync-heading">
      <h3 id="sync-heading">Share through git</h3>
      <label>Remote <input id="sync-remote" placeholder="https://git.example.org/seminar.git (once)" /></label>
      <label>Message <input id="sync-message" placeholder="Checked chapter LXIV" /></label>
      <div class="row">
        <button id="sync-button" ?disabled=${this.busy} @click=${() => this.sync()}>Sync</button>
        ${this.busy ? html`<button @click=${() => this.abort?.abort()}>Cancel</button>` : nothing}
        ${this.credentials ? html`<button @click=${this.forget} title="Drop the user name and token held in memory">Forget credentials</button>` : nothing}
      </div>
      <label>Merge a copy on disk <input id="merge-path" placeholder="/media/usb/seminar" /></label>
      <div class="row"><button id="merge-button" ?disabled=${this.busy} @click=${this.mergeFolder}>Merge</button></div>
      <p class="status" role="status">${this.status}</p>
      <dialog aria-labelledby="cred-heading">
        <form method="dialog" @submit=${this.submitCredentials}>
          <h3 id="cred-heading">The git server wants credentials</h3>
          <p class="muted">Kept in this window's memory only, for this session; never saved.</p>
          <label>User name <input id="cred-user" name="username" autocomplete="username" required /></label>
          <label>Password or token <input id="cred-password" name="password" type="password" autocomplete="current-password" required /></label>
          <div class="row"><button type="submit" id="cred-ok">Sync</button><button type="button" @click=${() => this.dialog.close()}>Cancel</button></div>
        </form>
      </dialog>
    </section>`
  }

  private async sync(): Promise<void> {
    const model = this.use.model
    if (!model) return
    const remote = this.remote.value.trim()
    const message = this.message.value.trim()
    await this.run('Sync', () =>
      model.runJob('syncProject', { ...(remote ? { remote } : {}), ...(message ? { message } : {}), ...(this.credentials ?? {}) }, { signal: this.abort!.signal })
    )
  }

  private mergeFolder = async (): Promise<void> => {
    const model = this.use.model
    const path = this.mergePath.value.trim()
    if (!model || !path) return
    await this.run('Merge', () => model.runJob('mergeFromFolder', { path }, { signal: this.abort!.signal }))
  }

  private async run(what: string, work: () => Promise<SyncResult>): Promise<void> {
    this.busy = true
    this.abort = new AbortController()
    this.status = `${what}…`
    try {
      const r = await work()
      this.status = `${what}: ${describeSync(r)}.`
      this.use.model?.reads.conflicts.invalidate()
      this.use.model?.reads.versions.invalidateAll() // a version was saved or merged
      this.use.model?.changed('reads')
    } catch (err) {
      const code = (err as { code?: string }).code
      if (code === 'forbidden' && what === 'Sync') {
        this.credentials = undefined
        this.status = errorMessage(err)
        this.dialog.showModal()
      } else if (code === 'cancelled') this.status = `${what} cancelled.`
      else {
        this.status = ''
        reportError(this, `Could not ${what.toLowerCase()}`, err)
      }
    } finally {
      this.busy = false
    }
  }

  private submitCredentials = (e: SubmitEvent): void => {
    const form = e.target as HTMLFormElement
    const data = new FormData(form)
    this.credentials = { username: String(data.get('username') ?? ''), password: String(data.get('password') ?? '') }
    form.reset()
    void this.sync()
  }

  private forget = (): void => {
    this.credentials = undefined
    this.status = 'Credentials forgotten.'
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'team-sync': TeamSync
  }
}

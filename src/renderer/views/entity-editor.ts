/**
 * `<entity-editor>`: the form that creates an entity or edits one: type, label, aliases (one per
 * line), description, authority ids (Wikidata, VIAF, GeoNames, Pleiades, GND, LoC; bare id or
 * URL), EDTF dates and coordinates. The service validates every field; its message (e.g. the
 * expected form of a malformed id) is shown in words under the field it is about (lib/field-errors.ts),
 * that field is marked invalid and focused, and nothing is saved. Editing a field clears its message.
 *
 * Properties: `entity` (absent: a new entity). Events (bubbling, composed): `editor-close`
 * `{ id? }` after saving or cancelling.
 */
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { consume } from '@lit/context'
import { AUTHORITY_RULES, AUTHORITY_SCHEMES } from '../../shared/entities/authority'
import type { Entity, EntityType } from '../../shared/model'
import { ENTITY_TYPES } from '../../shared/model'
import { errorMessage } from '../lib/errors'
import { entityField, fieldError } from '../lib/field-errors'
import { modelContext } from '../model/model-context'
import type { ProjectModel } from '../model/project-model'
import { controlStyles } from '../styles/ui-styles'

const DATE_FIELDS = ['date', 'birth', 'death', 'start', 'end'] as const

@customElement('entity-editor')
export class EntityEditor extends LitElement {
  static styles = [
    controlStyles,
    css`
      :host { display: block; font-size: 0.85rem; }
      form { display: grid; grid-template-columns: auto 1fr; gap: 0.3rem 0.5rem; align-items: center; }
      label { color: var(--ink-soft); }
      .wide { grid-column: 1 / -1; }
      .actions { grid-column: 1 / -1; display: flex; justify-content: flex-end; gap: 0.4rem; }
      .error { grid-column: 1 / -1; color: var(--danger); margin: 0; }
      .error.field { grid-column: 2; font-size: 0.8rem; margin: -0.1rem 0 0.2rem; }
      [aria-invalid='true'] { border-color: var(--danger); }
      .coords { display: flex; gap: 0.3rem; }
      .coords input { width: 6rem; }
    `
  ]

  @consume({ context: modelContext }) model: ProjectModel | undefined
  @property({ attribute: false }) entity: Entity | undefined
  /** Messages by field key (`label`, `auth-wikidata`, `date-birth`, `coordinates`, `form`). */
  @state() private errors: Record<string, string> = {}
  @state() private busy = false

  /** The message under `field`, if any. */
  private err(field: string) {
    const m = this.errors[field]
    return m ? html`<span></span><p class="error field" id=${`err-${field}`}>${m}</p>` : nothing
  }

  /** aria-invalid / aria-describedby of a field's input. */
  private invalid(field: string): 'true' | 'false' {
    return this.errors[field] ? 'true' : 'false'
  }

  private described(field: string): string | typeof nothing {
    return this.errors[field] ? `err-${field}` : nothing
  }

  /** Editing a field clears its message (the field's key from the input's name). */
  private onInput(e: Event): void {
    const name = (e.target as HTMLInputElement).name
    const key = name === 'lat' || name === 'lon' ? 'coordinates' : name
    if (!this.errors[key] && !this.errors.form) return
    const { [key]: _gone, form: _form, ...rest } = this.errors
    this.errors = rest
  }

  render() {
    const e = this.entity
    const auth = (scheme: string) => e?.authorities.find((a) => a.scheme === scheme)?.id ?? ''
    const field = (key: string) => ({ invalid: this.invalid(key), described: this.described(key) })
    const label = field('label')
    const coords = field('coordinates')
    return html`<form aria-label=${e ? `Edit ${e.label}` : 'New entity'} @submit=${this.save} @input=${this.onInput} novalidate>
      <label for="type">Type</label>
      <select id="type" name="type">${ENTITY_TYPES.map((t) => html`<option value=${t} ?selected=${t === (e?.type ?? 'person')}>${t}</option>`)}</select>
      <label for="label">Label</label><input id="label" name="label" required aria-invalid=${label.invalid} aria-describedby=${label.described} .value=${e?.label ?? ''} />
      ${this.err('label')}
      <label for="aliases">Aliases</label><textarea id="aliases" name="aliases" rows="2" placeholder="one per line" .value=${e?.aliases.join('\n') ?? ''}></textarea>
      <label for="description">Description</label><textarea id="description" name="description" rows="2" .value=${e?.description ?? ''}></textarea>
      ${AUTHORITY_SCHEMES.map((s) => {
        const f = field(`auth-${s}`)
        return html`<label for=${`auth-${s}`}>${AUTHORITY_RULES[s].name}</label>
          <input id=${`auth-${s}`} name=${`auth-${s}`} placeholder=${AUTHORITY_RULES[s].expected} aria-invalid=${f.invalid} aria-describedby=${f.described} .value=${auth(s)} />
          ${this.err(`auth-${s}`)}`
      })}
      ${DATE_FIELDS.map((k) => {
        const f = field(`date-${k}`)
        return html`<label for=${`date-${k}`}>${k} (EDTF)</label>
          <input id=${`date-${k}`} name=${`date-${k}`} placeholder=${k === 'date' ? '1390-04-14, 1400~, 1403/1408' : ''} aria-invalid=${f.invalid} aria-describedby=${f.described} .value=${e?.dates[k] ?? ''} />
          ${this.err(`date-${k}`)}`
      })}
      <label>Lat, lon</label>
      <span class="coords">
        <input name="lat" aria-label="Latitude" inputmode="decimal" aria-invalid=${coords.invalid} aria-describedby=${coords.described} .value=${e?.coordinates ? String(e.coordinates.lat) : ''} />
        <input name="lon" aria-label="Longitude" inputmode="decimal" aria-invalid=${coords.invalid} aria-describedby=${coords.described} .value=${e?.coordinates ? String(e.coordinates.lon) : ''} />
      </span>
      ${this.err('coordinates')}
      ${this.errors.form ? html`<p class="error" role="alert">${this.errors.form}</p>` : nothing}
      <div class="actions">
        <button type="button" class="quiet" @click=${() => this.close()}>Cancel</button>
        <button type="submit" class="primary" ?disabled=${this.busy}>${e ? 'Save' : 'Create'}</button>
      </div>
    </form>`
  }

  private async save(ev: Event): Promise<void> {
    ev.preventDefault()
    const form = new FormData(ev.target as HTMLFormElement)
    const text = (name: string) => String(form.get(name) ?? '').trim()
    const lat = text('lat')
    const lon = text('lon')
    if ((lat === '') !== (lon === '') || (lat && (!Number.isFinite(Number(lat)) || !Number.isFinite(Number(lon))))) {
      return this.showErrors({ coordinates: 'Give both latitude and longitude, in decimal degrees (e.g. 40.64, 22.94).' })
    }
    const fields = {
      type: text('type') as EntityType,
      label: text('label'),
      aliases: text('aliases').split('\n').map((a) => a.trim()).filter(Boolean),
      description: text('description'),
      authorities: AUTHORITY_SCHEMES.filter((s) => text(`auth-${s}`)).map((s) => ({ scheme: s, id: text(`auth-${s}`) })),
      dates: Object.fromEntries(DATE_FIELDS.map((k) => [k, text(`date-${k}`)]))
    }
    const coordinates = lat ? { lat: Number(lat), lon: Number(lon) } : undefined
    this.busy = true
    try {
      const saved = this.entity
        ? await this.model!.mutate('updateEntity', { id: this.entity.id, ...fields, coordinates: coordinates ?? null })
        : await this.model!.mutate('createEntity', { ...fields, dates: Object.fromEntries(Object.entries(fields.dates).filter(([, v]) => v)), coordinates })
      this.errors = {}
      this.close(saved.id)
    } catch (err) {
      const schemes = fields.authorities.map((a) => a.scheme)
      const found = fieldError(errorMessage(err), (path) => entityField(path, schemes))
      this.showErrors({ [found.field]: found.message })
    } finally {
      this.busy = false
    }
  }

  /** Shows `errors` (replacing earlier ones) and focuses the first field with a message. */
  private showErrors(errors: Record<string, string>): void {
    this.errors = errors
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
  }

  private close(id?: string): void {
    this.dispatchEvent(new CustomEvent('editor-close', { detail: { id }, bubbles: true, composed: true }))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'entity-editor': EntityEditor
  }
}

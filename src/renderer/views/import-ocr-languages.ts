/**
 * `<import-ocr-languages>`: which languages OCR reads scanned pages in (images, PDF pages without
 * a text layer), next to "Import…". Offers the languages whose tesseract data ships with the app
 * (`listOcrLanguages`, a cached read of the model: offline, nothing is downloaded), as checkboxes
 * in a disclosure (`<details>`: Enter or Space opens it); at least one stays chosen. The choice is
 * remembered in this browser profile (localStorage) and used for every import until changed.
 *
 * Properties: `value` (tesseract codes, e.g. `['eng', 'lat']`).
 * Events (bubbling, composed): `ocr-languages-change` `{ languages }` when the historian changes it.
 */
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { UseModel } from '../model/model-context'
import { controlStyles } from '../styles/ui-styles'

/** Names of tesseract's language codes, for those the npm registry ships (others show their code). */
const NAMES: Record<string, string> = {
  eng: 'English', lat: 'Latin', ell: 'Greek (modern)', grc: 'Greek (ancient)', fra: 'French', deu: 'German',
  ita: 'Italian', spa: 'Spanish', por: 'Portuguese', nld: 'Dutch', rus: 'Russian', ara: 'Arabic', heb: 'Hebrew', tur: 'Turkish'
}

/** A language's name as shown (`ell` → "Greek (modern)"). */
export const ocrLanguageName = (code: string): string => NAMES[code] ?? code

const STORE_KEY = 'marginalia.ocrLanguages'

/** The languages chosen last time in this profile, among `installed`; `['eng']` (or the first installed) otherwise. */
export function rememberedOcrLanguages(installed: readonly string[] | undefined): string[] {
  let saved: unknown
  try {
    saved = JSON.parse(localStorage.getItem(STORE_KEY) ?? 'null')
  } catch {
    saved = null
  }
  const list = Array.isArray(saved) ? saved.filter((c): c is string => typeof c === 'string' && (!installed || installed.includes(c))) : []
  if (list.length) return list
  return !installed || installed.includes('eng') ? ['eng'] : installed.slice(0, 1)
}

@customElement('import-ocr-languages')
export class ImportOcrLanguages extends LitElement {
  static styles = [
    controlStyles,
    css`
      :host { display: inline-block; position: relative; font-size: 0.82rem; }
      summary { cursor: pointer; color: var(--ink-soft); padding: 0.25rem 0.4rem; border-radius: 6px; list-style: none; white-space: nowrap; }
      summary::-webkit-details-marker { display: none; }
      summary::after { content: ' ▾'; }
      details[open] summary { background: var(--accent-soft); }
      fieldset { position: absolute; z-index: 20; top: 100%; left: 0; margin: 0.2rem 0 0; min-width: 14rem; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 0.4rem 0.6rem; box-shadow: 0 4px 14px rgba(0, 0, 0, 0.12); }
      legend { font-size: 0.75rem; color: var(--ink-soft); padding: 0 0.2rem; }
      fieldset label { display: flex; gap: 0.4rem; align-items: center; text-transform: none; letter-spacing: 0; font-size: 0.85rem; color: var(--ink); margin: 0.25rem 0; }
      input[type='checkbox'] { width: auto; margin: 0; }
      .hint { font-size: 0.75rem; color: var(--ink-soft); margin: 0.3rem 0 0; }
    `
  ]

  @property({ attribute: false }) value: string[] = ['eng']
  private readonly use = new UseModel(this, ['reads'])

  render() {
    const read = this.use.model?.reads.ocrLanguages.get()
    const installed = read?.value ?? []
    const names = this.value.map(ocrLanguageName).join(' + ')
    return html`<details @keydown=${this.onKeyDown}>
      <summary aria-label=${`OCR languages for scanned pages: ${names}`} title="Languages OCR reads scanned pages in">OCR: ${names}</summary>
      <fieldset>
        <legend>Scanned pages are read in</legend>
        ${read?.error ? html`<p class="hint" role="alert">Could not list the OCR languages: ${read.error}</p>` : nothing}
        ${installed.map((code) => {
          const on = this.value.includes(code)
          return html`<label><input type="checkbox" .checked=${on} ?disabled=${on && this.value.length === 1} data-lang=${code}
            @change=${(e: Event) => this.toggle(code, (e.target as HTMLInputElement).checked)} />${ocrLanguageName(code)} <span class="hint">${code}</span></label>`
        })}
        <p class="hint">Choose every language the scan is written in (each one more makes OCR slower). Installed with the app; nothing is downloaded.</p>
      </fieldset>
    </details>`
  }

  private toggle(code: string, on: boolean): void {
    const installed = this.use.model?.reads.ocrLanguages.get().value ?? []
    const next = installed.filter((c) => (c === code ? on : this.value.includes(c)))
    if (!next.length) return
    this.value = next
    try {
      localStorage.setItem(STORE_KEY, JSON.stringify(next))
    } catch {
      // A profile without storage only forgets the choice at the next start.
    }
    this.dispatchEvent(new CustomEvent('ocr-languages-change', { detail: { languages: next }, bubbles: true, composed: true }))
  }

  /** Escape closes the list and gives the keyboard back to its summary. */
  private onKeyDown(e: KeyboardEvent): void {
    const details = e.currentTarget as HTMLDetailsElement
    if (e.key !== 'Escape' || !details.open) return
    e.stopPropagation()
    details.open = false
    details.querySelector('summary')?.focus()
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'import-ocr-languages': ImportOcrLanguages
  }
}

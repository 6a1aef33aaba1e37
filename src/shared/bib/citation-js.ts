/**
 * The one typed door to citation-js 0.8.2 (@citation-js/core + plugin-bibtex/-ris/-csl), which
 * ships no TypeScript types. Everything else in Marginalia goes through these functions.
 * citation-js is pure JavaScript (no file or network access on the paths used here), so this
 * module stays in src/shared; CSL styles and locales are handed in as XML strings by the caller.
 */
import { Cite, plugins } from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-ris'
import '@citation-js/plugin-csl'
import type { CslItem } from '../model'

/** Input types of citation-js this module uses. */
type InputType = '@biblatex/text' | '@ris/file'

function parseAs(text: string, type: InputType): CslItem[] {
  // generateGraph:false skips citation-js's provenance graph (`_graph`), which we never store.
  const out = plugins.input.chain(text, { forceType: type, generateGraph: false }) as CslItem[]
  return Array.isArray(out) ? out : []
}

/**
 * Parses BibTeX or BibLaTeX text (citation-js reads both with one grammar) into CSL-JSON items.
 * Throws citation-js's syntax error (its message names a line and column of `text`).
 */
export function parseBibtexText(text: string): CslItem[] {
  return parseAs(text, '@biblatex/text')
}

/** Parses RIS text whose line ends are LF (normalise CR and CRLF first). */
export function parseRisText(text: string): CslItem[] {
  return parseAs(text, '@ris/file')
}

/** A citation key BibTeX and biber accept as is. */
const BIBTEX_KEY = /^[A-Za-z0-9_:.+\/-]+$/

/** Characters BibTeX treats specially; written escaped so they come back as themselves. */
const BIBTEX_SPECIAL = /[\\{}%&$#_~^]/g

function escapeStrings(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(BIBTEX_SPECIAL, (c) => (c === '\\' ? '\\textbackslash{}' : c === '~' ? '\\textasciitilde{}' : c === '^' ? '\\textasciicircum{}' : `\\${c}`))
  if (Array.isArray(value)) return value.map(escapeStrings)
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeStrings(v)]))
  return value
}

/**
 * BibTeX (`bibtex`) or BibLaTeX (`biblatex`) text of the items, in UTF-8. citation-js's default
 * ASCII-only output turns Greek into math-mode letters and drops Cyrillic altogether, so it is
 * switched off for the call; BibTeX's special characters are escaped beforehand instead.
 */
export function formatBibtex(items: CslItem[], dialect: 'bibtex' | 'biblatex' = 'bibtex'): string {
  const format = plugins.config.get('@bibtex').format as { asciiOnly: boolean; checkLabel: boolean }
  const before = { ...format }
  format.asciiOnly = false
  // citation-js rejects keys with `-` or `:` (legal in BibTeX); keys are checked here instead.
  format.checkLabel = false
  try {
    const safe = items.map((item) => {
      const key = typeof item['citation-key'] === 'string' && BIBTEX_KEY.test(item['citation-key']) ? item['citation-key'] : undefined
      // Keys, URLs and DOIs are written verbatim by citation-js and read back verbatim.
      const out: CslItem = { ...(escapeStrings(item) as CslItem), id: item.id, URL: item.URL, DOI: item.DOI, 'citation-key': key }
      for (const k of ['URL', 'DOI', 'citation-key']) if (out[k] === undefined) delete out[k]
      return out
    })
    return new Cite(safe, { generateGraph: false }).format(dialect) as string
  } finally {
    Object.assign(format, before)
  }
}

// The @csl plugin's registries of styles (by name) and locales (by language tag).
interface Registry {
  has(name: string): boolean
  add(name: string, xml: string): void
}
function cslConfig(): { styles: Registry; locales: Registry; engine: EngineFactory } {
  return plugins.config.get('@csl')
}

/** Registers a CSL style under `name` (e.g. `chicago-author-date`); re-registering is a no-op. */
export function registerCslStyle(name: string, xml: string): void {
  const { styles } = cslConfig()
  if (!styles.has(name)) styles.add(name, xml)
}

/** Registers a CSL locale (e.g. `en-US`); re-registering is a no-op. */
export function registerCslLocale(lang: string, xml: string): void {
  const { locales } = cslConfig()
  if (!locales.has(lang)) locales.add(lang, xml)
}

/** True when a style of that name has been registered. */
export function hasCslStyle(name: string): boolean {
  return cslConfig().styles.has(name)
}

export type OutputFormat = 'html' | 'text'

/** One formatted bibliography entry. */
export interface FormattedEntry {
  id: string
  /** citeproc's HTML for the entry (escaped by citeproc; only <i>, <b>, <span>, <sup>, <sub> tags). */
  html: string
  text: string
}

/** The bibliography of `items` in `style`, sorted as the style sorts, in both output formats. */
export function formatBibliographyEntries(items: CslItem[], style: string, lang = 'en-US'): FormattedEntry[] {
  if (items.length === 0) return []
  const cite = new Cite(items, { generateGraph: false })
  const html = cite.format('bibliography', { template: style, format: 'html', lang, asEntryArray: true }) as [string, string][]
  const text = cite.format('bibliography', { template: style, format: 'text', lang, asEntryArray: true }) as [string, string][]
  const textById = new Map(text.map(([id, t]) => [id, t.trim()]))
  return html.map(([id, h]) => ({ id, html: stripEntryWrapper(h.trim()), text: textById.get(id) ?? '' }))
}

/** citeproc wraps each HTML entry in `<div class="csl-entry">…</div>`; keep the inside. */
function stripEntryWrapper(html: string): string {
  const m = /^<div[^>]*class="csl-entry"[^>]*>([\s\S]*)<\/div>$/.exec(html)
  return m ? m[1].trim() : html
}

/** One cite in a sequence of notes or in-text citations. */
export interface CiteRequest {
  id: string
  /** Locator value, e.g. `39`, `339-342`, `LXIV`. */
  locator?: string
  /** CSL locator label, e.g. `page`, `chapter`, `folio`, `line`, `volume`. */
  label?: string
}

// A citeproc-js engine, as citation-js's @csl plugin builds it.
interface Engine {
  rebuildProcessorState(
    citations: { citationID: string; citationItems: CiteRequest[]; properties: { noteIndex: number } }[],
    format: string,
    uncited: string[]
  ): [string, number, string][]
}
type EngineFactory = (data: CslItem[], style: string, lang: string, format: string) => Engine

/**
 * Formats a sequence of cites, each its own note (noteIndex 1, 2, …) so that a notes style can
 * shorten repeated works the way it prescribes. Returns one string per cite, in order.
 */
export function formatCiteSequence(items: CslItem[], cites: CiteRequest[], style: string, format: OutputFormat, lang = 'en-US'): string[] {
  if (cites.length === 0) return []
  const engine = cslConfig().engine(items, style, lang, format)
  const citations = cites.map((c, i) => ({
    citationID: `c${i + 1}`,
    citationItems: [c.locator ? c : { id: c.id }],
    properties: { noteIndex: i + 1 }
  }))
  return engine.rebuildProcessorState(citations, format, []).map(([, , s]) => s)
}

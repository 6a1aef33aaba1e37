/**
 * Import of W3C Web Annotations made by other tools (or by Marginalia): a single annotation, an
 * array, an AnnotationCollection (with its embedded first page), an AnnotationPage, or
 * Hypothesis API results (`{ rows: [...] }`, each with `target[].selector[]`). Each text target
 * is anchored in the document's text with `anchor()`; whatever cannot be anchored is returned
 * as an orphan with its reason, never dropped.
 *
 * Offsets: W3C TextPositionSelectors count code points (the model's rule, and ours). Hypothesis
 * counts UTF-16 code units of the page's textContent, so its positions are converted; either way a
 * position is only a hint that anchoring verifies against the quote.
 */
import { anchor, describe } from '../anchoring'
import type { AnchorResult, AnchorSelector } from '../anchoring'
import type { Person, TextTarget } from '../model'
import type { CodePointIndex } from '../text/code-points'
import { iriOf, parseBodies, type ParsedBodies } from './w3c-bodies'
import { creatorPerson } from './w3c-creator'

type J = Record<string, unknown>

/** One annotation as read from the file, before anchoring. */
export interface ParsedW3cAnnotation {
  /** Position in the file (0-based, in reading order), for messages. */
  index: number
  /** The annotation's own id in the file, when it has one. */
  externalId?: string
  /** IRI of the annotated document in the file (`target.source`), when given. */
  sourceIri?: string
  /** Its title (`dcterms:title` of the source), when given. */
  sourceTitle?: string
  /** The text selectors; undefined when the target has none (then the annotation is an orphan). */
  selector?: AnchorSelector
  bodies: ParsedBodies
  author?: string
  /** Who made it (`creator`, with its ORCID iD when the agent's id is an ORCID URL): the record's `createdBy`. */
  creator?: Person
  created?: string
  modified?: string
  /** CSS colour from `stylesheet` + `styleClass`, when given. */
  color?: string
  /** Unit of the selector's position: code points (W3C), or UTF-16 code units (Hypothesis). */
  positionUnit: 'code-points' | 'utf16'
}

export interface W3cParseResult {
  annotations: ParsedW3cAnnotation[]
  /** Things in the file that could not be read as annotations (with where they were). */
  problems: string[]
  /** What makes the file unusable (a selector no text can have, e.g. a negative position): the import refuses it. */
  errors: string[]
}

/** An imported annotation placed in the document, or an orphan (then `target` is the file's own quote). */
export interface AnchoredW3cAnnotation extends ParsedW3cAnnotation {
  result: AnchorResult
  target: TextTarget
  /** Why it is an orphan, in words; undefined when anchored or moved. */
  orphanReason?: string
}

const arr = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v])
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)
const typesOf = (o: J): string[] => arr(o.type ?? o['@type']).map(String)

/** The annotation objects of any of the accepted shapes, in reading order. */
function annotationObjects(doc: unknown, problems: string[]): { objs: J[]; hypothesis: boolean } {
  if (Array.isArray(doc)) return { objs: doc.filter((x, i) => isObject(x, `item ${i}`, problems)) as J[], hypothesis: false }
  if (!doc || typeof doc !== 'object') {
    problems.push('the file is not a JSON object or array')
    return { objs: [], hypothesis: false }
  }
  const o = doc as J
  if (Array.isArray(o.rows)) return { objs: o.rows.filter((x, i) => isObject(x, `row ${i}`, problems)) as J[], hypothesis: true }
  const types = typesOf(o)
  if (types.includes('AnnotationCollection')) {
    const first = o.first
    if (first && typeof first === 'object') return annotationObjects(first, problems)
    if (first) problems.push(`the collection's pages are separate files (first page: ${String(first)}); import each page file`)
    return { objs: [], hypothesis: false }
  }
  if (types.includes('AnnotationPage')) {
    if (o.next) problems.push(`this page continues in another file (next page: ${String(o.next)}); import that file too`)
    return annotationObjects(arr(o.items), problems)
  }
  if (types.includes('Annotation') || 'target' in o) return { objs: [o], hypothesis: !types.length && 'user' in o }
  problems.push('no annotations found: expected an Annotation, an array, an AnnotationCollection, an AnnotationPage or Hypothesis rows')
  return { objs: [], hypothesis: false }
}

function isObject(x: unknown, where: string, problems: string[]): boolean {
  if (x && typeof x === 'object' && !Array.isArray(x)) return true
  problems.push(`${where} is not an annotation object`)
  return false
}

/** Text selectors of one target (a string IRI has none). */
function selectorsOf(target: unknown): { sourceIri?: string; sourceTitle?: string; quote?: J; position?: J } {
  if (typeof target === 'string') return { sourceIri: target }
  if (!target || typeof target !== 'object') return {}
  const t = target as J
  const sels = arr(t.selector).filter((s): s is J => !!s && typeof s === 'object')
  // A RangeSelector may wrap text selectors (W3C §4.2.9); Hypothesis's wraps XPaths, which we skip.
  const flat = sels.flatMap((s) => (typesOf(s).includes('RangeSelector') ? [] : [s]))
  const source = t.source && typeof t.source === 'object' ? (t.source as J) : undefined
  return {
    sourceIri: iriOf(t.source),
    sourceTitle: source ? str(source['dcterms:title']) ?? str(source.title) : undefined,
    quote: flat.find((s) => typesOf(s).includes('TextQuoteSelector')),
    position: flat.find((s) => typesOf(s).includes('TextPositionSelector'))
  }
}

/** The colour a `styleClass` gets from the annotation's `stylesheet` (`.cls { background-color: X }`). */
function colorOf(a: J, target: unknown): string | undefined {
  const cls = target && typeof target === 'object' ? str((target as J).styleClass) : undefined
  const sheet = a.stylesheet
  const css = typeof sheet === 'object' && sheet ? str((sheet as J).value) : undefined
  if (!cls || !css) return undefined
  const escaped = cls.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`\\.${escaped}\\s*\\{[^}]*?(?:background-color|background)\\s*:\\s*([^;}]+)`).exec(css)?.[1]?.trim()
}

/**
 * Reads annotations from parsed JSON. Each text target becomes one parsed annotation (an
 * annotation with two text targets gives two, sharing its bodies).
 */
export function parseW3cAnnotations(doc: unknown): W3cParseResult {
  const problems: string[] = []
  const errors: string[] = []
  const { objs, hypothesis } = annotationObjects(doc, problems)
  const annotations: ParsedW3cAnnotation[] = []
  for (const a of objs) {
    const isHypothesis = hypothesis || ('user' in a && 'uri' in a)
    const bodies = parseBodies(a)
    if (isHypothesis) {
      if (str(a.text)) bodies.notes.push(a.text as string)
      for (const t of arr(a.tags)) if (typeof t === 'string') bodies.tags.push(t)
    }
    const creator = arr(a.creator)[0]
    const author = isHypothesis
      ? str(a.user)?.replace(/^acct:/, '')
      : creator && typeof creator === 'object' ? str((creator as J).name) ?? str((creator as J).nickname) : str(creator)
    const externalId = str(a.id) ?? str(a['@id'])
    // Who made it, with the ORCID iD of its agent: kept as the record's authorship (createdBy).
    const person = creatorPerson(isHypothesis ? author : a.creator, `annotation ${externalId ?? `#${annotations.length + 1}`}`, (m) => problems.push(m))
    const common = {
      externalId, bodies, author, ...(person ? { creator: person } : {}),
      created: str(a.created), modified: str(a.modified) ?? str(a.updated)
    }
    const targets = arr(a.target)
    if (targets.length === 0) problems.push(`annotation ${common.externalId ?? annotations.length} has no target`)
    for (const target of targets) {
      const { sourceIri, sourceTitle, quote, position } = selectorsOf(target)
      let selector: AnchorSelector | undefined
      if (quote && typeof quote.exact === 'string') {
        selector = { exact: quote.exact, prefix: str(quote.prefix) ?? '', suffix: str(quote.suffix) ?? '' }
      }
      const where = `annotation ${common.externalId ?? `#${annotations.length + 1}`}`
      if (position && Number.isInteger(position.start) && Number.isInteger(position.end)) {
        const bad = positionProblem(position.start as number, position.end as number)
        if (bad) errors.push(`${where}: ${bad}`)
        else selector = { exact: selector?.exact ?? '', ...selector, start: position.start as number, end: position.end as number }
      } else if (position) problems.push(`${where}: its TextPositionSelector has no whole-number start and end; the quote alone places it`)
      annotations.push({ index: annotations.length, ...common, sourceIri, sourceTitle, selector, color: colorOf(a, target), positionUnit: isHypothesis ? 'utf16' : 'code-points' })
    }
  }
  return { annotations, problems, errors }
}

/** Why whole-number start and end cannot be positions in a text, or undefined when they can. */
function positionProblem(start: number, end: number): string | undefined {
  for (const [name, v] of [['start', start], ['end', end]] as const) {
    if (v < 0) return `TextPositionSelector ${name} is ${v}; positions count characters from 0, so none is negative`
  }
  if (end < start) return `TextPositionSelector end ${end} is before its start ${start}`
  return undefined
}

const REASONS: Record<string, string> = {
  'not-found': 'the quote is not in this document',
  'low-confidence': 'only a doubtful match was found (below the confidence threshold)',
  ambiguous: 'the quote occurs several times and nothing tells which one is meant',
  'empty-quote': 'the selector has no quote to verify'
}

/**
 * Anchors parsed annotations in `text` (a CodePointIndex of the document's normalised text).
 * A selector with a position but no quote is placed by position when inside the text and
 * reported as `moved` (unverified); one with neither is an orphan.
 */
export function anchorW3cAnnotations(index: CodePointIndex, parsed: ParsedW3cAnnotation[]): AnchoredW3cAnnotation[] {
  return parsed.map((p) => {
    const sel = p.selector
    if (!sel) {
      const target = { start: 0, end: 0, exact: '', prefix: '', suffix: '' }
      return { ...p, target, result: { start: 0, end: 0, status: 'orphaned', score: 0, method: 'none', reason: 'not-found' }, orphanReason: 'the target has no TextQuoteSelector or TextPositionSelector' }
    }
    const hint = p.positionUnit === 'utf16' && sel.start !== undefined
      ? { start: index.toCodePoint(sel.start), end: index.toCodePoint(sel.end!) }
      : { start: sel.start, end: sel.end }
    const s: AnchorSelector = { ...sel, ...hint }
    if (!s.exact && s.start !== undefined && s.end !== undefined && s.start < s.end && s.end <= index.length) {
      const target = describe(index, s.start, s.end)
      return { ...p, target, result: { start: s.start, end: s.end, status: 'moved', score: 0.5, method: 'position' } }
    }
    const result = anchor(index, s)
    if (result.status === 'orphaned') {
      // anchor() clamps an orphan's offsets into the text, so stored orphans never point outside it.
      const target = { start: result.start, end: result.end, exact: s.exact, prefix: s.prefix ?? '', suffix: s.suffix ?? '' }
      return { ...p, target, result, orphanReason: REASONS[result.reason ?? 'not-found'] }
    }
    return { ...p, target: describe(index, result.start, result.end), result }
  })
}

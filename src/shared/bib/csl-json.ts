/**
 * Reads CSL-JSON (an array of items, or one item) with the line of each item, so an item that is
 * not a CSL item (not an object, no `type`, fields of the wrong kind) is reported and skipped.
 */
import type { IncomingItem } from '../citations/dedupe'
import { cleanItem } from '../citations/csl-item'
import type { CslItem } from '../model'
import { LIMITS, assertWithinLimit } from '../limits'

/** CSL fields whose value must be an array of names. */
const NAME_FIELDS = ['author', 'editor', 'translator', 'container-author', 'collection-editor', 'director', 'interviewer', 'recipient']
/** CSL fields whose value must be a date object. */
const DATE_FIELDS = ['issued', 'accessed', 'original-date', 'event-date', 'submitted']

/** Why `value` is not a CSL item, or undefined when it is one. */
export function cslItemProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object'
  const v = value as Record<string, unknown>
  if (typeof v.type !== 'string' || !v.type) return 'has no "type"'
  for (const f of NAME_FIELDS) if (v[f] !== undefined && !Array.isArray(v[f])) return `"${f}" is not a list of names`
  for (const f of DATE_FIELDS) if (v[f] !== undefined && (typeof v[f] !== 'object' || Array.isArray(v[f]))) return `"${f}" is not a CSL date`
  if (v.title !== undefined && typeof v.title !== 'string') return '"title" is not a string'
  return undefined
}

/** Reads CSL-JSON text. Throws when the text is not JSON at all. */
export function readCslJson(fileName: string, text: string): { items: IncomingItem[]; skipped: { line: number; key: string; reason: string }[] } {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (err) {
    throw new Error(`${fileName}: not valid JSON (${err instanceof Error ? err.message : String(err)})`)
  }
  const list = Array.isArray(data) ? data : [data]
  assertWithinLimit(fileName, list.length, LIMITS.bibliographyEntries)
  const lines = Array.isArray(data) ? topLevelElementLines(text) : [1]
  const items: IncomingItem[] = []
  const skipped: { line: number; key: string; reason: string }[] = []
  list.forEach((value, i) => {
    const line = lines[i] ?? 1
    const key = typeof value === 'object' && value && 'id' in value ? String((value as { id: unknown }).id) : ''
    const problem = cslItemProblem(value)
    if (problem) skipped.push({ line, key, reason: problem })
    else items.push({ item: cleanItem({ ...(value as CslItem), id: key || `item-${i + 1}` }), line, key })
  })
  return { items, skipped }
}

/** 1-based line on which each element of the top-level JSON array starts. */
function topLevelElementLines(text: string): number[] {
  const out: number[] = []
  let line = 1
  let depth = 0
  let inString = false
  let expectElement = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '\n') line++
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
      continue
    }
    if (depth === 1 && expectElement && !/\s/.test(c) && c !== ']') {
      out.push(line)
      expectElement = false
    }
    if (c === '"') inString = true
    else if (c === '[' || c === '{') {
      depth++
      if (depth === 1) expectElement = true
    } else if (c === ']' || c === '}') depth--
    else if (c === ',' && depth === 1) expectElement = true
  }
  return out
}

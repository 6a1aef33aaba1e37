/**
 * Bounds BibTeX `@string` expansion before citation-js expands anything: each macro's and each
 * field's expanded length is computed from the definitions (in file order, as BibTeX expands), never by
 * building the strings. A macro longer than the limit is left out of what citation-js reads; an
 * entry whose field would exceed it is skipped with its reason. Lengths are in code points.
 */
import { MAX_FIELD_CHARS } from './bib-limits'
import type { BibtexChunk } from './bibtex-entries'

/** One part of a value: a literal's length, or a macro name. */
type Part = { literal: number } | { macro: string }

/** BibTeX's predefined month macros expand to the month's name. */
const MONTHS = new Set(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'])
const NAME = /[^\s"#%'(),={}]+/y

/** Code points of `s` from `from` to `to` (UTF-16 indices): a surrogate pair counts once. */
function codePoints(s: string, from: number, to: number): number {
  let n = to - from
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k)
    if (c >= 0xdc00 && c <= 0xdfff && k > from && s.charCodeAt(k - 1) >= 0xd800 && s.charCodeAt(k - 1) <= 0xdbff) n--
  }
  return n
}

/** Reads `value := part ('#' part)*` at `i`; returns its parts and where it ends, or undefined. */
function readValue(s: string, i: number): { parts: Part[]; end: number } | undefined {
  const parts: Part[] = []
  for (;;) {
    while (/\s/.test(s[i] ?? '')) i++
    const c = s[i]
    if (c === '{' || c === '"') {
      const close = c === '{' ? '}' : '"'
      let depth = 0
      let j = i + 1
      for (; j < s.length; j++) {
        const d = s[j]
        if (d === '{') depth++
        else if (d === '}' && depth > 0) depth--
        else if (d === close && depth === 0) break
      }
      if (j >= s.length) return undefined
      parts.push({ literal: codePoints(s, i + 1, j) })
      i = j + 1
    } else {
      NAME.lastIndex = i
      const m = NAME.exec(s)
      if (!m) return undefined
      parts.push(/^\d+$/.test(m[0]) ? { literal: m[0].length } : { macro: m[0].toLowerCase() })
      i += m[0].length
    }
    while (/\s/.test(s[i] ?? '')) i++
    if (s[i] !== '#') return { parts, end: i }
    i++
  }
}

/** `name = value` pairs of an entry or @string body (the text after its `{` or `(`). */
function readFields(body: string, from: number): { name: string; parts: Part[] }[] | undefined {
  const out: { name: string; parts: Part[] }[] = []
  let i = from
  for (;;) {
    while (/[\s,]/.test(body[i] ?? '')) i++
    if (i >= body.length || body[i] === '}' || body[i] === ')') return out
    NAME.lastIndex = i
    const m = NAME.exec(body)
    if (!m) return undefined
    i += m[0].length
    while (/\s/.test(body[i] ?? '')) i++
    if (body[i] !== '=') return undefined
    const v = readValue(body, i + 1)
    if (!v) return undefined
    out.push({ name: m[0].toLowerCase(), parts: v.parts })
    i = v.end
  }
}

export interface MacroCheck {
  /** The @string chunks safe to give citation-js (each expands within the limit). */
  safe: BibtexChunk[]
  /** Why an item chunk must be skipped, or undefined when its fields stay within the limit. */
  problem(chunk: BibtexChunk): string | undefined
}

/** Measures every macro of the file; see the module comment. */
export function checkMacros(chunks: readonly BibtexChunk[], limit = MAX_FIELD_CHARS): MacroCheck {
  // BibTeX expands a macro where it is defined, from the macros defined before it: one pass in
  // file order gives every length, with no recursion (a chain of any depth) and no cycle.
  const lengths = new Map<string, number>()
  const lineOf = new Map<string, number>()
  const unsafe = new Set<BibtexChunk>()
  const macro = (name: string): number => lengths.get(name) ?? (MONTHS.has(name) ? 9 : name.length)
  const lengthOf = (parts: Part[]): number => parts.reduce((n, p) => n + ('literal' in p ? p.literal : macro(p.macro)), 0)
  for (const c of chunks) {
    if (c.type !== 'string') continue
    const open = c.text.search(/[{(]/)
    for (const f of readFields(c.text, open + 1) ?? []) {
      const n = lengthOf(f.parts)
      lengths.set(f.name, n)
      lineOf.set(f.name, c.line)
      if (n > limit) unsafe.add(c)
    }
  }
  return {
    safe: chunks.filter((c) => c.type === 'string' && !unsafe.has(c)),
    problem(chunk) {
      const open = chunk.text.search(/[{(]/)
      const comma = chunk.text.indexOf(',', open)
      if (open < 0 || comma < 0) return undefined
      for (const f of readFields(chunk.text, comma + 1) ?? []) {
        const n = lengthOf(f.parts)
        if (n > limit) {
          const via = f.parts.find((p) => 'macro' in p && macro(p.macro) > limit) as { macro: string } | undefined
          const how = via ? ` through @string ${via.macro} (line ${lineOf.get(via.macro)})` : ''
          return `field "${f.name}" would be ${n.toLocaleString('en')} characters long${how}; the limit is ${limit.toLocaleString('en')}`
        }
      }
      return undefined
    }
  }
}

/**
 * Small XML writing helpers: escaping, characters XML 1.0 cannot hold, and xml:id values.
 * Nothing here parses XML.
 */

const TEXT_SPECIAL = /[&<>]/
const ATTR_SPECIAL = /[&<>"\t\n\r]/

/** Escapes text content: `&`, `<`, `>`. */
export function escapeText(s: string): string {
  if (!TEXT_SPECIAL.test(s)) return s
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
}

/** Escapes an attribute value (double-quoted): also `"`, and tab/LF/CR so attribute normalisation keeps them. */
export function escapeAttr(s: string): string {
  if (!ATTR_SPECIAL.test(s)) return s // most values are ids and pointers: skip the replace
  return s.replace(/[&<>"\t\n\r]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : `&#${c.charCodeAt(0)};`
  )
}

/**
 * Characters XML 1.0 forbids even as references: C0 controls other than tab/LF/CR, U+FFFE and U+FFFF
 * (lone surrogates cannot occur: texts are decoded strictly).
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

/**
 * Replaces characters XML cannot hold with U+FFFD, one for one, so code point offsets are unchanged.
 * Returns the new text and how many characters were replaced (to be reported as a loss).
 */
export function xmlSafe(text: string): { text: string; replaced: number } {
  let replaced = 0
  const out = text.replace(NOT_XML, () => {
    replaced++
    return '\uFFFD'
  })
  return { text: out, replaced }
}

/** Renders attributes in the given order; undefined or empty values are left out. */
export function attrs(list: [string, string | undefined][]): string {
  let s = ''
  for (const [k, v] of list) if (v !== undefined && v !== '') s += ` ${k}="${escapeAttr(v)}"`
  return s
}

/**
 * Assigns xml:id values (NCName) to record ids, one for one. Characters an NCName cannot hold become
 * `_`, a leading non-letter gets a `_` prefix, and a clash with an id already given gets `.2`, `.3`….
 */
const ASCII_NCNAME = /^[A-Za-z_][A-Za-z0-9._-]*$/

export class XmlIds {
  private readonly byKey = new Map<string, string>()
  private readonly used = new Set<string>()

  /** The xml:id for `key` (stable: the same key always gets the same id). */
  get(key: string): string {
    let id = this.byKey.get(key)
    if (id) return id
    // Most ids (ann_…, ent_…) are already ASCII NCNames: skip the Unicode-aware rewrite for them.
    let base = key
    if (!ASCII_NCNAME.test(key)) {
      base = key.normalize('NFC').replace(/[^\p{L}\p{N}._-]/gu, '_')
      if (!/^[\p{L}_]/u.test(base)) base = '_' + base
    }
    id = base
    for (let n = 2; this.used.has(id); n++) id = `${base}.${n}`
    this.used.add(id)
    this.byKey.set(key, id)
    return id
  }

  /** `#id` pointers for several keys, space-separated (a TEI pointer list). */
  refs(keys: readonly string[]): string {
    return keys.map((k) => '#' + this.get(k)).join(' ')
  }
}

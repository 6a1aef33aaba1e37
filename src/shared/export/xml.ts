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

/** An id that can be its own xml:id: ASCII letter or `_` first, then letters, digits, `_`, `-` (no `.`). */
const PLAIN = /^[A-Za-z_][A-Za-z0-9_-]*$/

/**
 * Assigns xml:id values (NCName), one per key, and keeps them apart by construction, because a
 * project has hundreds of thousands of them and a lookup table that large made the TEI export slow:
 * - `record(id)` for the few records (entities, citations, relations): a table, clashes get `_2`, `_3`…
 *   Characters an NCName cannot hold, and `.`, become `_`.
 * - `bulk(id)` for the many (annotations): an id that is PLAIN and not taken by a record is its own
 *   xml:id, with no table entry (record ids are unique, so these cannot clash with each other);
 *   any other id goes through the table and gets a `.x` mark, so it cannot clash with a plain one.
 * - `named(kind, name)` for tags and authors: `<name>.<kind>`, through the table.
 * - `derive(base, suffix)` for ids made from another (anchors `.start`/`.end`/`.at`, verdicts `.v0`…):
 *   pure, no table; unique because bases are unique and no other id ends in such a suffix after a `.`.
 */
export class XmlIds {
  private readonly byKey = new Map<string, string>()
  private readonly used = new Set<string>()

  private sanitise(key: string): string {
    if (PLAIN.test(key)) return key
    let base = key.normalize('NFC').replace(/[^\p{L}\p{N}_-]/gu, '_')
    if (!/^[\p{L}_]/u.test(base)) base = '_' + base
    return base
  }

  private claim(key: string, base: string, sep: string): string {
    let id = this.byKey.get(key)
    if (id) return id
    id = base
    for (let n = 2; this.used.has(id); n++) id = `${base}${sep}${n}`
    this.used.add(id)
    this.byKey.set(key, id)
    return id
  }

  /** The xml:id of an entity, citation or relation id. Register these before any `bulk` id. */
  record(id: string): string {
    return this.claim('r\u0000' + id, this.sanitise(id), '_')
  }

  /** The xml:id of an annotation id (see the class comment). */
  bulk(id: string): string {
    if (PLAIN.test(id) && !this.used.has(id)) return id
    return this.claim('b\u0000' + id, this.sanitise(id) + '.x', '')
  }

  /** The xml:id of a tag or author name: `<name>.<kind>`. */
  named(kind: 'tag' | 'resp', name: string): string {
    return this.claim(`${kind}\u0000${name}`, `${this.sanitise(name)}.${kind}`, '_')
  }

  /** `<base>.<suffix>`: an id made from another one (suffix: `start`, `end`, `at`, `v0`, `v1`…). */
  derive(base: string, suffix: string): string {
    return `${base}.${suffix}`
  }
}

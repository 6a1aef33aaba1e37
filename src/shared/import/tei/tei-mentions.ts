/**
 * The edition's own name and date markup in the text (`persName`, `placeName`, `orgName`,
 * `geogName`, `date`, `rs`, `name`) as pre-annotations, each tied to an entity hint:
 * - `@ref` (first pointer) or `@key` says which entity; the register entry `#id` supplies label,
 *   dates and authority ids; a ref that is an authority URI is an authority id itself;
 * - a name split over several elements (`@prev` / `@next`, as critical editions do across
 *   readings) takes the ref and date of its other parts;
 * - a date becomes a date entity keyed by its EDTF value; an unreferenced name, an entity keyed by
 *   its type and words.
 */
import type { EntityType } from '../../model'
import type { MarkupElement } from '../markup-tree'
import type { EntityHint, PreAnnotation } from '../parsed-document'
import { teiDateToEdtf } from './tei-dates'
import { readingText } from './tei-reading'
import { authoritiesIn } from './tei-register'

const ELEMENT_TYPES: Record<string, EntityType> = {
  persName: 'person', placeName: 'place', geogName: 'place', orgName: 'organisation', date: 'date'
}
const TYPE_WORDS: Record<string, EntityType> = {
  person: 'person', pers: 'person', persname: 'person', people: 'person',
  place: 'place', placename: 'place', settlement: 'place', country: 'place', region: 'place', geog: 'place',
  org: 'organisation', organisation: 'organisation', organization: 'organisation', orgname: 'organisation',
  event: 'event', date: 'date', work: 'work', title: 'work', bibl: 'work', concept: 'concept', term: 'concept'
}

/** Most aliases gathered for one entity from the text's spellings. */
const MAX_ALIASES = 20

/** The entity type an element names, or undefined when it is not name or date markup. */
export function mentionType(el: MarkupElement): EntityType | undefined {
  if (ELEMENT_TYPES[el.name]) return ELEMENT_TYPES[el.name]
  if (el.name !== 'rs' && el.name !== 'name') return undefined
  const t = el.attrs.type?.toLowerCase()
  if (t && TYPE_WORDS[t]) return TYPE_WORDS[t]
  return el.attrs.ref || el.attrs.key ? 'concept' : undefined
}

/** Key of an unreferenced name: its words, lower case, without accents (one entity per spelling). */
const nameKey = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

const ids = (v: string | undefined) => (v ?? '').split(/\s+/).filter(Boolean).map((s) => s.replace(/^#/, ''))

export class MentionCollector {
  readonly mentions: PreAnnotation[] = []
  private readonly hints = new Map<string, EntityHint>()
  private readonly byId = new Map<string, MarkupElement>()
  private readonly pointedFrom = new Map<string, MarkupElement[]>()

  constructor(text: MarkupElement, private readonly registers: Map<string, EntityHint>) {
    const index = (el: MarkupElement) => {
      const id = el.attrs['xml:id']
      if (id) this.byId.set(id, el)
      for (const target of ids(el.attrs.next)) this.pointedFrom.set(target, [...(this.pointedFrom.get(target) ?? []), el])
      for (const c of el.children) if (c.type === 'element') index(c)
    }
    index(text)
  }

  /** The attribute `name` of `el` or, failing that, of the other parts of the same split name. */
  private chained(el: MarkupElement, name: string): string | undefined {
    const seen = new Set<MarkupElement>()
    const queue = [el]
    while (queue.length && seen.size < 50) {
      const cur = queue.shift()!
      if (seen.has(cur)) continue
      seen.add(cur)
      if (cur.attrs[name]) return cur.attrs[name]
      for (const id of [...ids(cur.attrs.prev), ...ids(cur.attrs.next)]) {
        const other = this.byId.get(id)
        if (other) queue.push(other)
      }
      queue.push(...(this.pointedFrom.get(cur.attrs['xml:id'] ?? '') ?? []))
    }
    return undefined
  }

  private dateOf(el: MarkupElement): string | undefined {
    const attrs: Record<string, string> = {}
    for (const name of ['when', 'when-iso', 'notBefore', 'notBefore-iso', 'notAfter', 'notAfter-iso', 'from', 'from-iso', 'to', 'to-iso']) {
      const v = this.chained(el, name)
      if (v) attrs[name] = v
    }
    return teiDateToEdtf(attrs)
  }

  /** Records a mention of `type` marked by `el` over code points [start, end) reading `surface`. */
  add(el: MarkupElement, type: EntityType, start: number, end: number): void {
    const surface = readingText(el)
    if (!surface) return
    const ref = ids(this.chained(el, 'ref'))[0]
    const key = this.chained(el, 'key')
    let hint: EntityHint | undefined
    if (type === 'date') {
      const edtf = this.dateOf(el)
      hint = edtf
        ? this.hint(`date:${edtf}`, () => ({ type, label: edtf, dates: { date: edtf }, authorities: [], registered: true }))
        : this.hint(`name:date:${nameKey(surface)}`, () => ({ type, label: surface, dates: {}, authorities: [], registered: false }))
    } else if (ref) {
      const register = this.registers.get(`ref:#${ref}`)
      hint = this.hint(`ref:#${ref}`, () => register ?? { type, label: surface, dates: {}, authorities: authoritiesIn(el.attrs.ref), registered: false })
    } else if (key) {
      hint = this.hint(`key:${key}`, () => ({ type, label: surface, dates: {}, authorities: authoritiesIn(key), registered: false }))
    } else {
      hint = this.hint(`name:${type}:${nameKey(surface)}`, () => ({ type, label: surface, dates: {}, authorities: [], registered: false }))
    }
    if (surface !== hint.label && !hint.aliases.includes(surface) && hint.aliases.length < MAX_ALIASES) hint.aliases.push(surface)
    this.mentions.push({ start, end, entityKey: hint.key })
  }

  private hint(key: string, make: () => Omit<EntityHint, 'key' | 'aliases' | 'description'> & Partial<EntityHint>): EntityHint {
    let hint = this.hints.get(key)
    if (!hint) {
      const made = make()
      hint = { description: '', ...made, aliases: [...(made.aliases ?? [])], key }
      this.hints.set(key, hint)
    }
    return hint
  }

  /** The entity hints the mentions refer to. */
  get entities(): EntityHint[] {
    return [...this.hints.values()]
  }
}

/**
 * What a TEI edition says about the people, places and organisations it refers to: its registers
 * (`listPerson/person`, `listPlace/place`, `listOrg/org`, wherever they are: header or back matter),
 * read into entity hints keyed by `#xml:id`, with the register's own label, other names as aliases,
 * birth and death dates (EDTF), coordinates, a description, and authority ids found in `@ref`,
 * `@sameAs`, `@corresp` and `idno` (Wikidata, VIAF, GeoNames, Pleiades, GND, LoC).
 */
import { AUTHORITY_RULES, AUTHORITY_SCHEMES, parseAuthorityId } from '../../entities/authority'
import type { AuthorityId, AuthorityScheme, EntityType } from '../../model'
import type { MarkupElement } from '../markup-tree'
import type { EntityHint } from '../parsed-document'
import { childElements, findElements } from '../xml-tree'
import { teiDateToEdtf } from './tei-dates'
import { readingText } from './tei-reading'

const REGISTERS: { item: string; name: string; type: EntityType }[] = [
  { item: 'person', name: 'persName', type: 'person' },
  { item: 'place', name: 'placeName', type: 'place' },
  { item: 'org', name: 'orgName', type: 'organisation' }
]

/** Names a register uses for the standard form of a name, in order of preference. */
const STANDARD_NAME = /^(contemporary|reg|regularised|regularized|standard|full|main|normalised|normalized)/i

const SCHEME_NAMES: Record<string, AuthorityScheme> = {
  wikidata: 'wikidata', wd: 'wikidata', viaf: 'viaf', geonames: 'geonames', pleiades: 'pleiades',
  gnd: 'gnd', dnb: 'gnd', loc: 'loc', lccn: 'loc', lcnaf: 'loc'
}

/**
 * Authority ids in a reference: a URL of a known authority file, a prefixed id (`wd:Q42`,
 * `viaf:25397355`), or a bare Wikidata Q-id. Several may be given, space-separated.
 */
export function authoritiesIn(value: string | undefined, schemeHint?: string): AuthorityId[] {
  if (!value) return []
  const out: AuthorityId[] = []
  for (const token of value.trim().split(/\s+/)) {
    const hinted = schemeHint ? SCHEME_NAMES[schemeHint.toLowerCase()] : undefined
    const prefixed = /^([a-z]+):(?!\/\/)(.+)$/i.exec(token)
    const candidates: [AuthorityScheme, string][] = []
    if (hinted) candidates.push([hinted, token])
    if (prefixed && SCHEME_NAMES[prefixed[1].toLowerCase()]) candidates.push([SCHEME_NAMES[prefixed[1].toLowerCase()], prefixed[2]])
    for (const scheme of AUTHORITY_SCHEMES) if (AUTHORITY_RULES[scheme].fromUrl.test(token)) candidates.push([scheme, token])
    if (/^Q\d+$/.test(token)) candidates.push(['wikidata', token])
    for (const [scheme, id] of candidates) {
      try {
        const a = parseAuthorityId(scheme, id)
        if (!out.some((b) => b.scheme === a.scheme)) out.push(a)
        break
      } catch {
        // not an id of that scheme; try the next reading
      }
    }
  }
  return out
}

function registerEntry(el: MarkupElement, nameTag: string, type: EntityType): EntityHint | undefined {
  const id = el.attrs['xml:id']
  if (!id) return undefined
  const names = childElements(el, nameTag).map((n) => ({ type: n.attrs.type ?? '', text: readingText(n) })).filter((n) => n.text)
  const preferred = names.find((n) => STANDARD_NAME.test(n.type)) ?? names[0]
  if (!preferred) return undefined
  const authorities: AuthorityId[] = []
  const add = (list: AuthorityId[]) => {
    for (const a of list) if (!authorities.some((b) => b.scheme === a.scheme)) authorities.push(a)
  }
  for (const name of ['ref', 'sameAs', 'corresp']) add(authoritiesIn(el.attrs[name]))
  for (const idno of childElements(el, 'idno')) add(authoritiesIn(readingText(idno), idno.attrs.type))
  const description = [...childElements(el, 'note'), ...childElements(el, 'desc'), ...childElements(el, 'occupation')]
    .map(readingText).filter(Boolean).join(' ').slice(0, 1000)
  const hint: EntityHint = {
    key: `ref:#${id}`,
    type,
    label: preferred.text,
    aliases: [...new Set(names.map((n) => n.text).filter((t) => t !== preferred.text))],
    description,
    authorities,
    dates: {},
    registered: true
  }
  const birth = childElements(el, 'birth')[0]
  const death = childElements(el, 'death')[0]
  const birthDate = birth && teiDateToEdtf(birth.attrs)
  const deathDate = death && teiDateToEdtf(death.attrs)
  if (birthDate) hint.dates.birth = birthDate
  if (deathDate) hint.dates.death = deathDate
  const geo = findElements(el, 'geo')[0]
  const ll = geo && /^\s*(-?\d+(?:\.\d+)?)[\s,]+(-?\d+(?:\.\d+)?)\s*$/.exec(readingText(geo))
  if (ll && Math.abs(+ll[1]) <= 90 && Math.abs(+ll[2]) <= 180) hint.coordinates = { lat: +ll[1], lon: +ll[2] }
  return hint
}

/** Every register entry of the edition, by `#xml:id` key. */
export function readRegisters(tei: MarkupElement): Map<string, EntityHint> {
  const out = new Map<string, EntityHint>()
  for (const { item, name, type } of REGISTERS) {
    for (const el of findElements(tei, item)) {
      const hint = registerEntry(el, name, type)
      if (hint && !out.has(hint.key)) out.set(hint.key, hint)
    }
  }
  return out
}

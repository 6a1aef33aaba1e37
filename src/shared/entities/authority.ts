/**
 * Authority files an entity can be identified in, with the pattern of their ids and the canonical
 * URI built from an id. Input may be the bare id or any URL of the record (the id is extracted);
 * a malformed id is refused with a message giving the expected form.
 */
import type { AuthorityId, AuthorityScheme } from '../model'

interface SchemeRule {
  /** Human name used in messages. */
  name: string
  /** Whole-string pattern of a valid id. */
  pattern: RegExp
  /** What a user should type, for error messages. */
  expected: string
  /** Pattern picking the id out of a pasted URL (group 1). */
  fromUrl: RegExp
  uri(id: string): string
  /** Canonical spelling (e.g. Wikidata's upper-case Q). */
  canonical?(id: string): string
}

/** Library of Congress prefixes: names (n, nb, nr, no), subjects (sh, sj), genre/form (gf). */
const LOC_PATH: Record<string, string> = { sh: 'subjects', sj: 'childrensSubjects', gf: 'genreForms' }

export const AUTHORITY_RULES: Record<AuthorityScheme, SchemeRule> = {
  wikidata: {
    name: 'Wikidata',
    pattern: /^Q[1-9]\d{0,11}$/,
    expected: 'a Q-id such as Q37043',
    fromUrl: /wikidata\.org\/(?:wiki|entity)\/(Q\d+)/i,
    uri: (id) => `http://www.wikidata.org/entity/${id}`,
    canonical: (id) => id.toUpperCase()
  },
  viaf: {
    name: 'VIAF',
    // VIAF ids are numbers of 1 to 22 digits (older clusters are short, new ones up to 22).
    pattern: /^[1-9]\d{0,21}$/,
    expected: 'a number such as 25397355',
    fromUrl: /viaf\.org\/viaf\/(\d+)/i,
    uri: (id) => `http://viaf.org/viaf/${id}`
  },
  geonames: {
    name: 'GeoNames',
    pattern: /^[1-9]\d{0,9}$/,
    expected: 'a number such as 745044',
    fromUrl: /geonames\.org\/(\d+)/i,
    uri: (id) => `https://sws.geonames.org/${id}/`
  },
  pleiades: {
    name: 'Pleiades',
    pattern: /^[1-9]\d{0,8}$/,
    expected: 'a number such as 520998',
    fromUrl: /pleiades\.stoa\.org\/places\/(\d+)/i,
    uri: (id) => `https://pleiades.stoa.org/places/${id}`
  },
  gnd: {
    name: 'GND',
    // The GND id forms documented for Wikidata property P227 (persons, corporate bodies, works…).
    pattern: /^(?:1[0123]?\d{7}[0-9X]|[47]\d{6}-\d|[1-9]\d{0,7}-[0-9X]|3\d{7}[0-9X])$/,
    expected: 'a GND number such as 118577166 or 4076769-6',
    fromUrl: /d-nb\.info\/gnd\/([0-9X-]+)/i,
    uri: (id) => `https://d-nb.info/gnd/${id}`,
    canonical: (id) => id.toUpperCase()
  },
  loc: {
    name: 'Library of Congress',
    pattern: /^(?:n|nb|nr|no|ns|sh|sj|gf)\d{8,10}$/,
    expected: 'an LCCN such as n79021164 or sh85057107',
    fromUrl: /id\.loc\.gov\/authorities\/[a-zA-Z]+\/([a-z]+\d+)/i,
    uri: (id) => {
      const prefix = /^[a-z]+/.exec(id)?.[0] ?? 'n'
      return `http://id.loc.gov/authorities/${LOC_PATH[prefix] ?? 'names'}/${id}`
    },
    canonical: (id) => id.toLowerCase()
  }
}

export const AUTHORITY_SCHEMES = Object.keys(AUTHORITY_RULES) as AuthorityScheme[]

/** Thrown for an id that does not have its scheme's form; the message says the expected form. */
export class AuthorityIdError extends Error {
  constructor(readonly scheme: AuthorityScheme, readonly input: string) {
    const rule = AUTHORITY_RULES[scheme]
    super(`${rule.name} id "${input}" is malformed: expected ${rule.expected}`)
  }
}

/**
 * Validates an authority id (bare id or URL of the record) and returns it with its canonical URI.
 * @throws AuthorityIdError when the id does not match the scheme's pattern.
 */
export function parseAuthorityId(scheme: AuthorityScheme, input: string): AuthorityId {
  const rule = AUTHORITY_RULES[scheme]
  const trimmed = input.trim()
  let id = rule.fromUrl.exec(trimmed)?.[1] ?? trimmed
  if (rule.canonical) id = rule.canonical(id)
  if (!rule.pattern.test(id)) throw new AuthorityIdError(scheme, input)
  return { scheme, id, uri: rule.uri(id) }
}

/** Adds or replaces the id of `next.scheme` in a list of authority ids (one id per scheme). */
export function withAuthority(list: readonly AuthorityId[], next: AuthorityId): AuthorityId[] {
  return [...list.filter((a) => a.scheme !== next.scheme), next]
}

/**
 * Unites two lists of authority ids. The first list wins for a scheme both have; the ids of the
 * second that it overrides are returned in `conflicts` so the caller can report them.
 */
export function uniteAuthorities(
  into: readonly AuthorityId[],
  from: readonly AuthorityId[]
): { authorities: AuthorityId[]; conflicts: AuthorityId[] } {
  const authorities = [...into]
  const conflicts: AuthorityId[] = []
  for (const a of from) {
    const existing = authorities.find((b) => b.scheme === a.scheme)
    if (!existing) authorities.push(a)
    else if (existing.id !== a.id) conflicts.push(a)
  }
  return { authorities, conflicts }
}

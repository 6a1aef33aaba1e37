import { describe, expect, it } from 'vitest'
import { AuthorityIdError, parseAuthorityId, uniteAuthorities } from '../../../../src/shared/entities/authority'

describe('authority ids', () => {
  it('validates each scheme and gives the canonical URI', () => {
    expect(parseAuthorityId('wikidata', 'Q37043')).toEqual({ scheme: 'wikidata', id: 'Q37043', uri: 'http://www.wikidata.org/entity/Q37043' })
    expect(parseAuthorityId('viaf', '25397355').uri).toBe('http://viaf.org/viaf/25397355')
    expect(parseAuthorityId('geonames', '745044').uri).toBe('https://sws.geonames.org/745044/')
    expect(parseAuthorityId('pleiades', '520998').uri).toBe('https://pleiades.stoa.org/places/520998')
    expect(parseAuthorityId('gnd', '118577166').uri).toBe('https://d-nb.info/gnd/118577166')
    expect(parseAuthorityId('gnd', '4076769-6').id).toBe('4076769-6')
    expect(parseAuthorityId('loc', 'n79021164').uri).toBe('http://id.loc.gov/authorities/names/n79021164')
    expect(parseAuthorityId('loc', 'sh85057107').uri).toBe('http://id.loc.gov/authorities/subjects/sh85057107')
  })

  it('accepts a pasted record URL and a lower-case Q-id', () => {
    expect(parseAuthorityId('wikidata', 'https://www.wikidata.org/wiki/Q37043').id).toBe('Q37043')
    expect(parseAuthorityId('wikidata', ' q37043 ').id).toBe('Q37043')
    expect(parseAuthorityId('geonames', 'https://www.geonames.org/745044/istanbul.html').id).toBe('745044')
    expect(parseAuthorityId('viaf', 'https://viaf.org/viaf/25397355/').id).toBe('25397355')
  })

  it('refuses a malformed id with a message giving the expected form', () => {
    expect(() => parseAuthorityId('wikidata', '37043')).toThrow(AuthorityIdError)
    expect(() => parseAuthorityId('wikidata', '37043')).toThrow(/Wikidata id "37043" is malformed: expected a Q-id such as Q37043/)
    expect(() => parseAuthorityId('viaf', 'abc')).toThrow(/expected a number/)
    expect(() => parseAuthorityId('geonames', 'Q1')).toThrow(/GeoNames/)
    expect(() => parseAuthorityId('pleiades', '')).toThrow(/Pleiades/)
    expect(() => parseAuthorityId('gnd', '12')).toThrow(/GND/)
    expect(() => parseAuthorityId('loc', 'x79021164')).toThrow(/LCCN/)
  })

  it('unites two lists, the first winning a scheme both have, and reports the overridden id', () => {
    const a = [parseAuthorityId('wikidata', 'Q1'), parseAuthorityId('viaf', '1')]
    const b = [parseAuthorityId('wikidata', 'Q2'), parseAuthorityId('gnd', '118577166')]
    const { authorities, conflicts } = uniteAuthorities(a, b)
    expect(authorities.map((x) => `${x.scheme}:${x.id}`)).toEqual(['wikidata:Q1', 'viaf:1', 'gnd:118577166'])
    expect(conflicts.map((x) => x.id)).toEqual(['Q2'])
  })
})

import { describe, expect, it } from 'vitest'
import { findNames } from '../../../../src/shared/suggest/name-finder'

const read = (text: string) => findNames(text).map((n) => `${n.exact}:${n.type}`)

describe('name finder', () => {
  it('groups regnal names, drops titles, and types by cue', () => {
    expect(read('He was the son of Emperor Andronikos IV Palaiologos. In 1399 Bayezid I besieged Constantinople.')).toEqual([
      'Andronikos IV Palaiologos:person', 'Bayezid I:person', 'Constantinople:place'
    ])
  })

  it('reads "X of Y" as a person known by a territory, and Y as a place', () => {
    expect(read('the son of Keratsa of Bulgaria, a daughter.')).toEqual(['Keratsa of Bulgaria:person', 'Bulgaria:place'])
    expect(read('He died at the Battle of Ankara in 1402.')).toEqual(['Battle of Ankara:event', 'Ankara:place'])
  })

  it('lends a firm type to other mentions, list members and parenthesised alternatives', () => {
    expect(read('Sultan Bayezid I ruled. Later Bayezid was defeated. The town of Selymbria (Silivri) fell.')).toEqual([
      'Bayezid I:person', 'Bayezid:person', 'Selymbria:place', 'Silivri:place'
    ])
    expect(read('This left four princes: Sultan Mehmed I, Süleyman, İsa, and Musa.')).toEqual([
      'Mehmed I:person', 'Süleyman:person', 'İsa:person', 'Musa:person'
    ])
  })

  it('does not take demonyms, peoples, offices or calendar words for names', () => {
    expect(read('The Serbian army and the Byzantines met the Byzantine Emperor in July.')).toEqual([])
    expect(read('rival Ottoman princes sought peace')).toEqual([])
  })

  it('splits a reference glued after a sentence', () => {
    expect(read('in his birth name.Elizabeth A. Zachariadou, "John VII"')).toContain('Elizabeth A. Zachariadou:person')
  })
})

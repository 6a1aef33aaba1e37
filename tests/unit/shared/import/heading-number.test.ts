import { describe, expect, it } from 'vitest'
import { headingNumber } from '../../../../src/shared/import/heading-number'

describe('the division number a heading prints', () => {
  it('reads it after a division word, or alone before punctuation', () => {
    expect(headingNumber('Chapter LXIV: Moguls, Ottoman Turks')).toBe('LXIV')
    expect(headingNumber('CHAPTER 3')).toBe('3')
    expect(headingNumber('Book II. The Siege')).toBe('II')
    expect(headingNumber('Chapitre xii')).toBe('xii')
    expect(headingNumber('IV. The Siege')).toBe('IV')
    expect(headingNumber('12')).toBe('12')
    expect(headingNumber('§ 7 Of tribute')).toBe('7')
  })

  it('does not take a word, a lettered section or a year for a number', () => {
    expect(headingNumber('I Served the Emperor')).toBeUndefined()
    expect(headingNumber('Civil Wars')).toBeUndefined()
    expect(headingNumber('Chapter Mix-up')).toBeUndefined()
    expect(headingNumber('C. Notes on the sources')).toBeUndefined()
    expect(headingNumber('1453: The Fall')).toBeUndefined()
    expect(headingNumber('Book One')).toBeUndefined()
    expect(headingNumber('Prologue')).toBeUndefined()
  })
})

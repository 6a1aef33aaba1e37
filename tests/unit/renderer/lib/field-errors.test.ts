/**
 * Service validation messages go next to their field, in words: the method name and the argument
 * path are taken off and name the field instead (the messages are the services' own, as seen).
 */
import { describe, expect, it } from 'vitest'
import { entityField, fieldError } from '../../../../src/renderer/lib/field-errors'

describe('fieldError', () => {
  it('puts an authority id problem under that authority, without the path', () => {
    expect(fieldError('authorities.wikidata: Wikidata id "bogus" is malformed: expected a Q-id such as Q37043', entityField)).toEqual({
      field: 'auth-wikidata', message: 'Wikidata id "bogus" is malformed: expected a Q-id such as Q37043'
    })
  })
  it('puts a date problem under that date', () => {
    expect(fieldError('dates.birth: "spring 1390" is not an EDTF date: expected a form such as 1370', entityField)).toEqual({
      field: 'date-birth', message: '"spring 1390" is not an EDTF date: expected a form such as 1370'
    })
  })
  it('takes off the method name before the path', () => {
    expect(fieldError('createEntity: label: a label is required', entityField)).toEqual({ field: 'label', message: 'A label is required' })
    expect(fieldError('createEntity: coordinates.lat: Too big: expected number to be <=90', entityField)).toEqual({
      field: 'coordinates', message: 'Too big: expected number to be <=90'
    })
  })
  it('maps an authority given by its index to the scheme sent at that index', () => {
    expect(fieldError('updateEntity: authorities.1.id: too long', (p) => entityField(p, ['viaf', 'gnd']))).toEqual({ field: 'auth-gnd', message: 'Too long' })
  })
  it('keeps a message about no field for the whole form, without the method name', () => {
    expect(fieldError('updateEntity: the entity was removed meanwhile', entityField)).toEqual({ field: 'form', message: 'The entity was removed meanwhile' })
    expect(fieldError('Disk full', entityField)).toEqual({ field: 'form', message: 'Disk full' })
  })
})

import { describe, expect, it } from 'vitest'
import { EdtfError, edtfType, formatEdtf, isEdtf, parseEdtf } from '../../../../src/shared/entities/edtf'

describe('EDTF dates', () => {
  it('stores valid dates exactly as typed (round trip)', () => {
    for (const d of ['1370', '1400~', '1390-04-14', '1403/1408', '1390?', '13XX', '139X', '-0329', '1390-04', '1400~/1410', '../1408']) {
      expect(parseEdtf(d)).toBe(d)
      expect(parseEdtf(` ${d} `)).toBe(d)
    }
  })

  it('refuses what is not EDTF, naming the expected forms', () => {
    for (const bad of ['14 April 1390', '1390-13-01', 'about 1400', '', 'c. 1400']) {
      expect(() => parseEdtf(bad)).toThrow(EdtfError)
    }
    expect(() => parseEdtf('1390-13-01')).toThrow(/is not an EDTF date: expected a form such as 1370, 1400~/)
    expect(isEdtf('1390-02-30')).toBe(false)
  })

  it('shows dates in words without altering what it cannot put in words', () => {
    expect(formatEdtf('1370')).toBe('1370')
    expect(formatEdtf('1400~')).toBe('c. 1400')
    expect(formatEdtf('1390?')).toBe('1390 (?)')
    expect(formatEdtf('1390-04-14')).toBe('14 April 1390')
    expect(formatEdtf('1390-04')).toBe('April 1390')
    expect(formatEdtf('1403/1408')).toBe('1403 – 1408')
    expect(formatEdtf('../1408')).toBe('until 1408')
    expect(formatEdtf('1403/..')).toBe('from 1403')
    expect(formatEdtf('13XX')).toBe('1300s')
    expect(formatEdtf('139X')).toBe('1390s')
    expect(formatEdtf('-0329')).toBe('330 BC')
    expect(formatEdtf('1390-21')).toBe('Spring 1390')
    expect(formatEdtf('[1667,1668]')).toBe('[1667,1668]')
  })

  it('knows the type of a value', () => {
    expect(edtfType('1403/1408')).toBe('Interval')
    expect(edtfType('1390-04-14')).toBe('Date')
  })
})

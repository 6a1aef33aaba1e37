import { describe, expect, it } from 'vitest'
import { findDates } from '../../../../src/shared/suggest/date-finder'

const read = (text: string) => findDates(text).map((d) => [d.exact, d.edtf])

describe('date finder', () => {
  it('normalises the forms of the issue to EDTF', () => {
    expect(read('in 1390.')).toEqual([['1390', '1390']])
    expect(read('On April 14, 1390 John VII')).toEqual([['April 14, 1390', '1390-04-14']])
    expect(read('(1370 – 22 September 1408)')).toEqual([['1370', '1370'], ['22 September 1408', '1408-09-22']])
    expect(read('for the rest of his life (1403–1408), using')).toEqual([['1403–1408', '1403/1408']])
    expect(read('the Battle of Ankara (July 20, 1402).')).toEqual([['July 20, 1402', '1402-07-20']])
  })

  it('reads approximate dates, decades, centuries, eras, months and spelled-out ranges', () => {
    expect(read('Andronikos V (born about 1400)')).toEqual([['about 1400', '1400~']])
    expect(read('c. 1350 and ca. 1351')).toEqual([['c. 1350', '1350~'], ['ca. 1351', '1351~']])
    expect(read('in the 1390s')).toEqual([['1390s', '139X']])
    expect(read('14th-century emperors')).toEqual([['14th-century', '13XX']])
    expect(read('founded in 330 BC and in AD 1204')).toEqual([['330 BC', '-0329'], ['AD 1204', '1204']])
    expect(read('in 867 the')).toEqual([['867', '0867']])
    expect(read('in September 1390')).toEqual([['September 1390', '1390-09']])
    expect(read('Sultan from 1389 to 1402.')).toEqual([['from 1389 to 1402', '1389/1402']])
    expect(read('between 1393 and 1394')).toEqual([['between 1393 and 1394', '1393/1394']])
    expect(read('1403-08')).toEqual([['1403-08', '1403/1408']])
    expect(read('He reigned near fifty years, (A.D. 1103--1152,) and')).toEqual([['1103--1152', '1103/1152']])
  })

  it('does not take page, volume and other numbers for years', () => {
    expect(read('Dumbarton Oaks Papers, 31 (1977), pp. 339-342')).toEqual([['1977', '1977']])
    expect(read('pp. 1339-1342, vol. 1453, no. 1204, 3.1415, 1,453, ISBN 1234')).toEqual([])
    expect(read('31 February 1400')).toEqual([['February 1400', '1400-02']]) // no 31st of February
  })

  it('gives code point offsets when astral characters come first', () => {
    const [d] = findDates('𝔊𝔊 in 1390')
    expect([d.start, d.end]).toEqual([6, 10])
  })
})

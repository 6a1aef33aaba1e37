import { beforeEach, describe, expect, it, vi } from 'vitest'

// An entity's EDTF dates as TEI dating attributes (att.datable.w3c), as the TEI export writes them
// on <date>, <event>, <birth>… tei-dates.ts keeps computed datings in a module-level cache, so each
// test imports a fresh copy: a cached dating would hide a changed computation (docs/mutation.md).
type M = typeof import('../../../../src/shared/export/tei-dates')
let teiDating: M['teiDating'], teiSpan: M['teiSpan'], datingAttrs: M['datingAttrs']
beforeEach(async () => {
  vi.resetModules()
  ;({ teiDating, teiSpan, datingAttrs } = await import('../../../../src/shared/export/tei-dates'))
})

describe('EDTF to TEI dating attributes', () => {
  it('gives a plain date as @when at its own precision, years as four digits with a sign before the era', () => {
    expect(teiDating('1390')).toEqual({ when: '1390' })
    expect(teiDating('1390-04')).toEqual({ when: '1390-04' })
    expect(teiDating('1390-04-02')).toEqual({ when: '1390-04-02' })
    expect(teiDating('0812')).toEqual({ when: '0812' })
    expect(teiDating('-0044-03')).toEqual({ when: '-0044-03' })
    expect(teiDating(' 1390 ')).toEqual({ when: '1390' })
  })

  it('gives nothing for year 0 (XML Schema 1.0 has none), for text that is not EDTF, and for no date', () => {
    expect(teiDating('0000')).toEqual({})
    expect(teiDating('XXXX')).toEqual({})
    expect(teiDating('spring of 1390')).toEqual({})
    expect(teiDating('')).toEqual({})
    expect(teiDating(undefined)).toEqual({})
  })

  it('marks uncertain and approximate dates @cert="medium", both at once @cert="low"', () => {
    expect(teiDating('1390?')).toEqual({ when: '1390', cert: 'medium' })
    expect(teiDating('1390-04~')).toEqual({ when: '1390-04', cert: 'medium' })
    expect(teiDating('1390%')).toEqual({ when: '1390', cert: 'low' })
  })

  it('gives a date with unspecified digits as @notBefore/@notAfter at the precision of its span', () => {
    expect(teiDating('139X')).toEqual({ notBefore: '1390', notAfter: '1399' })
    expect(teiDating('13XX')).toEqual({ notBefore: '1300', notAfter: '1399' })
    expect(teiDating('1390-XX')).toEqual({ notBefore: '1390', notAfter: '1390' })
    expect(teiDating('1390-12-XX')).toEqual({ notBefore: '1390-12', notAfter: '1390-12' })
    // A season spans months (edtf.js reads 21–24 as the year's quarters).
    expect(teiDating('1390-24')).toEqual({ notBefore: '1390-10', notAfter: '1390-12' })
  })

  it('gives a set as its bounds: "one of" is uncertain, "all of" is not', () => {
    expect(teiDating('[1390,1392]')).toEqual({ notBefore: '1390', notAfter: '1392', cert: 'medium' })
    // A range inside a set ends at its last value (edtf.js alone ends `[1390..1392]` in 1390).
    expect(teiDating('[1390..1392]')).toEqual({ notBefore: '1390', notAfter: '1392', cert: 'medium' })
    expect(teiDating('{1390,1391..1392}')).toEqual({ notBefore: '1390', notAfter: '1392' })
    expect(teiDating('[1390-04..1390-06]')).toEqual({ notBefore: '1390-04', notAfter: '1390-06', cert: 'medium' })
    expect(teiDating('{1388..1389,1390}')).toEqual({ notBefore: '1388', notAfter: '1390' })
    expect(teiDating('[1390..]')).toEqual({})
    // The bounds are as precise as the span needs: whole years, whole months, else days.
    expect(teiDating('[1390-01-01..1390-03-31]')).toEqual({ notBefore: '1390-01', notAfter: '1390-03', cert: 'medium' })
    expect(teiDating('[1390-01-15..1390-12-31]')).toEqual({ notBefore: '1390-01-15', notAfter: '1390-12-31', cert: 'medium' })
    expect(teiDating('[1390-01-01..1391-01-14]')).toEqual({ notBefore: '1390-01-01', notAfter: '1391-01-14', cert: 'medium' })
    expect(teiDating('[1390-02-01..1390-02-14]')).toEqual({ notBefore: '1390-02-01', notAfter: '1390-02-14', cert: 'medium' })
    expect(teiDating('{1390,1392}')).toEqual({ notBefore: '1390', notAfter: '1392' })
  })

  it('gives an interval as @from/@to, leaves an open or unknown end out, and takes the weaker certainty of its ends', () => {
    expect(teiDating('1394/1402')).toEqual({ from: '1394', to: '1402' })
    expect(teiDating('1390-02-03/1390-05-04')).toEqual({ from: '1390-02-03', to: '1390-05-04' })
    expect(teiDating('1394/..')).toEqual({ from: '1394' })
    expect(teiDating('../1402')).toEqual({ to: '1402' })
    expect(teiDating('/1402')).toEqual({ to: '1402' })
    expect(teiDating('../..')).toEqual({})
    expect(teiDating('0000/1402')).toEqual({ to: '1402' })
    expect(teiDating('1390~/1402')).toEqual({ from: '1390', to: '1402', cert: 'medium' })
    expect(teiDating('1390/1402?')).toEqual({ from: '1390', to: '1402', cert: 'medium' })
    expect(teiDating('1390-04~/1391-05-06%')).toEqual({ from: '1390-04', to: '1391-05-06', cert: 'low' })
    expect(teiDating('1390%/1391~')).toEqual({ from: '1390', to: '1391', cert: 'low' })
    expect(teiDating('1390~/1391%')).toEqual({ from: '1390', to: '1391', cert: 'low' })
    // An end with unspecified digits: the interval starts at its earliest and ends at its latest day.
    expect(teiDating('139X/1402')).toEqual({ from: '1390', to: '1402' })
    expect(teiDating('1390/140X')).toEqual({ from: '1390', to: '1409' })
  })

  it('gives the same dating again when asked again, and a change to one answer does not change the next', () => {
    const first = teiDating('1390?')
    first.when = '9999'
    expect(teiDating('1390?')).toEqual({ when: '1390', cert: 'medium' })
  })

  it('dates an event from its start and end', () => {
    expect(teiSpan('1394', '1402')).toEqual({ from: '1394', to: '1402' })
    expect(teiSpan('1394', undefined)).toEqual({ when: '1394' })
    expect(teiSpan(undefined, '1402')).toEqual({ to: '1402' })
    expect(teiSpan('1394~', '')).toEqual({ when: '1394', cert: 'medium' })
    expect(teiSpan('', '1402')).toEqual({ to: '1402' })
    expect(teiSpan(undefined, undefined)).toEqual({})
  })

  it('names each attribute as TEI does', () => {
    const all = { when: '1390', notBefore: '1390', notAfter: '1399', from: '1394', to: '1402', cert: 'low' } as const
    expect(Object.fromEntries(datingAttrs(all))).toEqual(all)
    expect(datingAttrs({ when: '1390' }).filter(([, v]) => v !== undefined)).toEqual([['when', '1390']])
  })
})

/**
 * Records read from a file never carry `__proto__`, `constructor` or `prototype` members, at any
 * depth, in objects inside lists too: a later `Object.assign` of such a record would change a
 * prototype. Ids with those names are values and are kept.
 */
import { describe, expect, it } from 'vitest'
import { mayHoldDangerousKeys, parseRecordJson, stripDangerousKeys } from '../../../../src/main/store/record-json'

describe('records read from a file', () => {
  it('lose dangerous members at any depth, inside lists too, and keep everything else', () => {
    const text = '{"id":"constructor","note":"prototype of a chronicle","citations":[{"itemId":"c1","__proto__":{"polluted":true}},{"itemId":"c2","constructor":{"prototype":{"x":1}}}],"target":{"prototype":1,"start":0}}'
    const record = parseRecordJson(text) as Record<string, unknown>
    expect(record).toEqual({ id: 'constructor', note: 'prototype of a chronicle', citations: [{ itemId: 'c1' }, { itemId: 'c2' }], target: { start: 0 } })
    expect(Object.keys((record.citations as object[])[0])).toEqual(['itemId'])
    expect((Object.assign({}, ...(record.citations as object[])) as { polluted?: boolean }).polluted).toBeUndefined()
  })

  it('are only scanned when their text names a dangerous member, and plain values pass through', () => {
    expect(mayHoldDangerousKeys('{"id":"a","note":"plain"}')).toBe(false)
    for (const word of ['__proto__', 'constructor', 'prototype']) expect(mayHoldDangerousKeys(`{"note":"${word}"}`)).toBe(true)
    expect(stripDangerousKeys('text')).toBe('text')
    expect(stripDangerousKeys(null)).toBeNull()
    const list = [{ a: 1 }]
    expect(stripDangerousKeys(list)).toBe(list)
  })
})

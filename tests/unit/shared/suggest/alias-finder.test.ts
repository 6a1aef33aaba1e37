import { describe, expect, it } from 'vitest'
import type { Entity } from '../../../../src/shared/model'
import { findAliasMentions } from '../../../../src/shared/suggest/alias-finder'

const entity = (id: string, label: string, aliases: string[], type: Entity['type'] = 'person'): Entity => ({
  id, type, label, aliases, description: '', authorities: [], dates: {}, created: '', modified: ''
})

describe('alias finder', () => {
  it('finds whole words only, diacritic- and case-insensitively, longest name first', () => {
    const text = 'Manuel II met MANUEL; Manuelito did not. Manuél left. John VIII is not John VII.'
    const found = findAliasMentions(text, [entity('m', 'Manuel II', ['Manuel']), entity('j', 'John VII', [])])
    expect(found.map((f) => [f.exact, f.entityId])).toEqual([
      ['Manuel II', 'm'], ['MANUEL', 'm'], ['Manuél', 'm'], ['John VII', 'j']
    ])
    expect(found.every((f) => f.source === 'alias' && f.type === 'person')).toBe(true)
  })

  it('matches Greek aliases and gives code point offsets past astral characters', () => {
    const text = '𝔊 Ιωάννης Ζ\' ΠΑΛΑΙΟΛΟΓΟΣ and Παλαιολόγος'
    const found = findAliasMentions(text, [entity('j', 'John VII', ['Παλαιολόγος'])])
    expect(found.map((f) => [f.start, f.end, f.exact])).toEqual([[13, 24, 'ΠΑΛΑΙΟΛΟΓΟΣ'], [29, 40, 'Παλαιολόγος']])
  })

  it('matches a name broken across a line and skips date entities', () => {
    const found = findAliasMentions('the Sea of\nMarmara, 1390', [entity('s', 'Sea of Marmara', [], 'place'), { ...entity('d', '1390', [], 'date'), dates: { date: '1390' } }])
    expect(found.map((f) => f.exact)).toEqual(['Sea of\nMarmara'])
  })
})

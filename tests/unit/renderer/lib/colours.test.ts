import { describe, expect, it } from 'vitest'
import { colourForAnnotation, hashString, resolveTagColours, UNTAGGED_COLOUR } from '../../../../src/renderer/lib/colours'
import { ENTITY_TYPE_COLORS as ENTITY_TYPE_COLOURS, TAG_PALETTE } from '../../../../src/shared/colors'

describe('resolveTagColours', () => {
  it('keeps stored colours', () => {
    const m = resolveTagColours([{ id: 'person', color: '#123456' }, { id: 'place', color: 'teal' }])
    expect(m.get('person')).toBe('#123456')
    expect(m.get('place')).toBe('teal')
  })

  it('gives tags without a colour distinct palette colours, the same on every call', () => {
    const tags = [{ id: 'claim', color: '' }, { id: 'event', color: '' }, { id: 'name', color: '' }]
    const a = resolveTagColours(tags)
    const b = resolveTagColours([...tags].reverse())
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort())
    const colours = [...a.values()]
    expect(new Set(colours).size).toBe(3)
    for (const c of colours) expect(TAG_PALETTE).toContain(c)
  })

  it('does not hand out a colour another tag already has', () => {
    const slot = TAG_PALETTE[hashString('claim') % TAG_PALETTE.length]
    const m = resolveTagColours([{ id: 'person', color: slot }, { id: 'claim', color: '' }])
    expect(m.get('claim')).not.toBe(slot)
  })

  it('colours tag names in use that the tag list does not have yet', () => {
    const m = resolveTagColours([], ['fresh'])
    expect(TAG_PALETTE).toContain(m.get('fresh'))
  })
})

describe('colourForAnnotation', () => {
  const tags = new Map([['person', '#7fb7e6'], ['place', '#9bd18b']])
  it('prefers the annotation’s own colour', () => {
    expect(colourForAnnotation({ color: '#ff0000', tags: ['person'] }, tags)).toBe('#ff0000')
  })
  it('uses the first tag that has a colour', () => {
    expect(colourForAnnotation({ tags: ['unknown', 'place', 'person'] }, tags)).toBe('#9bd18b')
  })
  it('falls back to the untagged colour', () => {
    expect(colourForAnnotation({ tags: [] }, tags)).toBe(UNTAGGED_COLOUR)
  })
})

describe('highlight colour by entity type', () => {
  it('uses the first known linked entity\'s type colour, after the annotation\'s own colour and before tags', () => {
    const types = new Map([['p', 'person' as const], ['d', 'date' as const]])
    const tags = new Map([['claim', '#123456']])
    expect(colourForAnnotation({ tags: ['claim'], entityIds: ['zz', 'd', 'p'] }, tags, types)).toBe(ENTITY_TYPE_COLOURS.date)
    expect(colourForAnnotation({ tags: ['claim'], entityIds: ['p'] }, tags, types)).toBe(ENTITY_TYPE_COLOURS.person)
    expect(colourForAnnotation({ color: '#ff0000', tags: [], entityIds: ['p'] }, tags, types)).toBe('#ff0000')
    expect(colourForAnnotation({ tags: ['claim'], entityIds: ['unknown'] }, tags, types)).toBe('#123456')
    expect(colourForAnnotation({ tags: [], entityIds: ['p'] }, tags, new Map([['p', 'place' as const]]))).toBe(ENTITY_TYPE_COLOURS.place)
  })
})

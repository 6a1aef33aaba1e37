import { describe, expect, it } from 'vitest'
import { entityColour, setEntityTypes } from '../../../../src/renderer/lib/entity-colours'
import { colourForAnnotation } from '../../../../src/renderer/lib/tag-colours'
import { ENTITY_TYPE_COLOURS } from '../../../../src/shared/entities/colours'

describe('highlight colour by entity type', () => {
  it('uses the first known linked entity\'s type colour, after the annotation\'s own colour and before tags', () => {
    setEntityTypes([{ id: 'p', type: 'person' }, { id: 'd', type: 'date' }])
    const tags = new Map([['claim', '#123456']])
    expect(entityColour(['zz', 'd', 'p'])).toBe(ENTITY_TYPE_COLOURS.date)
    expect(colourForAnnotation({ tags: ['claim'], entityIds: ['p'] }, tags)).toBe(ENTITY_TYPE_COLOURS.person)
    expect(colourForAnnotation({ color: '#ff0000', tags: [], entityIds: ['p'] }, tags)).toBe('#ff0000')
    expect(colourForAnnotation({ tags: ['claim'], entityIds: ['unknown'] }, tags)).toBe('#123456')
    setEntityTypes([{ id: 'p', type: 'place' }])
    expect(colourForAnnotation({ tags: [], entityIds: ['p'] }, tags)).toBe(ENTITY_TYPE_COLOURS.place)
  })
})

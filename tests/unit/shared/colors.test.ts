/** The one color module (src/shared/colors.ts): tag colors, entity type colors, a highlight's color. */
import { describe, expect, it } from 'vitest'
import {
  ENTITY_TYPE_COLORS, hashString, highlightColor, paletteColor, resolveTagColors, TAG_PALETTE, UNTAGGED_COLOR, VERDICT_COLORS
} from '../../../src/shared/colors'
import { ENTITY_TYPES, VERIFICATION_STATUSES } from '../../../src/shared/model'

/** WCAG 2 contrast ratio of white text on `hex`. */
function contrastOnWhite(hex: string): number {
  const lum = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
  return 1.05 / (0.2126 * lum[0] + 0.7152 * lum[1] + 0.0722 * lum[2] + 0.05)
}

describe('colors', () => {
  it('every entity type and verdict has a color; verdict badges keep white text readable (WCAG AA)', () => {
    expect(Object.keys(ENTITY_TYPE_COLORS)).toEqual([...ENTITY_TYPES])
    expect(Object.keys(VERDICT_COLORS)).toEqual([...VERIFICATION_STATUSES])
    for (const c of Object.values(VERDICT_COLORS)) expect(contrastOnWhite(c)).toBeGreaterThanOrEqual(4.5)
    expect(new Set(Object.values(ENTITY_TYPE_COLORS)).size).toBe(ENTITY_TYPES.length)
  })

  it('new tags take palette colors in turn, cycling', () => {
    expect(paletteColor(0)).toBe(TAG_PALETTE[0])
    expect(paletteColor(TAG_PALETTE.length + 1)).toBe(TAG_PALETTE[1])
  })

  it('a tag without a stored color gets a stable palette color not taken by another tag', () => {
    const slot = TAG_PALETTE[hashString('claim') % TAG_PALETTE.length]
    const m = resolveTagColors([{ id: 'person', color: slot }, { id: 'claim', color: '' }], ['fresh'])
    expect(m.get('person')).toBe(slot)
    expect(m.get('claim')).not.toBe(slot)
    expect(TAG_PALETTE).toContain(m.get('fresh'))
    expect(resolveTagColors([{ id: 'claim', color: '' }, { id: 'person', color: slot }], ['fresh'])).toEqual(m)
  })

  it('a highlight takes its own color, else its first known entity\'s type color, else its first colored tag\'s, else the default', () => {
    const tags = new Map([['claim', '#123456']])
    const types = new Map([['p', 'person'], ['d', 'date']] as const)
    const typeOf = (id: string) => types.get(id as 'p')
    expect(highlightColor({ color: '#ff0000', tags: ['claim'], entityIds: ['p'] }, tags, typeOf)).toBe('#ff0000')
    expect(highlightColor({ tags: ['claim'], entityIds: ['zz', 'd', 'p'] }, tags, typeOf)).toBe(ENTITY_TYPE_COLORS.date)
    expect(highlightColor({ tags: ['unknown', 'claim'], entityIds: ['zz'] }, tags, typeOf)).toBe('#123456')
    expect(highlightColor({ tags: [] }, tags)).toBe(UNTAGGED_COLOR)
  })
})

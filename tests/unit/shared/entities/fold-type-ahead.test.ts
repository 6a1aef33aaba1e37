import { describe, expect, it } from 'vitest'
import { foldKey, foldText, originalRange } from '../../../../src/shared/text/fold'
import { findByName, searchEntities } from '../../../../src/shared/entities/type-ahead'
import type { Entity } from '../../../../src/shared/model'

const entity = (id: string, type: Entity['type'], label: string, aliases: string[] = []): Entity => ({
  id, type, label, aliases, description: '', authorities: [], dates: {}, created: '', modified: ''
})
const john = entity('e1', 'person', 'John VII Palaiologos', ['Palaeologus', 'Παλαιολόγος', 'Iōannēs VII'])
const manuel = entity('e2', 'person', 'Manuel II Palaiologos', ['Manuel'])
const thess = entity('e3', 'place', 'Thessalonica', ['Selanik', 'Θεσσαλονίκη'])

describe('folding', () => {
  it('ignores case and accents, in Latin and Greek', () => {
    expect(foldKey('Iōannēs')).toBe(foldKey('IOANNES'))
    expect(foldKey('Παλαιολόγος')).toBe(foldKey('ΠΑΛΑΙΟΛΟΓΟΣ'))
    expect(foldKey('Gülçiçek  Hatun')).toBe('gulcicek hatun')
    expect(foldKey('Łódź Ørsted')).toBe('lodz orsted')
  })

  it('maps a match in the folded text back to code points of the original', () => {
    const text = '𝔊 Iōannēs and Ιωάννης'
    const f = foldText(text)
    const at = f.folded.indexOf('ioannes')
    expect(originalRange(f, at, at + 7)).toEqual({ start: 2, end: 9 })
    const key = foldKey('Ιωάννης') // final sigma folds to medial: 'ιωαννησ'
    const g = f.folded.indexOf(key)
    expect(g).toBeGreaterThan(0)
    const r = originalRange(f, g, g + key.length)
    expect([...text].slice(r.start, r.end).join('')).toBe('Ιωάννης')
  })

  it('keeps combining marks with the letter they follow', () => {
    const text = 'q\u0323uiet' // q + combining dot below (no precomposed form)
    const f = foldText(text)
    expect(originalRange(f, 0, 1)).toEqual({ start: 0, end: 2 })
  })
})

describe('type-ahead', () => {
  const all = [john, manuel, thess]
  it('finds an entity by any alias, accent- and case-insensitively', () => {
    expect(searchEntities(all, 'palaeologus')[0].entity.id).toBe('e1')
    expect(searchEntities(all, 'ΠΑΛΑΙΟΛΌΓΟΣ')[0].entity.id).toBe('e1')
    expect(searchEntities(all, 'ioannes')[0]).toMatchObject({ entity: { id: 'e1' }, matched: 'Iōannēs VII' })
    expect(searchEntities(all, 'θεσσαλονικη')[0].entity.id).toBe('e3')
  })

  it('ranks a whole name above a prefix above a word prefix above a substring', () => {
    const list = [entity('a', 'person', 'Manuelito'), entity('b', 'person', 'Theodore Manuel'), manuel, entity('c', 'person', 'Emmanuel')]
    expect(searchEntities(list, 'manuel').map((m) => m.entity.id)).toEqual(['e2', 'a', 'b', 'c'])
  })

  it('filters by type and limits the list', () => {
    expect(searchEntities(all, 'pal', { type: 'place' })).toEqual([])
    expect(searchEntities(all, '', { limit: 2 })).toHaveLength(2)
  })

  it('looks up exact names', () => {
    expect(findByName(all, 'MANUEL', 'person').map((e) => e.id)).toEqual(['e2'])
    expect(findByName(all, 'Manuel', 'place')).toEqual([])
  })
})

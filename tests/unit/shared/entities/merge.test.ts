import { describe, expect, it } from 'vitest'
import { parseAuthorityId } from '../../../../src/shared/entities/authority'
import { planDelete, planMerge } from '../../../../src/shared/entities/merge'
import type { Annotation, Entity, Relation } from '../../../../src/shared/model'

const entity = (id: string, label: string, extra: Partial<Entity> = {}): Entity => ({
  id, type: 'person', label, aliases: [], description: '', authorities: [], dates: {}, created: '', modified: '', ...extra
})
const ann = (id: string, entityIds: string[]): Annotation => ({
  id, documentId: 'd', target: { start: 0, end: 1, exact: 'x', prefix: '', suffix: '' }, tags: [], note: '', entityIds,
  citations: [], author: 'a', created: '', modified: '', status: 'anchored'
})
const rel = (id: string, subject: string, predicate: string, object: string): Relation => ({ id, subject, predicate, object, note: '', created: '' })

const data = () => ({
  entities: {
    m: entity('m', 'Manuel II', { aliases: ['Manuel'], authorities: [parseAuthorityId('wikidata', 'Q37043')], dates: { birth: '1350' } }),
    p: entity('p', 'Manuel Palaeologus', { aliases: ['Μανουήλ', 'manuel'], authorities: [parseAuthorityId('wikidata', 'Q99'), parseAuthorityId('viaf', '123')], dates: { birth: '1351', death: '1425' }, description: 'Emperor 1391–1425' }),
    j: entity('j', 'John VIII')
  },
  annotations: { a1: ann('a1', ['p']), a2: ann('a2', ['m', 'p']), a3: ann('a3', ['j']) },
  relations: { r1: rel('r1', 'j', 'son of', 'p'), r2: rel('r2', 'j', 'son of', 'm'), r3: rel('r3', 'p', 'ruled', 'x') }
})

describe('merging entities', () => {
  it('moves every annotation link and relation to the survivor and unites names', () => {
    const plan = planMerge(data(), 'm', 'p', 'now')
    expect(plan.entity.aliases).toEqual(['Manuel', 'Manuel Palaeologus', 'Μανουήλ']) // 'manuel' folds like 'Manuel'
    expect(plan.entity.authorities.map((a) => a.id)).toEqual(['Q37043', '123'])
    expect(plan.conflicts.map((a) => a.id)).toEqual(['Q99'])
    expect(plan.entity.dates).toEqual({ birth: '1350', death: '1425' })
    expect(plan.entity.description).toBe('Emperor 1391–1425')
    expect(plan.annotations.map((a) => [a.id, a.entityIds])).toEqual([['a1', ['m']], ['a2', ['m']]])
    // r1 (j son of p) would repeat r2 (j son of m): dropped; r3 moves.
    expect(plan.removedRelations).toEqual(['r1'])
    expect(plan.relations.map((r) => [r.id, r.subject, r.object])).toEqual([['r3', 'm', 'x']])
  })

  it('refuses unknown ids and merging an entity into itself', () => {
    expect(() => planMerge(data(), 'm', 'm', 'now')).toThrow(/into itself/)
    expect(() => planMerge(data(), 'm', 'zz', 'now')).toThrow(/no entity zz/)
  })
})

describe('deleting an entity', () => {
  it('removes links and relations, keeps the passages', () => {
    const plan = planDelete(data(), 'p', 'now')
    expect(plan.annotations.map((a) => [a.id, a.entityIds])).toEqual([['a1', []], ['a2', ['m']]])
    expect(plan.removedRelations.sort()).toEqual(['r1', 'r3'])
  })
})

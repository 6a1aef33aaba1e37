/**
 * The open document's annotations share their equal values (document id, annotator, status,
 * creator, empty lists) instead of holding a copy each, and stay equal to what was read.
 */
import { describe, expect, it } from 'vitest'
import { compactAnnotations } from '../../../../src/renderer/model/compact-annotations'
import type { Annotation } from '../../../../src/shared/model'

/** Annotations as a transport delivers them: parsed from JSON, every value its own copy. */
function asRead(n: number): Annotation[] {
  const list: Annotation[] = Array.from({ length: n }, (_, i) => ({
    id: `ann_${i}`, documentId: 'doc_gibbon2', target: { start: i * 10, end: i * 10 + 5, exact: `w${i}`, prefix: '', suffix: '' },
    tags: i % 2 ? ['claim'] : [], note: '', entityIds: [], citations: [], author: 'Ada',
    created: `2026-12-05T10:00:0${i % 10}.000Z`, modified: `2026-12-05T10:00:0${i % 10}.000Z`, status: 'anchored',
    createdBy: { name: 'Ada Lovelace', orcid: '0000-0002-1825-0097' }
  }))
  return JSON.parse(JSON.stringify(list)) as Annotation[]
}

describe('compactAnnotations', () => {
  it('shares equal persons and empty lists, and changes no value', () => {
    const list = asRead(50)
    const before = structuredClone(list)
    compactAnnotations(list)
    expect(list).toEqual(before)
    expect(new Set(list.map((a) => a.createdBy)).size).toBe(1)
    expect(new Set(list.filter((a) => !a.tags.length).map((a) => a.tags)).size).toBe(1)
    expect(new Set(list.map((a) => a.entityIds)).size).toBe(1)
  })

  it('a shared empty list cannot be written into (it would change every annotation)', () => {
    const list = asRead(2)
    compactAnnotations(list)
    expect(() => list[0].entityIds.push('ent_x')).toThrow()
    expect(list[1].entityIds).toEqual([])
  })
})

/** Two annotators with 10,000 new annotations each: the merge keeps all, lists exactly the planted conflicts (not timed; bench/merge.ts times it). */
import { describe, expect, it } from 'vitest'
import { decodeLayout, encodeLayout } from '../../../../src/shared/team/layout/codec'
import { mergeProjects } from '../../../../src/shared/team/merge/merge-projects'
import { twoAnnotators } from '../../../git/two-annotators'

describe('merge at scale', () => {
  it('merges 2 × 10,000 new annotations over 2,000 shared ones; conflicts are exactly the 50 planted', () => {
    const s = twoAnnotators(10_000)
    // Through the layout, as sync reads each version from git.
    const viaLayout = (p: typeof s.base) => decodeLayout(new Map(encodeLayout(p).map((f) => [f.path, f.content])))
    const r = mergeProjects({ base: viaLayout(s.base), ours: viaLayout(s.ours), theirs: viaLayout(s.theirs) })
    expect(Object.keys(r.merged.annotations)).toHaveLength(2_000 + 20_000)
    for (const id of [...s.added.ours, ...s.added.theirs]) expect(r.merged.annotations[id]).toBeDefined()
    expect(r.conflicts.map((c) => c.key)).toEqual([...s.conflicting].sort())
    expect(r.problems).toEqual([])
    const ids = Object.keys(s.base.annotations).sort()
    expect(r.merged.annotations[ids[0]].note).toBe('Ada checked this')
    expect(r.merged.annotations[ids[1]].tags).toContain('ben-reviewed')
  }, 120_000)
})

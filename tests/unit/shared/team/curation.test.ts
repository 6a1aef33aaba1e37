/** Curation: disputed passages side by side, one version accepted into the curated layer. */
import { describe, expect, it } from 'vitest'
import type { Annotation } from '../../../../src/shared/model'
import { CURATION_AUTHOR, disputedSpans, planAcceptIntoCuration } from '../../../../src/shared/team/curation'
import { CodePointIndex } from '../../../../src/shared/text/code-points'
import { FIXTURE_TEXT, makeAnnotation, rangeOf } from '../../../helpers/export-fixture'

const index = new CodePointIndex(FIXTURE_TEXT)
const ann = (id: string, author: string, quote: string, tags: string[] = []): Annotation => {
  const [s, e] = rangeOf(index, quote)
  return { ...makeAnnotation(id, 'doc_1', index, s, e, { tags }), author }
}

describe('curation', () => {
  const list = [
    ann('a1', 'Ada', 'Manuel II', ['ruler']),
    ann('b1', 'Ben', 'Manuel II', ['ruler']), // agreement: not disputed
    ann('a2', 'Ada', 'Bayezid I besieged', ['siege']),
    ann('b2', 'Ben', 'Bayezid I', ['ruler']), // overlapping, different: disputed
    ann('b3', 'Ben', 'Venice', ['city']) // only Ben: disputed
  ]
  it('lists the passages where annotators differ, with each annotator’s versions', () => {
    const spans = disputedSpans(list, 'doc_1')
    expect(spans.map((s) => index.slice(s.start, s.end))).toEqual(['Bayezid I besieged', 'Venice'])
    expect(spans[0].versions.Ada.map((a) => a.id)).toEqual(['a2'])
    expect(spans[0].versions.Ben.map((a) => a.id)).toEqual(['b2'])
    expect(spans[1].versions.Ada).toEqual([])
  })
  it('accepts one version into the curated layer, replacing an earlier accepted one', () => {
    const map = Object.fromEntries(list.map((a) => [a.id, a]))
    const first = planAcceptIntoCuration(map, 'a2', 'cur_1', '2026-12-01T00:00:00.000Z')
    expect(first).toMatchObject({ put: { id: 'cur_1', author: CURATION_AUTHOR, tags: ['siege'], target: list[2].target }, remove: [] })
    const second = planAcceptIntoCuration({ ...map, cur_1: first.put }, 'b2', 'cur_2', '2026-12-01T00:01:00.000Z')
    expect(second.remove).toEqual(['cur_1'])
    expect(disputedSpans([...list, second.put], 'doc_1')[0].curated?.id).toBe('cur_2')
    expect(() => planAcceptIntoCuration(map, 'nope', 'x', '')).toThrow(/no annotation nope/)
  })
})

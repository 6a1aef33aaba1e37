/** The git-friendly layout: lossless round trip, one line per record, readable errors. */
import { describe, expect, it } from 'vitest'
import type { Annotation, ProjectData } from '../../../../src/shared/model'
import { decodeLayout, encodeLayout, LayoutError, planLayoutWrite } from '../../../../src/shared/team/layout/codec'
import { decodeFileStem, encodeFileStem } from '../../../../src/shared/team/layout/file-names'
import { stableStringify } from '../../../../src/shared/team/stable-json'
import { fixtureProject } from '../../../helpers/export-fixture'
import { syntheticProject } from '../../../helpers/synthetic-project'
import { SEED_PATH } from '../../../helpers/temp-dir'

const filesOf = (data: ProjectData) => new Map(encodeLayout(data).map((f) => [f.path, f.content]))
const ADVERSARIAL = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'Ἰωάννης Παλαιολόγος', '../../etc/passwd', 'a/b\\c', 'DOC_Upper', 'doc_upper', '🏛 𝔊', 'con', '.', '%41']

function adversarialProject(): ProjectData {
  const { data } = fixtureProject()
  const template = data.annotations.ann_title
  const doc = data.documents.doc_1
  const put = <T>(map: Record<string, T>, id: string, value: T) => Object.defineProperty(map, id, { value, enumerable: true, writable: true, configurable: true })
  for (const id of ADVERSARIAL) {
    put(data.documents, id, { ...doc, id, title: `Document ${id}` })
    put(data.annotations, `a-${id}`, { ...template, id: `a-${id}`, documentId: id } as Annotation)
    put(data.annotations, id, { ...template, id, note: 'on doc_1' } as Annotation)
    put(data.entities, id, { ...data.entities.ent_john, id, label: id })
    put(data.tags, id, { id, color: '#123456' })
    put(data.predicates, id, { id, builtin: false })
  }
  return data
}

describe('layout codec', () => {
  it('round-trips the fixture, a 2,000-annotation project and adversarial ids losslessly', () => {
    for (const data of [fixtureProject().data, syntheticProject(SEED_PATH, 2000).data, adversarialProject()]) {
      const back = decodeLayout(filesOf(data))
      expect(stableStringify(back)).toBe(stableStringify(data))
      expect(back).toEqual(data)
      expect(Object.getPrototypeOf(back.annotations)).toBe(Object.prototype)
    }
    const back = decodeLayout(filesOf(adversarialProject()))
    expect(Object.prototype.hasOwnProperty.call(back.documents, '__proto__')).toBe(true)
    expect(back.annotations.constructor).toMatchObject({ id: 'constructor', note: 'on doc_1' })
  })

  it('names files safely on every disk: no separators, case kept apart, reversible', () => {
    for (const id of ADVERSARIAL) {
      const stem = encodeFileStem(id)
      expect(stem).toMatch(/^([a-z0-9_-]|%[0-9A-F]{2})+$/)
      expect(decodeFileStem(stem)).toBe(id)
    }
    expect(encodeFileStem('DOC_Upper').toLowerCase()).not.toBe(encodeFileStem('doc_upper'))
    const paths = encodeLayout(adversarialProject()).map((f) => f.path)
    expect(new Set(paths.map((p) => p.toLowerCase())).size).toBe(paths.length)
    expect(paths.every((p) => !p.includes('..'))).toBe(true)
  })

  it('writes one record per line with sorted keys, so an edit is a one-line diff', () => {
    const { data } = fixtureProject()
    const before = filesOf(data)
    const after = structuredClone(data)
    after.annotations.ann_greek.note = 'Revised after PLP'
    const changed = [...filesOf(after)].filter(([p, c]) => before.get(p) !== c)
    expect(changed.map(([p]) => p)).toEqual(['annotations/doc_1.jsonl'])
    const a = before.get('annotations/doc_1.jsonl')!.split('\n')
    const b = changed[0][1].split('\n')
    expect(a.filter((line, i) => line !== b[i])).toHaveLength(1)
    const line = b.find((l) => l.includes('Revised after PLP'))!
    const keys = Object.keys(JSON.parse(line))
    expect(keys).toEqual([...keys].sort())
  })

  it('tells the store which files one edit touches', () => {
    const { data } = fixtureProject()
    const moved = { ...data.annotations.ann_venice }
    const plan = planLayoutWrite(data, [{ collection: 'annotations', id: moved.id, before: moved, after: moved }, { collection: 'tags', id: 'greek' }])
    expect(plan.map((p) => p.path)).toEqual(['annotations/doc_1.jsonl', 'tags.jsonl'])
    expect(plan[0].content).toBe(filesOf(data).get('annotations/doc_1.jsonl'))
    const emptied = { ...data, annotations: {} }
    expect(planLayoutWrite(emptied, [{ collection: 'annotations', id: 'x', before: moved }])).toEqual([{ path: 'annotations/doc_1.jsonl', content: null }])
  })

  it('refuses bad files with the file and line, including unresolved git conflicts', () => {
    const files = filesOf(fixtureProject().data)
    const broken = new Map(files)
    broken.set('entities.jsonl', files.get('entities.jsonl') + '{"id": 3}\n')
    expect(() => decodeLayout(broken)).toThrow(/entities\.jsonl, line 12: not a record with a string id/)
    const conflicted = new Map(files)
    conflicted.set('tags.jsonl', '<<<<<<< ours\n{"color":"red","id":"x"}\n=======\n{"color":"blue","id":"x"}\n>>>>>>> theirs\n')
    expect(() => decodeLayout(conflicted)).toThrow(LayoutError)
    expect(() => decodeLayout(conflicted)).toThrow(/tags\.jsonl, line 1: an unresolved git conflict marker/)
    const twice = new Map(files)
    twice.set('annotations/other.jsonl', files.get('annotations/doc_1.jsonl')!.split('\n')[0] + '\n')
    expect(() => decodeLayout(twice)).toThrow(/appears twice/)
    const noHeader = new Map(files)
    noHeader.delete('marginalia.json')
    expect(() => decodeLayout(noHeader)).toThrow(/marginalia\.json: missing/)
  })
})

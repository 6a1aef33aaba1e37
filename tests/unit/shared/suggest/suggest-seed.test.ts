/** Suggestions on the real seed article, imported through the real importer. */
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type Labelled, scoreType } from '../../../../bench/lib/score-suggestions'
import { parseDocument } from '../../../../src/shared/import/parse-document'
import type { Annotation, Entity } from '../../../../src/shared/model'
import { suggest } from '../../../../src/shared/suggest/suggest'

const SEED = resolve(__dirname, '../../../../documents/john-vii-palaiologos.txt') // ships with the app
const FIXTURE = resolve(__dirname, '../../../fixtures/seed-entities.json')
const present = existsSync(SEED)
if (!present) console.warn(`skipping seed suggestion tests: ${SEED} is absent`)

const manuel: Entity = {
  id: 'ent_manuel', type: 'person', label: 'Manuel II', aliases: ['Manuel'], description: '', authorities: [], dates: {}, created: '', modified: ''
}

describe.skipIf(!present)('suggestions on the seed', () => {
  const text = present ? parseDocument('john-vii-palaiologos.txt', readFileSync(SEED)).text : ''
  const labels = (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { mentions: Labelled[] }).mentions
  const run = (extra: Partial<Parameters<typeof suggest>[0]> = {}) =>
    suggest({ text, entities: [manuel], annotations: [], rejected: [], ...extra })

  it('the labelled fixture matches the imported text', () => {
    const cps = [...text]
    for (const m of labels) expect(cps.slice(m.start, m.end).join('')).toBe(m.exact)
  })

  it('after linking "Manuel II" with alias "Manuel", finds every mention of Manuel', () => {
    const manuelLabels = labels.filter((m) => m.type === 'person' && m.exact.startsWith('Manuel'))
    expect(manuelLabels).toHaveLength(6)
    const found = run().filter((s) => s.entityId === manuel.id)
    expect(found.map((s) => [s.start, s.end, s.exact])).toEqual(manuelLabels.map((m) => [m.start, m.end, m.exact]))
    expect(found.every((s) => s.source === 'alias' && s.type === 'person')).toBe(true)
  })

  it('gives the seed\'s dates as EDTF', () => {
    const edtf = run().filter((s) => s.type === 'date').map((s) => s.edtf)
    for (const d of ['1370', '1408-09-22', '1390-04-14', '1402-07-20', '1403/1408', '1400~']) expect(edtf).toContain(d)
  })

  it('reaches recall 0.9 for people and dates, with precision 0.8, from a cold start', () => {
    const cold = suggest({ text, entities: [], annotations: [], rejected: [] })
    for (const type of ['person', 'date']) {
      const score = scoreType(type, labels, cold)
      expect(score.recall, `${type} recall; missed ${score.missed.join(', ')}`).toBeGreaterThanOrEqual(0.9)
      expect(score.precision, `${type} precision; wrong ${score.wrong.join(', ')}`).toBeGreaterThanOrEqual(0.8)
    }
    expect(scoreType('place', labels, cold).recall).toBeGreaterThanOrEqual(0.8)
  })

  it('leaves out what is already linked or rejected, and creates nothing', () => {
    const first = run().find((s) => s.entityId === manuel.id)!
    const linked: Annotation = {
      id: 'a', documentId: 'd', target: { start: first.start, end: first.end, exact: first.exact, prefix: '', suffix: '' },
      tags: [], note: '', entityIds: [manuel.id], citations: [], author: '', created: '', modified: '', status: 'anchored'
    }
    const date = run().find((s) => s.edtf === '1390-04-14')!
    const rejected = [{ id: 'r', documentId: 'd', start: date.start, end: date.end, exact: date.exact, created: '' }]
    const after = run({ annotations: [linked], rejected })
    expect(after.some((s) => s.start === first.start)).toBe(false)
    expect(after.some((s) => s.edtf === '1390-04-14')).toBe(false)
    expect(after.length).toBe(run().length - 2)
  })

  it('marks a known date entity on its dates and runs only the finders asked for', () => {
    const d1390: Entity = { ...manuel, id: 'ent_1390', type: 'date', label: '1390', aliases: [], dates: { date: '1390' } }
    const dates = suggest({ text, entities: [d1390], annotations: [], rejected: [], sources: ['date'] })
    expect(dates.every((s) => s.source === 'date')).toBe(true)
    expect(dates.filter((s) => s.entityId === 'ent_1390').map((s) => s.exact)).toEqual(['1390'])
  })
})

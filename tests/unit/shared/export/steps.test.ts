import { describe, expect, it } from 'vitest'
import { EXPORT_FORMATS } from '../../../../src/shared/export/registry'
import { ExportCancelled, runSteps, runStepsAsync } from '../../../../src/shared/export/steps'
import type { ExportInput } from '../../../../src/shared/export/types'
import { makeAnnotation, fixtureProject } from '../../../helpers/export-fixture'
import { CodePointIndex } from '../../../../src/shared/text/code-points'

/** The fixture with 5,000 more annotations, so the exports run in several batches. */
function bigInput(): ExportInput {
  const { data, texts } = fixtureProject()
  const index = new CodePointIndex(texts.doc_1)
  for (let i = 0; i < 5000; i++) {
    const start = i % (index.length - 10)
    data.annotations[`ann_b${i}`] = makeAnnotation(`ann_b${i}`, 'doc_1', index, start, start + 1 + (i % 9))
  }
  return { data, texts, scope: {}, options: {}, exportedAt: '2026-11-26T12:00:00.000Z' }
}

describe('export steps: progress and cancellation', () => {
  const input = bigInput()
  const mine = EXPORT_FORMATS.filter((f) => ['json', 'csv', 'w3c', 'tei'].includes(f.name))

  it.each(mine.map((f) => [f.name, f] as const))('%s reports rising progress ending at the total', async (_, format) => {
    const seen: [number, number][] = []
    runSteps((await format.load())(input), (done, total) => seen.push([done, total]))
    expect(seen.length).toBeGreaterThan(1)
    for (let i = 1; i < seen.length; i++) expect(seen[i][0]).toBeGreaterThanOrEqual(seen[i - 1][0])
    expect(seen[seen.length - 1]).toEqual([5017, 5017])
  })

  it.each(mine.map((f) => [f.name, f] as const))('%s stops when cancelled between batches', async (_, format) => {
    const controller = new AbortController()
    const run = runStepsAsync((await format.load())(input), (done) => done > 0 && controller.abort(), controller.signal)
    await expect(run).rejects.toBeInstanceOf(ExportCancelled)
  })
})

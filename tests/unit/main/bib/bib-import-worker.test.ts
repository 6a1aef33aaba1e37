/**
 * A large bibliography is read off the event loop (issue 9 item 7): while it is parsed, the
 * project keeps answering other calls; the job reports progress in entries and can be cancelled,
 * leaving the project unchanged.
 */
import { describe, expect, it } from 'vitest'
import { ok, projectPerTest } from '../../../helpers/project-per-test'
import { WORKER_BIB_BYTES } from '../../../../src/shared/bib/bib-limits'
import type { JobState } from '../../../../src/shared/api/jobs'

const t = projectPerTest()

/** `n` distinct BibTeX entries (about 230 bytes each). */
function bibtex(n: number): string {
  const out: string[] = ['@string{ist = {Istanbuler Mitteilungen}}']
  for (let i = 0; i < n; i++) {
    out.push(`@article{e${i}, author = {Author${i}, Given and Second${i}, Other}, title = {On the excavations at Miletus, part ${i}},`,
      `  journal = ist, volume = {${i % 60}}, year = {${1900 + (i % 120)}}, pages = {${i}--${i + 9}}}`)
  }
  return out.join('\n') + '\n'
}

describe('large bibliography import', () => {
  const content = Buffer.from(bibtex(3000))
  const args = { fileName: 'large.bib', contentBase64: content.toString('base64') }

  it('is read in a worker: other calls are answered meanwhile; progress is in entries', async () => {
    expect(content.length).toBeGreaterThan(WORKER_BIB_BYTES)
    const job = ok(await t.session.api.startJob({ method: 'importBibliography', args }))
    let answered = 0
    let state: JobState = job
    let sawProgress = false
    while (state.status === 'running') {
      ok(await t.session.api.getProjectInfo({}))
      answered++
      await new Promise((r) => setTimeout(r, 5))
      state = ok(await t.session.api.getJob({ id: job.id }))
      if (state.status === 'running' && state.label === 'reading' && state.done > 0 && state.done < state.total) sawProgress = true
    }
    expect(state.status).toBe('done')
    expect((state.result as { imported: number }).imported).toBe(3000)
    expect(sawProgress).toBe(true)
    // Reading 3,000 entries takes seconds; the project answered all along, not once at the end.
    expect(answered).toBeGreaterThan(20)
  }, 120_000)

  it('cancelled while reading, it stores nothing', async () => {
    const job = ok(await t.session.api.startJob({ method: 'importBibliography', args }))
    let state = job
    while (state.status === 'running' && state.done === 0) {
      await new Promise((r) => setTimeout(r, 5))
      state = ok(await t.session.api.getJob({ id: job.id }))
    }
    expect(state.status).toBe('running')
    ok(await t.session.api.cancelJob({ id: job.id }))
    await new Promise((r) => setTimeout(r, 200))
    expect(ok(await t.session.api.getJob({ id: job.id })).status).toBe('cancelled')
    expect(ok(await t.session.api.listCitations({}))).toEqual([])
    expect(ok(await t.session.api.getHistory({})).canUndo).toBe(false)
  }, 120_000)
})

/** `attach`, `compare`, `verify` and `report` as a user runs them (real processes, the bundled CLI). */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { corpusPath, SEED_PATH, tempDir } from '../../helpers/temp-dir'
import { cli } from '../../helpers/run-cli'

const GIBBON = corpusPath('large/gibbon-decline-and-fall-vol6-pg895.txt')

let dir: string
let cleanup: () => void
beforeAll(() => ({ dir, cleanup } = tempDir('marginalia-compare-cli-')))
afterAll(() => cleanup())

interface Candidate { start: number; end: number; exact: string; score: number; matched: { label: string; how: string }[]; discrepancies: { kind: string; claim: string; source: string; variant: boolean }[] }

describe.skipIf(!existsSync(GIBBON))('compare CLI (needs ../shared/corpus)', () => {
  it('attaches Gibbon, compares an annotation and a claim text, records a verdict and writes the report', async () => {
    const project = join(dir, 'p')
    expect((await cli('init', project)).code).toBe(0)
    const seedId = JSON.parse((await cli('import', project, SEED_PATH)).stdout).id as string
    const bib = join(dir, 'gibbon.bib')
    writeFileSync(bib, '@book{gibbon6, author={Gibbon, Edward}, title={The History of the Decline and Fall of the Roman Empire, vol. 6}, year={1788}}\n')
    const citationId = (JSON.parse((await cli('bib', 'import', project, bib)).stdout) as { citationIds: string[] }).citationIds[0]
    const claim = "Bayezid confirmed John VII in his father's domain of Selymbria"
    const annotated = await cli('annotate', project, '--doc', seedId, '--quote', claim, '--citation', citationId, '--locator', 'ch. LXIV')
    expect(annotated.code).toBe(0)
    const annotationId = JSON.parse(annotated.stdout).id as string

    const attached = await cli('attach', project, '--citation', citationId, '--file', GIBBON)
    expect(attached.code).toBe(0)
    const sourceId = JSON.parse(attached.stdout).sourceDocumentId as string
    expect(sourceId).toBeTruthy()

    const compared = await cli('compare', project, '--annotation', annotationId, '--top', '3')
    expect(compared.code).toBe(0)
    const result = JSON.parse(compared.stdout) as { candidates: Candidate[]; narrowedTo?: { label: string } }
    expect(result.candidates).toHaveLength(3)
    expect(result.narrowedTo?.label).toMatch(/^Chapter LXIV/)
    const best = result.candidates.find((c) => /Selybria/.test(c.exact) && /Bajazet|sultan/.test(c.exact))!
    expect(best).toBeTruthy()
    expect((JSON.parse(compared.stdout) as { judgement: { verdict: string } }).judgement.verdict).toMatch(/^(supported-passage-found|related-passages-only|not-found)$/)
    expect(best.matched).toContainEqual(expect.objectContaining({ label: 'Selymbria', how: 'name-variant' }))
    expect(best.discrepancies).toContainEqual({ kind: 'name', claim: 'Bayezid', source: 'Bajazet', variant: true })
    expect(best.discrepancies.filter((d) => !d.variant).map((d) => d.claim)).not.toContain('Selymbria')

    const byText = await cli('compare', project, '--claim', 'Bajazet defeated the Christians at Nicopolis', '--source', sourceId, '--top', '1')
    expect(byText.code).toBe(0)
    expect((JSON.parse(byText.stdout) as { candidates: Candidate[] }).candidates[0].exact).toMatch(/battle of\s+Nicopolis, Bajazet defeated/)

    const verified = await cli('verify', project, '--annotation', annotationId, '--citation', citationId, '--status', 'supported',
      '--source-start', String(best.start), '--source-end', String(best.end), '--note', 'ceded to the blind princes')
    expect(verified.code).toBe(0)
    expect(JSON.parse(verified.stdout).citations[0].verification).toMatchObject({ status: 'supported', note: 'ceded to the blind princes', source: { documentId: sourceId, start: best.start, end: best.end } })

    const out = join(dir, 'report.csv')
    expect((await cli('report', project, '--format', 'csv', '--out', out)).code).toBe(0)
    const csv = readFileSync(out, 'utf8')
    expect(csv).toContain('supported')
    expect(csv).toContain(`${best.start},${best.end}`)
  }, 180_000)

  it('fails with a clear message and changes nothing on a bad status', async () => {
    const project = join(dir, 'p')
    const before = readFileSync(join(project, 'project.json'), 'utf8')
    const r = await cli('verify', project, '--annotation', 'ann_x', '--citation', 'cit_x', '--status', 'maybe')
    expect(r.code).not.toBe(0)
    expect(r.stderr).toMatch(/--status must be one of supported/)
    expect(readFileSync(join(project, 'project.json'), 'utf8')).toBe(before)
  }, 60_000)
})

/**
 * Saving the agreement table as CSV from the app: `writeAgreementCsv` writes only where `writeExport`
 * may (the project's exports/ folder, or a folder granted because the historian chose it), and the
 * file holds the same table `agreement` computes.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ExportFolders } from '../../../../src/main/services/export-folders'
import { ProjectSession } from '../../../../src/main/services/project-session'
import type { AgreementReport } from '../../../../src/shared/api/team'
import { SEED_PATH, tempDir } from '../../../helpers/temp-dir'

describe('writeAgreementCsv', () => {
  const tmp = tempDir('marginalia-agreement-csv-')
  const folders = new ExportFolders()
  let session: ProjectSession
  let documentId: string
  const ok = <T,>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
    return r.value
  }

  beforeAll(async () => {
    session = await ProjectSession.open(join(tmp.dir, 'project'), { create: true, author: 'Ada', exportFolders: folders })
    documentId = ok(await session.api.importDocument({ fileName: 'john-vii.txt', contentBase64: readFileSync(SEED_PATH).toString('base64') })).id
    for (const [name, tags] of [['Ada', ['ruler']], ['Ben', ['sultan']]] as const) {
      ok(await session.api.setAuthor({ name, remember: false }))
      ok(await session.api.annotateQuote({ documentId, quote: 'Bayezid I', occurrence: 1, tags: [...tags] }))
      ok(await session.api.annotateQuote({ documentId, quote: 'Manuel II', occurrence: 1, tags: ['ruler'] }))
    }
  })
  afterAll(async () => {
    await session.close()
    tmp.cleanup()
  })

  it('writes the table into the project exports folder, the same rows as `agreement`', async () => {
    const report: AgreementReport = ok(await session.api.agreement({ documentId, by: 'tag' }))
    expect(report.raters).toEqual(['Ada', 'Ben'])
    const { path } = ok(await session.api.writeAgreementCsv({ documentId, by: 'tag', folder: join(session.store.dir, 'exports') }))
    expect(path).toBe(join(session.store.dir, 'exports', `agreement-${documentId}-tag.csv`))
    const rows = Papa.parse<string[]>(readFileSync(path, 'utf8').trim(), { newline: '\r\n' }).data
    expect(rows[0]).toEqual(['document', 'by', 'category', 'measure', 'raters', 'value', 'items', 'note'])
    expect(rows.slice(1).map((r) => [r[2], r[3], r[5]])).toEqual(report.rows.map((r) => [r.category ?? '*', r.measure, r.value === null ? '' : String(r.value)]))
    // Both agree on "ruler" at Manuel II and differ at Bayezid I: Cohen's κ over all categories is below 1.
    const cohen = report.rows.find((r) => r.category === null && r.measure === 'cohen-kappa')!
    expect(cohen.items).toBe(2)
    expect(cohen.value).toBeLessThan(1)
  })

  it('refuses a folder nobody chose, writing nothing; writes there once it is granted', async () => {
    const elsewhere = join(tmp.dir, 'elsewhere')
    const refused = await session.api.writeAgreementCsv({ documentId, by: 'type', folder: elsewhere })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.code).toBe('forbidden')
    expect(existsSync(elsewhere)).toBe(false)
    folders.grant(elsewhere)
    const { path } = ok(await session.api.writeAgreementCsv({ documentId, by: 'type', folder: elsewhere }))
    expect(path).toBe(join(elsewhere, `agreement-${documentId}-type.csv`))
    expect(readFileSync(path, 'utf8')).toContain('document,by,category')
  })
})

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { registerCslLocale, registerCslStyle } from '../../../../src/shared/bib/citation-js'
import type { ExportFormat } from '../../../../src/shared/export/registry'
import { runSteps } from '../../../../src/shared/export/steps'
import type { ExportInput, ExportOutput } from '../../../../src/shared/export/types'
import { fixtureProject } from '../../../helpers/export-fixture'
import { ROOT } from '../../../helpers/temp-dir'

// What the Export dialog, `export --format` and the exports service read from the registry: which
// exporter a name runs, the label a historian picks from, whether `--out` is a folder (several
// files) and which options the dialog offers.

// The registry is a module-level list: each test imports a fresh copy, so that a changed entry
// (mutation testing) is seen; a module evaluated once would keep the first list for every test.
type M = typeof import('../../../../src/shared/export/registry')
let EXPORT_FORMATS: M['EXPORT_FORMATS'], FORMAT_NAMES: M['FORMAT_NAMES'], findExportFormat: M['findExportFormat']
beforeEach(async () => {
  vi.resetModules()
  ;({ EXPORT_FORMATS, FORMAT_NAMES, findExportFormat } = await import('../../../../src/shared/export/registry'))
})

beforeAll(() => {
  const dir = join(ROOT, 'resources', 'csl')
  registerCslLocale('en-US', readFileSync(join(dir, 'locales-en-US.xml'), 'utf8'))
  for (const s of ['chicago-notes-bibliography', 'chicago-author-date']) registerCslStyle(s, readFileSync(join(dir, `${s}.csl`), 'utf8'))
})

/**
 * The fixture project cut down to one annotation in each of two documents (a copy of the first), so
 * a per-document format writes several files. Small on purpose: under mutation testing every
 * exporter's surviving mutant runs these tests.
 */
function twoDocuments(options: ExportInput['options'] = {}): ExportInput {
  const { data, texts } = fixtureProject()
  data.documents.doc_2 = { ...data.documents.doc_1, id: 'doc_2', title: 'John VII, second copy' }
  data.annotations = { ann_venice: data.annotations.ann_venice, ann_doc2: { ...data.annotations.ann_title, id: 'ann_doc2', documentId: 'doc_2' } }
  return { data, texts: { ...texts, doc_2: texts.doc_1 }, scope: {}, options, exportedAt: '2026-11-26T12:00:00.000Z' }
}

const run = async (format: ExportFormat, options: ExportInput['options'] = {}): Promise<ExportOutput> => runSteps((await format.load())(twoDocuments(options)))

/** An export's files as comparable text (zip bytes as numbers). */
const digest = (out: ExportOutput): string =>
  JSON.stringify(out.files.map((f) => [f.name, f.mediaType, typeof f.content === 'string' ? f.content : Array.from(f.content)]))

/** Media type of the main file each format name must produce. */
const MAIN_MEDIA_TYPE: Record<string, string> = {
  json: 'application/json', csv: 'text/csv; charset=utf-8', w3c: 'application/ld+json', tei: 'application/tei+xml',
  csl: 'application/vnd.citationstyles.csl+json', bibtex: 'application/x-bibtex', bibliography: 'text/html'
}

/** A setting of each option that changes the output of a format that honours it. */
const OPTION_VALUES = { bom: true, zip: true, style: 'chicago-author-date' } as const

describe('export format registry', () => {
  it('runs, for each format name, the exporter of that format', async () => {
    expect(EXPORT_FORMATS.map((f) => f.name)).toEqual([...FORMAT_NAMES])
    for (const name of FORMAT_NAMES) {
      const format = findExportFormat(name)
      expect(format?.name, name).toBe(name)
      const out = await run(format!)
      expect(out.files[0].mediaType, name).toContain(MAIN_MEDIA_TYPE[name].split(';')[0])
    }
    expect(findExportFormat('docx')).toBeUndefined()
  })

  it('labels each format for the dialog with the standard it writes, each label different', () => {
    const names: Record<string, RegExp> = { json: /Marginalia JSON/, csv: /CSV/, w3c: /W3C Web Annotation/, tei: /TEI/, csl: /CSL-JSON/, bibtex: /BibTeX/, bibliography: /bibliography/i }
    for (const f of EXPORT_FORMATS) expect(f.label, f.name).toMatch(names[f.name])
    expect(new Set(EXPORT_FORMATS.map((f) => f.label)).size).toBe(EXPORT_FORMATS.length)
  })

  it('marks as multi-file exactly the formats that can write several files (then --out is a folder)', async () => {
    // Per document (TEI), per table (CSV), per page (W3C, one annotation a page), bibliography as HTML and text.
    const several = { csv: {}, tei: {}, w3c: { pageSize: 1 }, bibliography: {} } as Record<string, ExportInput['options']>
    for (const f of EXPORT_FORMATS) {
      const out = await run(f, several[f.name] ?? {})
      if (f.multiFile) expect(out.files.length, f.name).toBeGreaterThan(1)
      else expect(out.files, f.name).toHaveLength(1)
    }
    expect(EXPORT_FORMATS.filter((f) => f.multiFile).map((f) => f.name).sort()).toEqual(Object.keys(several).sort())
  })

  it('offers exactly the options that change what a format writes', async () => {
    for (const f of EXPORT_FORMATS) {
      const plain = digest(await run(f))
      const honoured: string[] = []
      for (const o of Object.keys(OPTION_VALUES) as (keyof typeof OPTION_VALUES)[]) if (digest(await run(f, { [o]: OPTION_VALUES[o] })) !== plain) honoured.push(o)
      expect(f.options, f.name).toEqual(honoured)
    }
  })
})

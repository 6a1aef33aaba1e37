import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli, cliJson } from '../../helpers/run-cli'
import { makePdf } from '../../helpers/make-documents'
import { corpusPath, tempDir } from '../../helpers/temp-dir'

let dir: string
let files: string
let cleanup: () => void

beforeAll(async () => {
  const t = tempDir()
  cleanup = t.cleanup
  dir = join(t.dir, 'project')
  files = t.dir
  await cliJson('init', dir)
}, 120_000)
afterAll(() => cleanup())

const KERVEGAN = corpusPath('tei/froissart-kervegan/froissart.xml')

describe('marginalia import / doc', () => {
  it('imports a TEI edition and prints the document with its counts', async () => {
    const out = await cliJson('import', dir, KERVEGAN)
    expect(out).toMatchObject({
      format: 'tei', title: 'Chroniques', author: 'Jean Froissart',
      counts: { pages: 3, notes: 0, preAnnotations: 66, entitiesCreated: 27, entitiesReused: 0 }
    })
  }, 120_000)

  it('imports a PDF with --format pdf and reports its pages', async () => {
    const pdf = join(files, 'two-pages.pdf')
    writeFileSync(pdf, await makePdf([[{ text: 'First page.', x: 72, y: 100 }], [{ text: 'Second page.', x: 72, y: 100 }]]))
    const out = await cliJson('import', dir, pdf, '--format', 'pdf')
    expect(out).toMatchObject({ format: 'pdf', counts: { pages: 2, paragraphs: 2 } })
  }, 120_000)

  it('refuses non-UTF-8 text naming the file and the encoding to choose; --encoding imports it', async () => {
    const file = join(files, 'latin.txt')
    writeFileSync(file, Buffer.from([...Buffer.from('Pal'), 0xe6, ...Buffer.from('ologus')]))
    const refused = await cli('import', dir, file)
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toContain('latin.txt: not valid UTF-8 (first invalid byte sequence at byte 3); it reads cleanly as Windows-1252')
    const out = await cliJson('import', dir, file, '--encoding', 'windows-1252')
    expect(out).toMatchObject({ length: 10, encoding: 'windows-1252' })
    const bad = await cli('import', dir, file, '--encoding', 'koi8-r')
    expect(bad.stderr).toContain('--encoding must be one of utf-8, windows-1252, iso-8859-1, iso-8859-7, utf-16le, utf-16be')
  }, 240_000)

  it('renames a document, edits its metadata and deletes it', async () => {
    const file = join(files, 'n.md')
    writeFileSync(file, '# Notes\n\nOn _Ducas_.')
    const doc = await cliJson('import', dir, file)
    expect(await cliJson('doc', 'rename', dir, '--doc', doc.id, '--title', 'Notes on Ducas')).toEqual({ id: doc.id, title: 'Notes on Ducas' })
    const meta = await cliJson('doc', 'meta', dir, '--doc', doc.id, '--author', 'Me', '--date', '2026-12')
    expect(meta.metadata).toMatchObject({ author: 'Me', date: '2026-12' })
    expect(await cliJson('doc', 'delete', dir, '--doc', doc.id)).toEqual({ id: doc.id })
    const listed = await cliJson('list', dir)
    expect(listed.documents.map((d: { id: string }) => d.id)).not.toContain(doc.id)
  }, 240_000)
})

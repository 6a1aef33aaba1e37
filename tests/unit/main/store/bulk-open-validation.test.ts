/**
 * The fast open path (record lines parsed many at a time, straight from the read buffer, each record
 * checked by its collection's compiled schema) refuses every broken record wherever it lies: the
 * first record, one at the edge of a parse run or of a read chunk, the last. The project is large
 * enough (≈ 1.9 MB, 6,000 annotations) to span several 512 KiB reads and many 96 KiB parse runs,
 * and the error names the record's true line.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { FileProjectStore } from '../../../../src/main/store/project-store'
import { tempDir } from '../../../helpers/temp-dir'
import { annotation, folder } from './store-test-kit'

const COUNT = 6_000
let seedDir: ReturnType<typeof tempDir> | undefined // kept for the whole file (folder() is removed after each test)
let seeding: Promise<string> | undefined
afterAll(() => {
  seedDir?.cleanup()
  seedDir = seeding = undefined
})

/**
 * The seed project's folder, written by the first test that needs it (not in beforeAll: mutation
 * testing counts code run outside a test as run by every test, and would run them all per mutant).
 */
function seeded(): Promise<string> {
  seeding ??= (async () => {
    seedDir = tempDir()
    const store = await FileProjectStore.open(seedDir.dir, { create: true })
    await store.transact('seed', (tx) => {
      for (let i = 0; i < COUNT; i++) tx.put('annotations', annotation(`ann_${String(i).padStart(5, '0')}`, 'doc_1', `note ${i} `.repeat(20)))
    })
    await store.close()
    return seedDir.dir
  })()
  return seeding
}

/** A copy of the seed project whose annotation line `index` (0-based among records) is replaced by `edit(record)`; returns the folder and the 1-based line. */
function withBrokenRecord(seed: string, index: number, edit: (record: Record<string, unknown>) => unknown): { dir: string; line: number; id: string } {
  const dir = folder()
  cpSync(seed, dir, { recursive: true })
  const file = join(dir, 'project.json')
  const lines = readFileSync(file, 'utf8').split('\n')
  const first = lines.indexOf('"annotations":[') + 1
  const n = first + index
  const comma = lines[n].endsWith(',')
  const record = JSON.parse(comma ? lines[n].slice(0, -1) : lines[n]) as Record<string, unknown>
  lines[n] = JSON.stringify(edit(record)) + (comma ? ',' : '')
  writeFileSync(file, lines.join('\n'))
  return { dir, line: n + 1, id: record.id as string }
}

/** Record indexes that sit at the start, near 96 KiB / 512 KiB boundaries, in the middle, and at the end. */
function positions(seed: string): number[] {
  const lines = readFileSync(join(seed, 'project.json'), 'utf8').split('\n')
  const first = lines.indexOf('"annotations":[') + 1
  const at = (bytes: number) => {
    let sum = 0
    for (let i = 0; i < lines.length; i++) if ((sum += Buffer.byteLength(lines[i]) + 1) > bytes) return i - first
    return COUNT - 1
  }
  return [0, at(96 * 1024), at(96 * 1024) + 1, at(1 << 19), at(1 << 19) + 1, Math.floor(COUNT / 2), COUNT - 1]
}

const breakages: [string, (r: Record<string, unknown>) => unknown, RegExp][] = [
  ['a missing member', ({ documentId: _, ...r }) => r, /missing member documentId/],
  ['a member of the wrong type', (r) => ({ ...r, target: { ...(r.target as object), start: '12' } }), /\/target\/start must be integer/],
  ['a date that is not a date', (r) => ({ ...r, created: 'yesterday' }), /\/created must match format "date-time"/],
  ['a negative offset', (r) => ({ ...r, target: { ...(r.target as object), end: -1 } }), /\/target\/end must be >= 0/],
  ['a dangerous member hiding a missing one', ({ documentId: _, ...r }) => JSON.parse(`{"__proto__":{"documentId":"doc_1"},${JSON.stringify(r).slice(1)}`), /missing member documentId/]
]

describe('the fast open path validates every record', () => {
  it('opens the intact project with every record as written', async () => {
    const store = await FileProjectStore.open(await seeded(), { readOnly: true })
    expect(Object.keys(store.data.annotations)).toHaveLength(COUNT)
    expect(store.data.annotations.ann_04321).toEqual(annotation('ann_04321', 'doc_1', 'note 4321 '.repeat(20)))
    await store.close()
  })

  for (const [what, edit, problem] of breakages) {
    it(`refuses ${what} wherever the record lies, naming its line and id`, async () => {
      const seed = await seeded()
      for (const index of positions(seed)) {
        const { dir, line, id } = withBrokenRecord(seed, index, edit)
        const err = await FileProjectStore.open(dir).catch((e: Error) => e)
        expect(err, `record ${index}`).toBeInstanceOf(Error)
        expect(String(err)).toContain(`project.json line ${line}: annotations "${id}" is not a valid record`)
        expect(String(err)).toMatch(problem)
      }
    })
  }

  it('refuses a record without an id and an id repeated far from its first use', async () => {
    const seed = await seeded()
    const noId = withBrokenRecord(seed, positions(seed)[3], ({ id: _, ...r }) => r)
    await expect(FileProjectStore.open(noId.dir)).rejects.toThrow(`project.json line ${noId.line}: a record of annotations has no id`)
    const twice = withBrokenRecord(seed, COUNT - 1, (r) => ({ ...r, id: 'ann_00007' }))
    await expect(FileProjectStore.open(twice.dir)).rejects.toThrow(`project.json line ${twice.line}: annotations "ann_00007" appears twice`)
  })
})

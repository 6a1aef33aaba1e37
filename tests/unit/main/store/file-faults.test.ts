/**
 * Fault injection at the file layer (every store write goes through `storeFs`): writes follow
 * temp file → fsync → rename → fsync(folder), edits are fdatasync'ed before they are acknowledged,
 * and a failure at any step leaves the old files intact and every acknowledged edit recoverable.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FileProjectStore } from '../../../../src/main/store/project-store'
import { failAt, folder, tag, traceFs } from './store-test-kit'

/** True when `want` occurs in `trace` in this order (other operations may come between). */
function inOrder(trace: string[], want: string[]): boolean {
  let i = 0
  for (const t of trace) if (t === want[i]) i++
  return i === want.length
}

describe('write protocol', () => {
  it('compaction writes project.json as temp → fsync → rename → fsync of the folder, never in place', async () => {
    const dir = folder()
    const name = dir.split('/').pop()!
    const store = await FileProjectStore.open(dir, { create: true })
    await store.transact('a', (tx) => tx.put('tags', tag('a')))
    const trace = traceFs()
    await store.close()
    expect(inOrder(trace, ['open .project.json.TMP', 'write .project.json.TMP', 'sync .project.json.TMP', 'rename .project.json.TMP → project.json', `open ${name}`, `sync ${name}`])).toBe(true)
    expect(trace.filter((t) => /^(open|write)\b.* project\.json$/.test(t))).toEqual([]) // never opened for writing in place
  })

  it('acknowledges an edit only after its journal line is written and fdatasync’ed', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    const trace = traceFs()
    let acknowledgedAt = -1
    await store.transact('a', (tx) => tx.put('tags', tag('a'))).then(() => (acknowledgedAt = trace.length))
    const synced = trace.lastIndexOf('datasync journal.jsonl')
    expect(trace.indexOf('write journal.jsonl')).toBeLessThan(synced)
    expect(synced).toBeGreaterThanOrEqual(0)
    expect(acknowledgedAt).toBeGreaterThan(synced)
    await store.close()
  })
})

describe('failures leave the old files and every acknowledged edit', () => {
  for (const op of ['write', 'sync', 'rename'] as const) {
    it(`a failing ${op} while compacting keeps project.json as it was and the edit in the journal`, async () => {
      const dir = folder()
      const store = await FileProjectStore.open(dir, { create: true })
      const before = readFileSync(join(dir, 'project.json'))
      await store.transact('a', (tx) => tx.put('tags', tag('a')))
      failAt(op, /project\.json/)
      await store.close() // compaction fails; close still releases the project
      expect(readFileSync(join(dir, 'project.json'))).toEqual(before)
      expect(store.warnings.join('\n')).toMatch(/could not fold the journal .*ENOSPC/)
      const again = await FileProjectStore.open(dir)
      expect(again.data.tags.a).toEqual(tag('a'))
      await again.close()
    })
  }

  it('a failing write of the journal rolls the edit back and leaves the journal byte for byte', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    await store.transact('a', (tx) => tx.put('tags', tag('a')))
    const before = readFileSync(join(dir, 'journal.jsonl'))
    failAt('write', /journal\.jsonl$/)
    await expect(store.transact('b', (tx) => tx.put('tags', tag('b')))).rejects.toThrow(/ENOSPC/)
    expect(readFileSync(join(dir, 'journal.jsonl'))).toEqual(before)
    await store.transact('c', (tx) => tx.put('tags', tag('c')))
    await store.close()
    const again = await FileProjectStore.open(dir)
    expect(Object.keys(again.data.tags)).toEqual(['a', 'c'])
    await again.close()
  })

  it('a failing rename of a text file keeps the old text', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    await store.saveText('doc_1', 'old text')
    failAt('rename', /doc_1\.txt$/)
    await expect(store.saveText('doc_1', 'new text')).rejects.toThrow(/ENOSPC/)
    expect(readFileSync(join(dir, 'texts', 'doc_1.txt'), 'utf8')).toBe('old text')
    await store.close()
  })
})

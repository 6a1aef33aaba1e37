/**
 * The journal: edits are appended, replayed on open, folded into project.json by compaction (in the
 * background and on close); a torn last line is dropped, damage elsewhere stops the open with the line named.
 */
import { appendFileSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { FileProjectStore } from '../../../../src/main/store/project-store'
import { annotation, crash, folder, tag } from './store-test-kit'

const journalOf = (dir: string) => readFileSync(join(dir, 'journal.jsonl'), 'utf8')

/** A crashed project whose journal holds edits adding tags a and b; returns the journal's lines. */
async function crashedWithTwoEdits(dir: string): Promise<string[]> {
  const store = await FileProjectStore.open(dir, { create: true })
  await store.transact('a', (tx) => tx.put('tags', tag('a')))
  await store.transact('b', (tx) => tx.put('tags', tag('b')))
  await crash(store)
  return journalOf(dir).split('\n')
}

afterEach(() => {
  delete process.env.MARGINALIA_COMPACT_BYTES
})

describe('journal', () => {
  it('writes one line per edit and leaves project.json alone until compaction', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    const snapshot = readFileSync(join(dir, 'project.json'), 'utf8')
    await store.transact('a', (tx) => tx.put('tags', tag('a')))
    await store.transact('b', (tx) => tx.put('tags', tag('b')))
    expect(readFileSync(join(dir, 'project.json'), 'utf8')).toBe(snapshot)
    expect(journalOf(dir).trim().split('\n')).toHaveLength(3) // header + 2 edits
    await store.close()
    expect(readFileSync(join(dir, 'project.json'), 'utf8')).toContain('{"id":"b","color":"#fff"}')
    expect(journalOf(dir).trim().split('\n')).toHaveLength(1) // folded in: only the header is left
  })

  it('drops a torn last line (a crash mid-append) and says so; the edits before it are kept', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    await store.transact('a', (tx) => tx.put('tags', tag('a')))
    await crash(store)
    const whole = journalOf(dir)
    appendFileSync(join(dir, 'journal.jsonl'), whole.split('\n')[1].slice(0, 40)) // half a line, no newline
    const again = await FileProjectStore.open(dir)
    expect(Object.keys(again.data.tags)).toEqual(['a'])
    expect(again.warnings.join('\n')).toMatch(/last line was cut off by a crash/)
    await again.transact('b', (tx) => tx.put('tags', tag('b'))) // appended after the cut, not glued to the torn bytes
    await crash(again)
    const third = await FileProjectStore.open(dir)
    expect(Object.keys(third.data.tags)).toEqual(['a', 'b'])
    await third.close()
  })

  it('drops a last line whose checksum does not match (e.g. zeros after a power cut)', async () => {
    const dir = folder()
    const lines = await crashedWithTwoEdits(dir)
    lines[2] = lines[2].replace('"b"', '"c"') // same length, wrong checksum
    writeFileSync(join(dir, 'journal.jsonl'), lines.join('\n'))
    const again = await FileProjectStore.open(dir)
    expect(Object.keys(again.data.tags)).toEqual(['a'])
    await again.close()
  })

  it('stops with the line named when a line before the last is damaged, changing nothing', async () => {
    const dir = folder()
    const lines = await crashedWithTwoEdits(dir)
    lines[1] = lines[1].replace('"a"', '"x"')
    const damaged = lines.join('\n')
    writeFileSync(join(dir, 'journal.jsonl'), damaged)
    // The code lets the app offer the way out; the message says what is intact and what to do.
    await expect(FileProjectStore.open(dir)).rejects.toMatchObject({
      code: 'invalid-file',
      message: expect.stringMatching(/journal\.jsonl line 2: damaged \(not the last line.*Edits before it are intact; move the file aside .* or restore a backup/)
    })
    expect(journalOf(dir)).toBe(damaged)
  })

  it('refuses a journal line holding an invalid record even with a good checksum', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    await crash(store)
    const { createHash } = await import('node:crypto')
    const json = JSON.stringify({ seq: 1, op: 'edit', label: 'x', changes: [{ c: 'annotations', id: 'ann_1', v: { id: 'ann_1' } }] })
    appendFileSync(join(dir, 'journal.jsonl'), `${createHash('sha256').update(json).digest('hex').slice(0, 16)} ${json}\n`)
    await expect(FileProjectStore.open(dir)).rejects.toMatchObject({ code: 'invalid-file', message: expect.stringMatching(/journal\.jsonl line 2: annotations "ann_1" is not a valid record: missing member documentId/) })
  })

  it('sets aside a journal that does not continue project.json (an older backup put back by hand)', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    await store.close()
    const old = readFileSync(join(dir, 'project.json'))
    const second = await FileProjectStore.open(dir)
    await second.transact('a', (tx) => tx.put('tags', tag('a')))
    await second.close() // compacted: the journal now continues the new state
    const third = await FileProjectStore.open(dir)
    await third.transact('b', (tx) => tx.put('tags', tag('b')))
    await crash(third)
    writeFileSync(join(dir, 'project.json'), old) // the state before 'a'
    const again = await FileProjectStore.open(dir)
    expect(again.data.tags.b).toBeUndefined() // 'b' was made on top of 'a': it is not replayed onto the old state
    expect(again.warnings.join('\n')).toMatch(/journal\.jsonl was not applied because .*moved to .*unapplied/)
    await again.close()
  })

  it('compacts in the background once the journal outgrows its threshold, losing nothing', async () => {
    process.env.MARGINALIA_COMPACT_BYTES = '2000'
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    const writes = Array.from({ length: 200 }, (_, i) => store.transact(`a${i}`, (tx) => tx.put('annotations', annotation(`ann_${i}`, 'doc_1', 'n'.repeat(i % 50)))))
    await Promise.all(writes)
    for (let i = 0; i < 30; i++) await store.transact(`b${i}`, (tx) => tx.put('tags', tag(`t${i}`)))
    await new Promise((r) => setTimeout(r, 200))
    expect(readFileSync(join(dir, 'project.json'), 'utf8')).toContain('"ann_150"') // folded in before close
    expect(statSync(join(dir, 'journal.jsonl')).size).toBeLessThan(20_000)
    await crash(store)
    const again = await FileProjectStore.open(dir)
    expect(Object.keys(again.data.annotations)).toHaveLength(200)
    expect(Object.keys(again.data.tags)).toHaveLength(30)
    expect(again.history.state().undoLabel).toBe('b29')
    await again.close()
  })

  it('a session without edits leaves project.json as it was on close', async () => {
    const dir = folder()
    const first = await FileProjectStore.open(dir, { create: true })
    await first.transact('a', (tx) => tx.put('tags', tag('a')))
    await first.close()
    const before = statSync(join(dir, 'project.json'))
    const store = await FileProjectStore.open(dir)
    await store.close()
    const after = statSync(join(dir, 'project.json'))
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]) // not rewritten
  })

  it('compacts again each time the journal outgrows its threshold in one session', async () => {
    process.env.MARGINALIA_COMPACT_BYTES = '2000'
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    const folded = async (id: string) => {
      for (let i = 0; i < 100 && !readFileSync(join(dir, 'project.json'), 'utf8').includes(`"${id}"`); i++) await new Promise((r) => setTimeout(r, 50))
      return readFileSync(join(dir, 'project.json'), 'utf8').includes(`"${id}"`)
    }
    for (const round of ['a', 'b', 'c']) {
      for (let i = 0; i < 40; i++) await store.transact(`${round}${i}`, (tx) => tx.put('annotations', annotation(`${round}_${i}`, 'doc_1', 'n'.repeat(200))))
      expect(await folded(`${round}_39`), `round ${round} folded in before close`).toBe(true)
    }
    await store.close()
  })
})

describe('project.json read back', () => {
  it('gives back exactly what was written, across many 512 KiB chunks, Greek and astral characters included', async () => {
    const dir = folder()
    const store = await FileProjectStore.open(dir, { create: true })
    await store.transact('many', (tx) => {
      for (let i = 0; i < 4000; i++) tx.put('annotations', annotation(`ann_${i}`, 'doc_1', `${i % 3 ? 'Ἰωάννης 𝔊 ' : 'note, "quoted" '}`.repeat(1 + (i % 40))))
    })
    const expected = JSON.parse(JSON.stringify(store.data.annotations))
    await store.close()
    expect(statSync(join(dir, 'project.json')).size).toBeGreaterThan(2 * 512 * 1024)
    const again = await FileProjectStore.open(dir)
    expect(JSON.parse(JSON.stringify(again.data.annotations))).toEqual(expected)
    await again.close()
    // The same file reformatted by hand (records over several lines) is read by the whole-file path.
    const file = join(dir, 'project.json')
    writeFileSync(file, JSON.stringify(JSON.parse(readFileSync(file, 'utf8')), null, 2))
    const pretty = await FileProjectStore.open(dir)
    expect(JSON.parse(JSON.stringify(pretty.data.annotations))).toEqual(expected)
    await pretty.close()
  })
})

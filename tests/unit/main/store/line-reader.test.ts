import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseLinesAsArray, readLineChunks, readLines, STOP } from '../../../../src/main/store/line-reader'
import { folder, trackHandles } from './store-test-kit'

describe('readLines', () => {
  it('gives back every line exactly, whatever the chunk size and wherever a multi-byte character is cut', async () => {
    const dir = folder()
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: fc.constantFrom('a', 'Ω', 'ἀ', '𝔊', '"', ',', ' ', '\u00e9') }), { maxLength: 12 }), fc.integer({ min: 1, max: 9 }), fc.boolean(), async (lines, chunk, trailing) => {
        const path = join(dir, 'f.txt')
        writeFileSync(path, lines.join('\n') + (trailing ? '\n' : ''))
        const got: [string, boolean][] = []
        await readLines(path, (line, _n, complete) => void got.push([line, complete]), chunk)
        const text = lines.join('\n') + (trailing ? '\n' : '')
        const expected = text === '' ? [] : text.split('\n').slice(0, trailing ? -1 : undefined).map((l, i, all): [string, boolean] => [l, trailing || i < all.length - 1])
        expect(got).toEqual(expected.filter(([l, complete]) => complete || l !== ''))
      }),
      { numRuns: 200 }
    )
  })

  it('closes the file it read: read to the end, stopped early, or when the caller fails (a long session must not run out of file handles)', async () => {
    const path = join(folder(), 'f.txt')
    writeFileSync(path, 'one\ntwo\nthree\n')
    const handles = trackHandles()
    await readLines(path, () => undefined)
    await readLines(path, () => STOP)
    await expect(readLines(path, () => { throw new Error('caller failed') })).rejects.toThrow('caller failed')
    expect(handles).toHaveLength(3)
    expect(handles.filter((h) => h.fd !== -1)).toEqual([])
  })
})

/** Parses a file of JSON lines (every line but the last ending with `,`) chunk by chunk, as the snapshot reader does. */
async function parseInChunks(path: string, chunkBytes: number): Promise<unknown[]> {
  const values: unknown[] = []
  await readLineChunks(path, ({ buf, start, end }) => {
    values.push(...parseLinesAsArray(buf, start, end - 1).values) // end - 1: the last line's \n
    return end
  }, chunkBytes)
  return values
}

describe('readLineChunks', () => {
  it('hands every chunk over with room before it for the parser, also when the carried start of a line fills the reserve exactly', async () => {
    const path = join(folder(), 'f.jsonl')
    // 8-byte chunks (and an 8-byte reserve): the first read holds `"abcdef"` with no newline, all 8 bytes carried into the next.
    writeFileSync(path, '"abcdef",\n"xy",\n"z"\n')
    expect(await parseInChunks(path, 8)).toEqual(['abcdef', 'xy', 'z'])
  })

  it('gives back every JSON value whatever the chunk size and the line lengths', async () => {
    const dir = folder()
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: fc.constantFrom('a', 'Ω', '𝔊', ',', ' ') }), { minLength: 1, maxLength: 10 }), fc.integer({ min: 2, max: 12 }), async (strings, chunk) => {
        const path = join(dir, 'f.jsonl')
        writeFileSync(path, strings.map((s) => JSON.stringify(s)).join(',\n') + '\n')
        expect(await parseInChunks(path, chunk)).toEqual(strings)
      }),
      { numRuns: 150 }
    )
  })
})

import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readLines } from '../../../../src/main/store/line-reader'
import { folder } from './store-test-kit'

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
})

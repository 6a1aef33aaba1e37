import { it } from 'vitest'
import { encodingCandidates } from '../../src/shared/import/encodings'
const enc = (s: string) => new TextEncoder().encode(s)
it('x', () => {
  const cp1252 = new Uint8Array([...enc('Le '), 0x9c, ...enc('uvre de C'), 0xe9, ...enc('sar, '), 0x93, ...enc('Pal'), 0xe6, ...enc('ologus'), 0x94, ...enc('.')])
  for (const c of encodingCandidates(cp1252).candidates) console.log(c.encoding, c.score, c.problems, c.preview)
})

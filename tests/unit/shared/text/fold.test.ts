import { describe, expect, it } from 'vitest'
import { normaliseForKey } from '../../../../src/shared/citations/csl-item'
import { foldKey, foldWord } from '../../../../src/shared/text/fold'
import { tokenise } from '../../../../src/shared/text/tokenise'

describe('one folding table for every caller', () => {
  it('folds letters Unicode does not decompose the same way for entities, citation keys and compare', () => {
    // Before one table, citation keys kept ø and ł (NFKD leaves them) while entity keys folded them.
    expect(normaliseForKey('Ørsted, Łódź')).toBe(normaliseForKey('Orsted, Lodz'))
    expect(foldKey('Ørsted Łódź')).toBe('orsted lodz')
    expect(foldWord('Ørsted')).toBe('orsted')
    expect(foldWord('Palæologus')).toBe(foldKey('Palaeologus'))
  })
  it('tokenises with the same folding: damaged, accented and ligatured spellings give one form', () => {
    const norms = tokenise('PalÊologus Palæologus Palaeológus').map((t) => t.norm)
    expect(new Set(norms)).toEqual(new Set(['palaeologus']))
  })
})

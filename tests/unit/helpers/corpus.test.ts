/** Under CI=true a missing corpus fails the run; elsewhere the tests that need it skip, saying what is missing. */
import { describe, expect, it } from 'vitest'
import { checkCorpus, CORPUS_USED_BY_TESTS, corpusPath, hasCorpus } from '../../helpers/corpus'

describe('corpus guard', () => {
  it('under CI=true throws, naming every missing file', () => {
    expect(() => checkCorpus(true, () => false)).toThrow(corpusPath('large/gibbon-decline-and-fall-vol6-pg895.txt'))
    expect(() => checkCorpus(true, (p) => !p.endsWith('Bayezid_I.md'))).toThrow(/missing:\n {2}\S*Bayezid_I\.md\n\(the corpus/)
  })

  it('elsewhere returns what is missing for a message, and nothing when all is there', () => {
    expect(checkCorpus(false, () => false)).toHaveLength(CORPUS_USED_BY_TESTS.length)
    expect(checkCorpus(true, () => true)).toEqual([])
  })

  it('hasCorpus throws under CI=true for a missing file and answers false elsewhere', () => {
    const ci = process.env.CI
    try {
      process.env.CI = 'true'
      expect(() => hasCorpus('no/such/file.txt')).toThrow(/under CI=true a missing corpus fails the run/)
      process.env.CI = ''
      expect(hasCorpus('no/such/file.txt')).toBe(false)
    } finally {
      process.env.CI = ci
    }
  })
})

/**
 * Golden baselines for the shipped sample documents (as Hypothesis keeps for its HTML fixtures):
 * selectors recorded once in tests/fixtures/anchoring-baselines must keep anchoring exactly, so a
 * change to import, normalisation or offsets that would silently shift stored annotations fails here.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { anchor } from '../../../../src/shared/anchoring'
import { parseDocument } from '../../../../src/shared/import/parse-document'
import type { TextTarget } from '../../../../src/shared/model'
import { CodePointIndex } from '../../../../src/shared/text/code-points'
import { ROOT } from '../../../helpers/temp-dir'

const folder = join(ROOT, 'tests', 'fixtures', 'anchoring-baselines')

describe('anchoring baselines of documents/', () => {
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.json'))) {
    it(`${name}: every recorded selector anchors at its recorded position`, () => {
      const baseline = JSON.parse(readFileSync(join(folder, name), 'utf8')) as { document: string; textLength: number; targets: TextTarget[] }
      const file = join(ROOT, baseline.document)
      const doc = parseDocument(file, new Uint8Array(readFileSync(file)))
      const index = new CodePointIndex(doc.text)
      expect(index.length).toBe(baseline.textLength)
      expect(baseline.targets.length).toBeGreaterThan(4)
      for (const target of baseline.targets) {
        expect(index.slice(target.start, target.end)).toBe(target.exact)
        const found = anchor(index, target)
        expect(found).toMatchObject({ start: target.start, end: target.end, status: 'anchored' })
      }
    })
  }
})

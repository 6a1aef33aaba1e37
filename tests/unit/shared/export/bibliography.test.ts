import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { registerCslLocale, registerCslStyle } from '../../../../src/shared/bib/citation-js'
import { exportBibliography } from '../../../../src/shared/export/bibliography'
import { ROOT } from '../../../helpers/temp-dir'
import { GREEK, projectWith, ZACHARIADOU } from './citations-fixture'

beforeAll(() => {
  const dir = join(ROOT, 'resources', 'csl')
  registerCslLocale('en-US', readFileSync(join(dir, 'locales-en-US.xml'), 'utf8'))
  for (const s of ['chicago-notes-bibliography', 'chicago-author-date']) registerCslStyle(s, readFileSync(join(dir, `${s}.csl`), 'utf8'))
})

describe('formatted bibliography export', () => {
  const run = (style?: string) => exportBibliography({ data: projectWith([ZACHARIADOU, GREEK]), texts: {}, scope: {}, options: { style }, exportedAt: '' })

  it('writes Chicago notes-bibliography as HTML and plain text, one entry per line', () => {
    const out = run()
    const text = out.files.find((f) => f.name === 'bibliography.txt')!.content as string
    expect(text.split('\n')).toHaveLength(3)
    expect(text.split('\n').find((l) => l.startsWith('Zachariadou'))).toBe('Zachariadou, Elizabeth A. “John VII (Alias Andronicus) Palaeologus.” Dumbarton Oaks Papers 31 (1977): 339–42.')
    const html = out.files.find((f) => f.name === 'bibliography.html')!.content as string
    expect(html).toContain('<i>Dumbarton Oaks Papers</i> 31 (1977): 339–42.')
    expect(html).toContain('Παπαδόπουλος')
  })

  it('writes Chicago author-date when asked', () => {
    const text = run('chicago-author-date').files[1].content as string
    expect(text).toContain('Zachariadou, Elizabeth A. 1977. “John VII (Alias Andronicus) Palaeologus.” Dumbarton Oaks Papers 31: 339–42.')
  })

  it('refuses a style that is not loaded', () => {
    expect(() => run('apa-nonexistent')).toThrow(/not loaded/)
  })
})

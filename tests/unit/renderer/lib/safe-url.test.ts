import { describe, expect, it } from 'vitest'
import { safeHttpUrl } from '../../../../src/renderer/lib/safe-url'

describe('safeHttpUrl (links from data)', () => {
  it('allows http and https authority URIs, normalised', () => {
    expect(safeHttpUrl('http://www.wikidata.org/entity/Q8462')).toBe('http://www.wikidata.org/entity/Q8462')
    expect(safeHttpUrl(' https://viaf.org/viaf/102333412 ')).toBe('https://viaf.org/viaf/102333412')
    expect(safeHttpUrl('HTTPS://d-nb.info/gnd/118540238')).toBe('https://d-nb.info/gnd/118540238')
  })

  it('refuses script, data, file and other schemes, however they are spelled', () => {
    for (const bad of [
      'javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'jav&#x09;ascript:alert(1)',
      'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'blob:http://x/1', 'vbscript:x', 'ftp://example.org/x',
      'mailto:a@b.c'
    ]) {
      expect(safeHttpUrl(bad), bad).toBeUndefined()
    }
  })

  it('refuses relative references, credentials and non-strings', () => {
    expect(safeHttpUrl('//evil.example/x')).toBeUndefined()
    expect(safeHttpUrl('/etc/passwd')).toBeUndefined()
    expect(safeHttpUrl('Q8462')).toBeUndefined()
    expect(safeHttpUrl('https://user:pw@example.org/')).toBeUndefined()
    expect(safeHttpUrl(undefined)).toBeUndefined()
    expect(safeHttpUrl(42 as unknown as string)).toBeUndefined()
  })
})

/** `<entity-detail>` alone: authority links from data are links only when they are http(s) (issue 9.8). */
import { test, expect } from './fixtures'

test('authority links are shown as links only for http(s) URIs; javascript:, data: and file: stay text', async ({ harness: page }) => {
  await page.evaluate(() => {
    const t = '2026-01-01T00:00:00.000Z'
    window.harness.mount('entity-detail', { entityId: 'e1' }, {}, (m: { entities: Map<string, unknown> }) =>
      m.entities.set('e1', {
        id: 'e1', type: 'person', label: 'Timur', aliases: [], description: '', dates: {}, created: t, modified: t, mentionCount: 0, documentCount: 0,
        authorities: [
          { scheme: 'wikidata', id: 'Q8462', uri: 'http://www.wikidata.org/entity/Q8462' },
          { scheme: 'viaf', id: 'x', uri: 'javascript:alert(document.domain)' },
          { scheme: 'gnd', id: 'y', uri: 'data:text/html,<script>alert(1)</script>' },
          { scheme: 'loc', id: 'z', uri: 'file:///etc/passwd' }
        ]
      })
    )
  })
  const detail = page.locator('entity-detail')
  await expect(detail.locator('.label')).toHaveText('Timur')
  await expect(detail.locator('a')).toHaveCount(1)
  await expect(detail.locator('a')).toHaveAttribute('href', 'http://www.wikidata.org/entity/Q8462')
  await expect(detail.locator('dd')).toHaveText(['Q8462', 'x', 'y', 'z'])
})

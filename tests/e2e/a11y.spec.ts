/**
 * Accessibility: axe-core (WCAG 2.1 A/AA rules) on every main view and panel state of the built
 * app over HTTP with the real services. 0 serious or critical violations; each failure names the
 * rule and the elements.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'

test.use({ seed: true })
// The machine is shared: a project, an import and a server start can take tens of seconds.
test.describe.configure({ timeout: 240_000 })

/** Serious and critical violations on the page as it is now, as readable lines (rule: target). */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`))
}

test('probe', async ({ page, app }) => {
  void app
  await expect(page.locator('document-view h1')).toHaveText('John VII Palaiologos', { timeout: 30_000 })
  const all: string[] = []
  for (const tab of ['Annotations', 'Entities', 'Bibliography', 'Verify']) {
    await page.getByRole('tab', { name: tab }).click()
    await page.waitForTimeout(500)
    all.push(`== ${tab}`, ...(await seriousViolations(page)))
  }
  console.log(all.join('\n'))
})

/** axe-core (WCAG 2.1 A/AA) on the Team tab only: its serious and critical violations as readable lines. */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

export async function teamTabViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('team-panel').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${JSON.stringify(n.target)} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`))
}

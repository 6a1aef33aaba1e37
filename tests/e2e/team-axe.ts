/**
 * axe-core (WCAG 2.1 A/AA) on the Team tab: the serious and critical violations of nodes inside the
 * Team tab's views (`team-*` elements, reached through the app's shadow roots), as readable lines.
 */
import type { Page } from '@playwright/test'
import { runAxe } from './axe'

export async function teamTabViolations(page: Page): Promise<string[]> {
  const results = await runAxe(page, ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.filter((n) => JSON.stringify(n.target).includes('team-')).map((n) => `${v.id} (${v.impact}): ${JSON.stringify(n.target)} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`))
}

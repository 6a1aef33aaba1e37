/** The Bibliography tab, as the e2e specs open it (shared by citations.spec.ts and bibliography-merge.spec.ts). */
import type { Locator, Page } from '@playwright/test'
import { expect } from './fixtures'

/** An item as `listCitations` returns it. */
export interface Summary { id: string; label: string; citedBy: number; item: Record<string, unknown> }

/** Waits for the seed document, opens the Bibliography tab and returns its panel. */
export async function openBibliography(page: Page): Promise<Locator> {
  await expect(page.locator('document-view h1.doc-title')).toHaveText('John VII Palaiologos')
  await page.getByRole('tab', { name: 'Bibliography' }).click()
  return page.locator('citation-panel')
}

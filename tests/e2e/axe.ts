/**
 * axe-core over the page as it is now, with the rules of `tags` (the a11y specs and the Team tab's
 * check run it). Legacy mode: `axe.run` in the page itself, its frames included, without the blank
 * page @axe-core/playwright otherwise opens on every call to merge per-frame results (that page is
 * there for cross-origin frames; the app has none). Measured in the ninth session on the seeded
 * app: the same violations and passes, ~1.7–2.3 s a call instead of ~2.7–4.9 s on a loaded machine.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

export type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>

export function runAxe(page: Page, tags: string[]): Promise<AxeResults> {
  return new AxeBuilder({ page }).withTags(tags).setLegacyMode().analyze()
}

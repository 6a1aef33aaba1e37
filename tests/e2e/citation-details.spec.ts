/**
 * Small defects of the citation views (issue 13 item 12), end to end over HTTP with the real
 * services: an accepted reference proposal keeps no action buttons and passes axe's contrast rule;
 * "Formatting…" stays inside the side panel; the relation editor tells two highlights of the same
 * words apart by where they are and their context.
 */
import AxeBuilder from '@axe-core/playwright'
import { test, expect } from './fixtures'

test.use({ seed: true })
test.describe.configure({ timeout: 300_000 })

test('an accepted proposal shows it is accepted, with no Reject/Edit/Accept, in readable contrast; "Formatting…" is not cut off', async ({ page, app: _app }) => {
  await expect(page.locator('document-view h1.doc-title')).toHaveText('John VII Palaiologos', { timeout: 60_000 })
  await page.getByRole('tab', { name: 'Bibliography' }).click()
  const panel = page.locator('citation-panel')
  const z = panel.locator('reference-proposals li').filter({ hasText: 'Zachariadou' })
  await z.getByRole('button', { name: 'Accept' }).click()

  // While the first formatting runs (the style compiles: seconds), its label lies inside the panel.
  const busy = panel.locator('bibliography-view .busy')
  await expect(busy).toBeVisible({ timeout: 30_000 })
  const [label, aside] = await Promise.all([busy.boundingBox(), page.locator('marginalia-app aside').boundingBox()])
  expect(label!.x + label!.width).toBeLessThanOrEqual(aside!.x + aside!.width)

  await expect(z.locator('.kind')).toContainText('accepted')
  await expect(z.getByRole('status')).toHaveText('✓ Accepted: the claim is a highlight citing this item')
  await expect(z.getByRole('button')).toHaveCount(0)
  // The other proposal still has its actions.
  await expect(panel.locator('reference-proposals li').filter({ hasText: 'Necipoglu' }).getByRole('button')).toHaveCount(3)

  const contrast = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze()
  const inProposals = contrast.violations.flatMap((v) => v.nodes).filter((n) => JSON.stringify(n.target).includes('reference-proposals'))
  expect(inProposals.map((n) => `${JSON.stringify(n.target)}: ${n.failureSummary}`)).toEqual([])
})

test('the relation editor tells two highlights of the same words apart: paragraph and context', async ({ page, app }) => {
  const first = await app.api<{ id: string }>('annotateQuote', { documentId: app.seedId, quote: 'Manuel II', occurrence: 1 })
  const second = await app.api<{ id: string }>('annotateQuote', { documentId: app.seedId, quote: 'Manuel II', occurrence: 2 })
  const entity = await app.api<{ id: string }>('createEntity', { type: 'person', label: 'John VII Palaiologos', authorities: [], dates: {} })
  await expect(page.locator('document-view h1.doc-title')).toHaveText('John VII Palaiologos')
  await page.getByRole('tab', { name: 'Entities' }).click()
  await page.locator(`entity-panel li.entity[data-entity-id="${entity.id}"]`).click()
  const other = page.locator('entity-detail relation-editor').getByLabel('Other entity or highlight')
  const a = (await other.locator(`option[value="${first.id}"]`).textContent())!.trim()
  const b = (await other.locator(`option[value="${second.id}"]`).textContent())!.trim()
  expect(a).not.toBe(b)
  // Each names the quote, its paragraph and the words around it.
  expect(a).toMatch(/^“Manuel II” · ¶ \d+ · ….*Manuel II.*…$/)
  expect(b).toMatch(/^“Manuel II” · ¶ \d+ · ….*Manuel II.*…$/)
  expect(a).toContain('son of his uncle Manuel II, who succeeded')
  await expect(other.locator('optgroup').nth(1)).toHaveAttribute('label', 'Highlights in “John VII Palaiologos”')

  // Related to one of them, the relation names which one.
  const add = page.locator('entity-detail relation-editor').getByRole('group', { name: 'Add a relation' })
  await add.getByLabel('Predicate').fill('attested in')
  await other.selectOption(second.id)
  await add.getByRole('button', { name: 'Relate' }).click()
  await expect(page.locator('entity-detail li.relation')).toContainText(`John VII Palaiologos — attested in — “Manuel II” (${b.split(' · ')[1]})`)
})

/**
 * `<entity-picker>` alone, with a fake model: type-ahead over labels and aliases ignoring case and
 * accents (answered from the model, no call), linking a chosen entity to an existing highlight,
 * creating a new one with a Wikidata id.
 */
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'

async function mountPicker(page: Page, mode: 'annotation' | 'form') {
  await page.evaluate((mode) => {
    const h = window.harness
    const [a] = h.annotationsOf('Ιωάννης Ζ΄ Παλαιολόγος ruled.', [{ start: 0, end: 22, entityIds: ['e2'] }])
    const t = '2026-01-01T00:00:00.000Z'
    const entity = (id: string, label: string, aliases: string[], type = 'person') => ({ id, type, label, aliases, description: '', authorities: [], dates: {}, created: t, modified: t, mentionCount: 0, documentCount: 0 })
    h.mount('entity-picker', mode === 'annotation' ? { annotation: a, quote: a.target.exact } : { quote: 'Timur' }, {
      results: {
        updateAnnotation: (args: object) => ({ ...a, ...args }),
        createEntity: (args: { label: string; type: string }) => entity('e9', args.label, [], args.type)
      }
    }, (m: { entities: Map<string, unknown> }) => {
      m.entities.set('e1', entity('e1', 'John VII Palaiologos', ['Palaeologus', 'Παλαιολόγος']))
      m.entities.set('e2', entity('e2', 'Manuel II', ['Manuel']))
      m.entities.set('e3', entity('e3', 'Selymbria', [], 'place'))
    })
  }, mode)
}

test('type-ahead matches an alias whatever its case and accents, without asking the services', async ({ harness: page }) => {
  await mountPicker(page, 'annotation')
  const picker = page.locator('entity-picker')
  await expect(picker.locator('.chip')).toHaveCount(1)
  await expect(picker.locator('.chip')).toContainText('Manuel II')
  await picker.locator('#q').fill('ΠΑΛΑΙΟΛΟΓΟΣ')
  await expect(picker.locator('li[data-entity-id="e1"]')).toContainText('John VII Palaiologos')
  await expect(picker.locator('li[data-entity-id="e3"]')).toHaveCount(0)
  await picker.locator('li[data-entity-id="e1"]').click()
  const calls = await page.evaluate(() => window.harness.model.calls)
  expect(calls).toEqual([{ method: 'updateAnnotation', args: { id: 'a0', entityIds: ['e2', 'e1'] } }])
})

test('unlinking writes the remaining links', async ({ harness: page }) => {
  await mountPicker(page, 'annotation')
  await page.locator('entity-picker').getByRole('button', { name: 'Unlink Manuel II' }).click()
  await expect.poll(() => page.evaluate(() => window.harness.model.calls)).toEqual([{ method: 'updateAnnotation', args: { id: 'a0', entityIds: [] } }])
})

test('a new entity is created with its type and Wikidata id, and chosen for the new highlight', async ({ harness: page }) => {
  await mountPicker(page, 'form')
  const picker = page.locator('entity-picker')
  await picker.locator('#q').fill('Timur')
  await expect(picker.locator('li.new')).toContainText('New entity “Timur”')
  await picker.locator('#q').press('Enter')
  await picker.locator('#new-type').selectOption('person')
  await picker.locator('#new-wikidata').fill('Q8462')
  await picker.getByRole('button', { name: 'Create and link' }).click()
  await expect(picker.locator('.chip')).toContainText('Timur')
  const calls = await page.evaluate(() => window.harness.model.calls)
  expect(calls).toEqual([{ method: 'createEntity', args: { type: 'person', label: 'Timur', authorities: [{ scheme: 'wikidata', id: 'Q8462' }], dates: {} } }])
  expect(await picker.evaluate((el) => (el as unknown as { value: string[] }).value)).toEqual(['e9'])
})

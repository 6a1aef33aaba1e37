/** `<annotation-card>` alone, with a fake model: what it shows, and the writes its edits make. */
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'

async function mountCard(page: Page, extra: Record<string, unknown> = {}) {
  await page.evaluate((extra) => {
    const h = window.harness
    const [a] = h.annotationsOf('He was Byzantine Emperor for five months in 1390.', [{ start: 7, end: 48, tags: ['claim', 'date'], note: 'Only five months?', ...extra }])
    h.mount('annotation-card', { annotation: a, colour: '#7fb7e6', tagColours: new Map([['claim', '#f28f8f']]), knownTags: ['claim', 'date', 'person'] }, {
      results: {
        updateAnnotation: (args: object) => ({ ...a, ...args }),
        deleteAnnotation: (args: { id: string }) => ({ id: args.id })
      }
    })
  }, extra)
}

test('shows the passage, its tags in their colours and its note; activating it asks to go there', async ({ harness: page }) => {
  await mountCard(page)
  const card = page.locator('annotation-card')
  await expect(card.locator('button.quote')).toHaveText('Byzantine Emperor for five months in 1390')
  await expect(card.locator('.chip')).toHaveText(['claim', 'date'])
  await expect(card.locator('.note')).toHaveText('Only five months?')
  const stripe = await card.locator('.card').evaluate((el) => getComputedStyle(el).getPropertyValue('--tag').trim())
  expect(stripe).toBe('#7fb7e6')
  await card.locator('button.quote').press('Enter')
  const events = await page.evaluate(() => window.harness.events)
  expect(events).toEqual([{ type: 'annotation-select', detail: { id: 'a0', reveal: true } }])
})

test('editing writes the new tags and note, once, and nothing else', async ({ harness: page }) => {
  await mountCard(page)
  const card = page.locator('annotation-card')
  await card.locator('.card').hover()
  await card.getByRole('button', { name: 'Edit highlight' }).click()
  await expect(card.locator('#tags')).toBeFocused()
  await card.locator('#tags').fill('claim, chronology, claim')
  await card.locator('#note').fill('  Gibbon says 1390 too.  ')
  await card.locator('#tags').press('Enter')
  await expect(card.locator('form')).toHaveCount(0)
  const calls = await page.evaluate(() => window.harness.model.calls)
  expect(calls).toEqual([{ method: 'updateAnnotation', args: { id: 'a0', tags: ['claim', 'chronology'], note: 'Gibbon says 1390 too.' } }])
})

test('Escape leaves the editor without writing; Delete on the quote deletes', async ({ harness: page }) => {
  await mountCard(page)
  const card = page.locator('annotation-card')
  await card.locator('.card').hover()
  await card.getByRole('button', { name: 'Edit highlight' }).click()
  await card.locator('#note').fill('not saved')
  await card.locator('#note').press('Escape')
  await expect(card.locator('form')).toHaveCount(0)
  await expect(card.locator('button.quote')).toBeFocused()
  await page.keyboard.press('Delete')
  await expect.poll(() => page.evaluate(() => window.harness.model.calls)).toEqual([{ method: 'deleteAnnotation', args: { id: 'a0' } }])
})

test('a failed write is reported, and the card stays as it was', async ({ harness: page }) => {
  await mountCard(page)
  await page.evaluate(() => {
    window.harness.model.answers.results.updateAnnotation = () => {
      throw Object.assign(new Error('could not save project.json: no space left on device'), { code: 'io' })
    }
  })
  const card = page.locator('annotation-card')
  await card.locator('.card').hover()
  await card.getByRole('button', { name: 'Edit highlight' }).click()
  await card.locator('#note').fill('lost')
  await card.getByRole('button', { name: 'Save' }).click()
  await expect.poll(() => page.evaluate(() => window.harness.events.map((e: { type: string }) => e.type))).toEqual(['marginalia-error'])
  const [error] = await page.evaluate(() => window.harness.events)
  expect(error.detail.message).toBe('Could not save the highlight: could not save project.json: no space left on device')
  // Still editing: what was typed is not lost.
  await expect(card.locator('#note')).toHaveValue('lost')
})

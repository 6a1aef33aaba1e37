/**
 * Entities end to end, in Chromium over the HTTP transport with the real services: link a
 * selection to a new person with a Wikidata id from the selection popover, see it (coloured by
 * type) and counted in the entity panel after a reload; "link all" from a suggestion, undone in
 * one step; accept and reject suggestions, the rejection surviving a reload.
 */
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { paintedColours } from './painted'
import { dragSelect } from './select'

test.use({ seed: true })

interface Annotation { id: string; target: { exact: string }; entityIds: string[] }
interface EntitySummary { id: string; label: string; type: string; mentionCount: number; authorities: { scheme: string; id: string; uri: string }[] }

const cards = (page: Page) => page.locator('annotation-list annotation-card')

test.beforeEach(async ({ page, app }) => {
  expect(app.seedId).toBeTruthy()
  await expect(page.locator('document-view h1')).toHaveText('John VII Palaiologos')
})

test('a highlight linked to a new person with a Wikidata id shows in the entity panel after reload', async ({ page, app }) => {
  await dragSelect(page, 'Timur')
  const popover = page.locator('selection-popover')
  await expect(popover).toBeVisible()
  const picker = popover.locator('entity-picker')
  await picker.locator('#q').fill('Timur')
  await expect(picker.locator('li.new')).toContainText('New entity “Timur”')
  await picker.locator('#q').press('Enter')
  await picker.locator('#new-type').selectOption('person')
  await picker.locator('#new-wikidata').fill('Q8462')
  await picker.getByRole('button', { name: 'Create and link' }).click()
  await expect(picker.locator('.chip')).toContainText('Timur')
  await popover.getByRole('button', { name: 'Highlight' }).click()
  await expect(popover).toHaveCount(0)

  const [timur] = await app.api<EntitySummary[]>('listEntities', {})
  expect(timur).toMatchObject({ label: 'Timur', type: 'person', mentionCount: 1 })
  expect(timur.authorities).toEqual([{ scheme: 'wikidata', id: 'Q8462', uri: 'http://www.wikidata.org/entity/Q8462' }])
  const [ann] = await app.api<Annotation[]>('listAnnotations', {})
  expect(ann).toMatchObject({ target: { exact: 'Timur' }, entityIds: [timur.id] })

  await page.reload()
  await expect(cards(page)).toHaveCount(1)
  // The highlight takes the person colour.
  await expect.poll(() => paintedColours(page)).toEqual(['#4285f4'])
  await page.locator('#tab-entities').click()
  const row = page.locator(`entity-panel li.entity[data-entity-id="${timur.id}"]`)
  await expect(row.locator('.label')).toHaveText('Timur')
  await expect(row.locator('.count')).toHaveText('1')
  await row.click()
  const detail = page.locator('entity-detail')
  await expect(detail.locator('a[href="http://www.wikidata.org/entity/Q8462"]')).toHaveText('Q8462')
  await expect(detail.locator('li.mention')).toHaveCount(1)
  await expect(detail.locator('li.mention mark')).toHaveText('Timur')
})

test('"link all" on a suggestion highlights every occurrence, and undo reverts it in one step', async ({ page, app }) => {
  const manuel = await app.api<EntitySummary>('createEntity', { type: 'person', label: 'Manuel II', aliases: ['Manuel'] })
  await page.locator('#tab-entities').click()
  await page.locator('entity-suggestions button.find').click()
  const aliasRows = page.locator('entity-suggestions li.suggestion[data-source="alias"]')
  await expect(aliasRows).toHaveCount(6)
  await aliasRows.first().locator('button.link-all').click()
  await expect(aliasRows).toHaveCount(0)

  const made = await app.api<Annotation[]>('listAnnotations', {})
  expect(made.map((a) => a.target.exact)).toEqual(['Manuel II', 'Manuel', 'Manuel II', 'Manuel II', 'Manuel II', 'Manuel II'])
  expect(made.every((a) => a.entityIds[0] === manuel.id)).toBe(true)
  await expect(page.locator(`entity-panel li.entity[data-entity-id="${manuel.id}"] .count`)).toHaveText('6')
  await page.locator('#tab-annotations').click()
  await expect(cards(page)).toHaveCount(6)

  await page.locator('header').getByRole('button', { name: 'Undo' }).click()
  await expect(cards(page)).toHaveCount(0)
  expect(await app.api<Annotation[]>('listAnnotations', {})).toHaveLength(0)
  await page.locator('#tab-entities').click()
  await expect(page.locator(`entity-panel li.entity[data-entity-id="${manuel.id}"] .count`)).toHaveText('0')
})

test('accepting, retyping and rejecting suggestions; a rejection stays after reload', async ({ page, app }) => {
  await page.locator('#tab-entities').click()
  await page.locator('entity-suggestions button.find').click()
  const rows = page.locator('entity-suggestions li.suggestion')
  const bayezid = rows.filter({ has: page.locator('.exact', { hasText: /^Bayezid I$/ }) }).first()
  await bayezid.locator('button.accept').click()
  const dateRow = rows.filter({ has: page.locator('.exact', { hasText: /^April 14, 1390$/ }) })
  await expect(dateRow).toContainText('1390-04-14')
  await dateRow.locator('button.reject').click()
  await expect(dateRow).toHaveCount(0)
  const byzantium = rows.filter({ has: page.locator('.exact', { hasText: /^Byzantium$/ }) })
  await byzantium.locator('select').selectOption('organisation')
  await byzantium.locator('button.accept').click()

  // The click's write may still be on its way (a CI flake read the list before it landed).
  await expect.poll(async () => (await app.api<EntitySummary[]>('listEntities', {})).map((e) => [e.label, e.type]))
    .toEqual([['Bayezid I', 'person'], ['Byzantium', 'organisation']])
  await page.reload()
  await page.locator('#tab-entities').click()
  await page.locator('entity-suggestions button.find').click()
  await expect(rows.first()).toBeVisible()
  await expect(rows.filter({ has: page.locator('.exact', { hasText: /^April 14, 1390$/ }) })).toHaveCount(0)
  // The other mention of "Bayezid I" is now proposed as that known person.
  await expect(rows.filter({ has: page.locator('.exact', { hasText: /^Bayezid I$/ }) }).first()).toHaveAttribute('data-source', 'alias')
  // A rejection can be taken back.
  await page.locator('entity-suggestions details.rejected summary').click()
  await page.locator('entity-suggestions li.rejection').getByRole('button', { name: 'Restore' }).click()
  await expect(rows.filter({ has: page.locator('.exact', { hasText: /^April 14, 1390$/ }) })).toHaveCount(1)
})

test('an existing highlight is linked from its editor by type-ahead over aliases, ignoring case and accents', async ({ page, app }) => {
  const john = await app.api<EntitySummary>('createEntity', { type: 'person', label: 'John VII Palaiologos', aliases: ['Palaeologus', 'Παλαιολόγος'] })
  await app.api('annotateQuote', { documentId: app.seedId, quote: 'Ιωάννης Ζ\' Παλαιολόγος' })
  await expect(cards(page)).toHaveCount(1)
  await cards(page).first().hover() // the tools show on hover
  await cards(page).first().getByRole('button', { name: 'Edit highlight' }).click()
  const picker = cards(page).first().locator('entity-picker')
  await picker.locator('#q').fill('ΠΑΛΑΙΟΛΌΓΟΣ')
  const option = picker.locator(`li[data-entity-id="${john.id}"]`)
  await expect(option).toContainText('John VII Palaiologos')
  await option.click()
  await expect.poll(async () => (await app.api<Annotation[]>('listAnnotations', {}))[0].entityIds).toEqual([john.id])
  await expect.poll(() => paintedColours(page)).toEqual(['#4285f4'])
})

test('relations are added and shown on the entity panel; a new predicate joins the vocabulary', async ({ page, app }) => {
  const john = await app.api<EntitySummary>('createEntity', { type: 'person', label: 'John VII' })
  const father = await app.api<EntitySummary>('createEntity', { type: 'person', label: 'Andronikos IV' })
  await page.locator('#tab-entities').click()
  await page.locator(`entity-panel li.entity[data-entity-id="${john.id}"]`).click()
  const detail = page.locator('entity-detail')
  const add = detail.getByRole('group', { name: 'Add a relation' })
  await add.getByLabel('Predicate').fill('son of')
  await add.getByLabel('Other entity').selectOption(father.id)
  await add.getByRole('button', { name: 'Relate' }).click()
  await expect(detail.locator('li.relation')).toHaveText([/John VII — son of — Andronikos IV/])
  await add.getByLabel('Predicate').fill('Regent for')
  await add.getByLabel('Other entity').selectOption(father.id)
  await add.getByRole('button', { name: 'Relate' }).click()
  await expect(detail.locator('li.relation')).toHaveCount(2)
  const predicates = await app.api<{ id: string; builtin: boolean }[]>('listPredicates', {})
  expect(predicates.find((p) => p.id === 'regent for')).toEqual({ id: 'regent for', builtin: false })
  // The other entity shows the same relation.
  await page.locator(`entity-panel li.entity[data-entity-id="${father.id}"]`).click()
  await expect(detail.locator('li.relation').first()).toContainText('John VII — son of — Andronikos IV')
  // A relation can also point at a highlighted passage.
  const ann = await app.api<Annotation>('annotateQuote', { documentId: app.seedId, quote: 'son of Emperor Andronikos IV Palaiologos' })
  await expect(add.getByLabel('Other entity').locator(`option[value="${ann.id}"]`)).toHaveCount(1)
  await add.getByLabel('Predicate').fill('attested in')
  await add.getByLabel('Other entity').selectOption(ann.id)
  await add.getByRole('button', { name: 'Relate' }).click()
  await expect(detail.locator('li.relation', { hasText: 'attested in' })).toContainText('Andronikos IV — attested in — “son of Emperor Andronikos IV Palaiologos”')
})

/**
 * Accessibility and small windows, end to end over HTTP with the real services:
 * - axe-core (WCAG 2.1 A/AA rules) on every main view and panel state — the four side panels with
 *   content, a selected highlight, the Export dialog, the project chooser, the Compare view, the
 *   token page: 0 serious or critical violations (each failure names the rule and the elements);
 * - at 1024×768 the page has no horizontal overflow and every control of the main views lies
 *   inside the window.
 */
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { type App, GIBBON_EXCERPT, test, expect } from './fixtures'
import { runAxe } from './axe'

test.use({ seed: true })
// The machine is shared: a project, an import and a server start can take tens of seconds.
test.describe.configure({ timeout: 300_000 })

/** Serious and critical violations on the page as it is now, as readable lines (rule: target — why). */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await runAxe(page, ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${JSON.stringify(n.target)} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`))
}

/** A highlight linked to an entity and citing an item whose source is the Gibbon excerpt; an entity; two items. */
async function furnish(app: App): Promise<void> {
  const source = await app.api<{ id: string }>('importDocument', { fileName: 'gibbon.txt', contentBase64: readFileSync(GIBBON_EXCERPT).toString('base64'), role: 'source' })
  const item = await app.api<{ id: string }>('createCitation', { item: { type: 'book', title: 'The History of the Decline and Fall', author: [{ family: 'Gibbon', given: 'Edward' }] }, sourceDocumentId: source.id })
  await app.api('createCitation', { item: { type: 'book', title: 'Byzantium and the Ottomans', author: [{ family: 'Zachariadou', given: 'Elizabeth' }], issued: { 'date-parts': [[1977]] } } })
  const entity = await app.api<{ id: string }>('createEntity', { type: 'person', label: 'John VII Palaiologos', authorities: [], dates: {} })
  const { text } = await app.api<{ text: string }>('getDocument', { id: app.seedId })
  const quote = 'Byzantine Emperor for five months in 1390'
  const start = [...text.slice(0, text.indexOf(quote))].length
  await app.api('createAnnotation', { documentId: app.seedId, start, end: start + quote.length, tags: ['claim'], note: 'Only five months?', entityIds: [entity.id], citations: [{ citationId: item.id, locator: 'ch. LXIV' }] })
}

const TABS = ['Annotations', 'Entities', 'Bibliography', 'Verify']

test('axe finds no serious or critical violation on any main view or dialog', async ({ page, app }) => {
  await furnish(app)
  await page.reload()
  await expect(page.locator('document-view h1')).toHaveText('John VII Palaiologos', { timeout: 30_000 })
  const card = page.locator('annotation-list annotation-card').first()
  await expect(card.locator('citation-links')).toContainText('Gibbon')
  await card.locator('button.quote').click()

  const found: string[] = []
  const check = async (state: string) => found.push(...(await seriousViolations(page)).map((v) => `${state}: ${v}`))
  for (const tab of TABS) {
    await page.getByRole('tab', { name: tab }).click()
    await expect(page.locator(`[role=tabpanel]:not([hidden])`)).toHaveCount(1)
    await check(tab)
  }
  await page.getByRole('tab', { name: 'Verify' }).click()
  await page.locator('verify-panel').getByRole('button', { name: 'Compare with source…' }).click()
  await expect(page.locator('compare-view compare-summary h3')).toBeVisible({ timeout: 60_000 }) // the judgement, shown once the comparison is done
  await check('Compare')
  await page.keyboard.press('Escape')

  await page.locator('marginalia-app header button', { hasText: 'Export…' }).click()
  await expect(page.locator('export-dialog dialog')).toBeVisible()
  await check('Export')
  await page.keyboard.press('Escape')

  await page.locator('marginalia-app header button.project').click()
  await expect(page.locator('project-chooser [data-testid=current-path]')).toBeVisible()
  await check('Projects')
  await page.keyboard.press('Escape')

  const stranger = await (await page.context().browser()!.newContext()).newPage()
  await stranger.goto(new URL('/', app.url).href)
  await expect(stranger.getByRole('heading', { name: 'Open the address the server printed' })).toBeVisible()
  found.push(...(await seriousViolations(stranger)).map((v) => `Token page: ${v}`))

  expect(found).toEqual([])
})

/** Controls (buttons, fields, tabs) that are shown but lie outside the window, across shadow roots. */
function controlsOutside(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    const walk = (root: Document | ShadowRoot): void => {
      for (const el of root.querySelectorAll<HTMLElement>('*')) {
        if (el.shadowRoot) walk(el.shadowRoot)
        if (!el.matches('button, input:not([type=file]), select, textarea, [role=tab]')) continue
        const r = el.getBoundingClientRect()
        if (!r.width || !r.height || !el.checkVisibility()) continue
        if (r.left < -1 || r.right > innerWidth + 1) out.push(`${el.tagName.toLowerCase()} “${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}” at ${Math.round(r.left)}–${Math.round(r.right)}`)
      }
    }
    walk(document)
    return out
  })
}

test('at 1024×768 nothing overflows sideways and every control of the main views is inside the window', async ({ page, app }) => {
  await furnish(app)
  await page.setViewportSize({ width: 1024, height: 768 })
  await page.reload()
  await expect(page.locator('document-view h1')).toHaveText('John VII Palaiologos', { timeout: 30_000 })
  await page.locator('annotation-list annotation-card').first().locator('button.quote').click()
  const problems: string[] = []
  for (const tab of TABS) {
    await page.getByRole('tab', { name: tab }).click()
    await page.waitForTimeout(300)
    const width = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth])
    if (width[0] > width[1]) problems.push(`${tab}: page is ${width[0]} px wide in a ${width[1]} px window`)
    problems.push(...(await controlsOutside(page)).map((c) => `${tab}: ${c}`))
  }
  // The side panel shows at a readable width (not squeezed below 16rem).
  const aside = await page.locator('marginalia-app aside').boundingBox()
  expect(aside!.width).toBeGreaterThanOrEqual(256)
  expect(aside!.x + aside!.width).toBeLessThanOrEqual(1024)
  await page.screenshot({ path: test.info().outputPath('1024.png') })
  expect(problems).toEqual([])

  // The side panel is resizable by keyboard (and kept for the next visit).
  const separator = page.getByRole('separator', { name: /Width of the side panel/ })
  await separator.focus()
  await page.keyboard.press('Shift+ArrowLeft')
  await page.keyboard.press('Shift+ArrowLeft')
  await expect.poll(async () => (await page.locator('marginalia-app aside').boundingBox())!.width).toBeGreaterThan(aside!.width + 100)
  await page.reload()
  await expect(page.locator('document-view h1')).toHaveText('John VII Palaiologos', { timeout: 30_000 })
  expect((await page.locator('marginalia-app aside').boundingBox())!.width).toBeGreaterThan(aside!.width + 100)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024)
})

test('entity form errors show in words next to their field, and go when fixed', async ({ page, app }) => {
  expect(app.seedId).toBeTruthy()
  await expect(page.locator('document-view h1')).toHaveText('John VII Palaiologos', { timeout: 30_000 })
  await page.getByRole('tab', { name: 'Entities' }).click()
  await page.locator('entity-panel').getByRole('button', { name: 'New entity' }).click()
  const editor = page.locator('entity-editor')
  await editor.getByLabel('Label').fill('Manuel II Palaiologos')
  await editor.getByLabel('Wikidata').fill('bogus')
  await editor.getByLabel('birth (EDTF)').fill('spring 1390')
  await editor.getByRole('button', { name: 'Create' }).click()

  await expect(editor.locator('#err-auth-wikidata')).toHaveText('Wikidata id "bogus" is malformed: expected a Q-id such as Q37043')
  await expect(editor.getByLabel('Wikidata')).toHaveAttribute('aria-invalid', 'true')
  await expect(editor.getByLabel('Wikidata')).toBeFocused()
  await expect(editor).not.toContainText('authorities.')
  await expect(page.locator('error-banner .msg')).toHaveCount(0)

  await editor.getByLabel('Wikidata').fill('Q37043')
  await expect(editor.locator('#err-auth-wikidata')).toHaveCount(0) // editing the field clears its message
  await editor.getByRole('button', { name: 'Create' }).click()
  await expect(editor.locator('#err-date-birth')).toContainText('"spring 1390" is not an EDTF date')
  await expect(editor).not.toContainText('dates.birth')

  await editor.getByLabel('birth (EDTF)').fill('1350')
  await editor.getByRole('button', { name: 'Create' }).click()
  await expect(editor).toHaveCount(0)
  await expect(page.locator('entity-panel')).toContainText('Manuel II Palaiologos')
  await expect(page.locator('error-banner .msg')).toHaveCount(0)
})

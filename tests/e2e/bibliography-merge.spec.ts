/**
 * Merging two bibliography items by hand (issue 13 item 11), end to end in Chromium over HTTP with
 * the real services: the same article imported from BibTeX and from RIS (a transliterated title the
 * import cannot match) is two entries; the historian ticks both, sees them side by side, chooses
 * per field, merges. Every citing passage then cites the entry that stays, the list shows one
 * entry, and one Undo brings both back. Once with the mouse, once with the keyboard alone.
 */
import type { Page } from '@playwright/test'
import { test, expect, type App } from './fixtures'
import { openBibliography, type Summary } from './bibliography'

test.use({ seed: true })
test.describe.configure({ timeout: 300_000 })

interface Annotation { id: string; citations: { citationId: string; locator?: string }[] }

const BIB = '@article{zach77, title={John VII (Alias Andronicus) Palaeologus}, author={Zachariadou, E.}, journal={Dumbarton Oaks Papers}, year={1977}}\n'
const RIS = 'TY  - JOUR\nAU  - Zachariadou, Elizabeth A.\nTI  - Ioannes VII (alias Andronikos) Palaiologos\nJO  - Dumbarton Oaks Papers\nVL  - 31\nSP  - 339\nEP  - 342\nPY  - 1977\nER  - \n'

/**
 * Both entries in the project, a passage citing each (the RIS one twice cited); returns [bib, ris] ids and the passages.
 * The links are made through the services while the page may still be reading the project: the model
 * applies the events it holds meanwhile, so the counts come out right (once seen as "2 passages" for 3,
 * before that fix; tests/unit/renderer/model/first-read.test.ts).
 */
async function twoEntries(app: App) {
  const bib = (await app.api<{ citationIds: string[] }>('importBibliography', { fileName: 'zach.bib', contentBase64: Buffer.from(BIB).toString('base64') })).citationIds[0]
  const ris = (await app.api<{ citationIds: string[]; imported: number }>('importBibliography', { fileName: 'zach.ris', contentBase64: Buffer.from(RIS).toString('base64') }))
  expect(ris.imported).toBe(1) // not recognised as the same work by the import
  const a = await app.api<Annotation>('annotateQuote', { documentId: app.seedId, quote: 'Bayezid I', occurrence: 1, citations: [{ citationId: bib, locator: 'p. 340' }] })
  const b = await app.api<Annotation>('annotateQuote', { documentId: app.seedId, quote: 'Selymbria', occurrence: 1, citations: [{ citationId: ris.citationIds[0], locator: 'p. 341' }] })
  const c = await app.api<Annotation>('annotateQuote', { documentId: app.seedId, quote: 'Manuel II', occurrence: 1, citations: [{ citationId: ris.citationIds[0], locator: 'p. 342' }] })
  return { bib, ris: ris.citationIds[0], passages: [a.id, b.id, c.id] }
}

/** Each passage's cited item ids, in the order given. */
async function citedBy(app: App, ids: string[]): Promise<string[][]> {
  const all = await app.api<Annotation[]>('listAnnotations', { documentId: app.seedId })
  return ids.map((id) => all.find((a) => a.id === id)!.citations.map((l) => l.citationId))
}

/**
 * After an edit the formatted bibliography and notes are read again; on a loaded machine citeproc
 * takes tens of seconds, and in the browser those reads hold Chromium's six connections to the
 * server, so a call made meanwhile (Undo) waits for one to free: its effect is awaited this long.
 */
const BEHIND_FORMATTING = { timeout: 120_000 }

/** What has keyboard focus, looking through shadow roots: its aria-label or text. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el = document.activeElement as HTMLElement | null
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement as HTMLElement
    return el ? (el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '').trim() : ''
  })
}

/** Presses Tab until the focused control's name matches (at most 60 presses). */
async function tabTo(page: Page, name: RegExp): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (name.test(await focused(page))) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${name}; focus is on “${await focused(page)}”`)
}

test('tick two entries, choose per field, merge: the passages cite the entry that stays; one Undo restores both', async ({ page, app }) => {
  const { bib, ris, passages } = await twoEntries(app)
  const panel = await openBibliography(page)
  const rows = panel.locator('li.item')
  await expect(rows).toHaveCount(2)
  await expect(panel.locator(`li.item[data-citation-id="${ris}"] .count`)).toHaveText('2')

  await panel.getByRole('checkbox', { name: /Choose “Zachariadou 1977 · John VII/ }).check()
  await expect(panel.getByRole('button', { name: 'Merge 2 items…' })).toBeDisabled()
  await panel.getByRole('checkbox', { name: /Choose “Zachariadou 1977 · Ioannes VII/ }).check()
  await panel.getByRole('button', { name: 'Merge 2 items…' }).click()

  const dialog = panel.locator('bibliography-merge dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('heading', { name: 'Merge two items' })).toBeVisible()
  // Side by side: each field with both values; the entry cited more stays by default (the RIS one, 2 passages).
  await expect(dialog.getByRole('radio', { name: 'Keep entry 2' })).toBeChecked()
  const title = dialog.getByRole('radiogroup', { name: 'Title' })
  await expect(title.getByRole('radio')).toHaveCount(2)
  await expect(title).toContainText('John VII (Alias Andronicus) Palaeologus')
  await expect(title).toContainText('Ioannes VII (alias Andronikos) Palaiologos')
  await expect(dialog.getByRole('radio', { name: 'Title from entry 2: Ioannes VII (alias Andronikos) Palaiologos' })).toBeChecked()
  await expect(dialog.getByRole('radio', { name: 'Volume from entry 2: 31' })).toBeChecked()
  await expect(dialog.getByRole('radio', { name: 'Volume from entry 1: not given' })).not.toBeChecked()
  await expect(dialog.locator('.row.same[data-field="container-title"]')).toContainText('Dumbarton Oaks Papers (same in both)')

  // The historian keeps the RIS entry (and its full author name and pages) but the BibTeX title, as published.
  await dialog.getByRole('radio', { name: 'Title from entry 1: John VII (Alias Andronicus) Palaeologus' }).check()
  await expect(dialog.getByRole('status')).toContainText('After merging, 3 passages cite “Zachariadou 1977 · Ioannes VII')
  await dialog.getByRole('button', { name: 'Merge into one item' }).click()

  await expect(panel.locator('bibliography-merge')).toHaveCount(0)
  await expect(rows).toHaveCount(1)
  await expect(panel.locator(`li.item[data-citation-id="${ris}"]`)).toContainText('Zachariadou 1977 · John VII (Alias Andronicus) Palaeologus')
  await expect(panel.locator(`li.item[data-citation-id="${ris}"] .count`)).toHaveText('3')
  await expect(panel.locator('p.report[role=status]').first()).toContainText('Merged into “Zachariadou 1977 · John VII (Alias Andronicus) Palaeologus”: 1 citation link(s) moved; took Title, Key from the other entry')
  // The merged entry's passages are listed under it.
  await expect(panel.locator('.passages li')).toHaveCount(3)
  const [kept] = await app.api<Summary[]>('listCitations')
  expect(kept.id).toBe(ris)
  expect(kept.item).toMatchObject({ title: 'John VII (Alias Andronicus) Palaeologus', author: [{ family: 'Zachariadou', given: 'Elizabeth A.' }], volume: '31', page: '339-342' })
  expect(await citedBy(app, passages)).toEqual([[ris], [ris], [ris]])

  // One undo step brings back both entries and every passage's link.
  await page.locator('marginalia-app header').getByRole('button', { name: /Undo/ }).click()
  await expect(rows).toHaveCount(2, BEHIND_FORMATTING)
  await expect(panel.locator(`li.item[data-citation-id="${bib}"] .count`)).toHaveText('1')
  expect(await citedBy(app, passages)).toEqual([[bib], [ris], [ris]])
  expect((await app.api<Summary[]>('listCitations')).map((c) => c.item.title).sort()).toEqual(['Ioannes VII (alias Andronikos) Palaiologos', 'John VII (Alias Andronicus) Palaeologus'])
})

test('merge two entries with the keyboard alone; Escape cancels without merging', async ({ page, app }) => {
  const { bib, ris, passages } = await twoEntries(app)
  await expect(page.locator('document-view h1.doc-title')).toHaveText('John VII Palaiologos')
  const tab = page.getByRole('tab', { name: 'Bibliography' })
  await tab.focus()
  await page.keyboard.press('Enter')
  const panel = page.locator('citation-panel')
  await expect(panel.locator('li.item')).toHaveCount(2)

  // Tick both entries (Space on each checkbox), then the Merge button.
  await tabTo(page, /^Choose “Zachariadou 1977 · Ioannes VII/)
  await page.keyboard.press('Space')
  await tabTo(page, /^Choose “Zachariadou 1977 · John VII/)
  await page.keyboard.press('Space')
  await tabTo(page, /^Merge 2 items…$/)
  await page.keyboard.press('Enter')
  const dialog = panel.locator('bibliography-merge dialog')
  await expect(dialog).toBeVisible()
  // Focus is in the dialog, on the choice of the entry that stays; Escape closes it, nothing merged.
  expect(await focused(page)).toBe('Keep entry 1')
  await page.keyboard.press('Escape')
  await expect(panel.locator('bibliography-merge')).toHaveCount(0)
  expect(await focused(page)).toBe('Merge 2 items…')
  expect(await app.api<Summary[]>('listCitations')).toHaveLength(2)

  // Again: keep entry 2 (the BibTeX one, ticked second) with arrow keys, take the RIS title with the arrow keys too.
  await page.keyboard.press('Enter')
  await expect(dialog).toBeVisible()
  expect(await focused(page)).toBe('Keep entry 1')
  await page.keyboard.press('ArrowRight')
  await expect(dialog.getByRole('radio', { name: 'Keep entry 2' })).toBeChecked()
  await tabTo(page, /^Title from entry 2:/) // the checked radio of the Title group takes focus
  await page.keyboard.press('ArrowLeft')
  await expect(dialog.getByRole('radio', { name: 'Title from entry 1: Ioannes VII (alias Andronikos) Palaiologos' })).toBeChecked()
  await tabTo(page, /^Merge into one item$/)
  await page.keyboard.press('Enter')

  await expect(panel.locator('li.item')).toHaveCount(1)
  // Focus lands on the entry that stays.
  await expect.poll(() => focused(page)).toBe('Zachariadou 1977 · Ioannes VII (alias Andronikos) Palaiologos')
  const [kept] = await app.api<Summary[]>('listCitations')
  expect(kept.id).toBe(bib)
  expect(kept.item).toMatchObject({ title: 'Ioannes VII (alias Andronikos) Palaiologos', author: [{ family: 'Zachariadou', given: 'E.' }], volume: '31' })
  expect(await citedBy(app, passages)).toEqual([[bib], [bib], [bib]])

  // Ctrl+Z undoes the whole merge.
  await page.keyboard.press('Control+z')
  await expect(panel.locator('li.item')).toHaveCount(2, BEHIND_FORMATTING)
  expect(await citedBy(app, passages)).toEqual([[bib], [ris], [ris]])
})

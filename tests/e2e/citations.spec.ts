/**
 * Citations end to end, in Chromium over the HTTP transport with the real services: accept a
 * reference found in the seed's text, see its sentence become a highlight citing the item with
 * its locator, the panel list the item and its passage, and the formatted bibliography show it in
 * Chicago style; edit a proposal before accepting it; cite an item from a new highlight.
 */
import { test, expect } from './fixtures'
import { openBibliography, type Summary } from './bibliography'
import { markedText } from './painted'
import { dragSelect } from './select'

test.use({ seed: true })
// Compiling a Chicago CSL style takes a few seconds the first time, more on a loaded machine.
test.describe.configure({ timeout: 120_000 })

interface Annotation {
  id: string
  target: { start: number; end: number; exact: string }
  citations: { citationId: string; locator?: string }[]
}

const Z_CLAIM = "While he was Emperor, there is evidence showing he used the name Andronikos, after his father, although when he was regent during his brother's absence in the West, he governed in his birth name."
const Z_CHICAGO = 'Zachariadou, Elizabeth A. “John VII (Alias Andronicus) Palaeologus.” Dumbarton Oaks Papers 31 (1977): 339–42.'

test('accept a glued reference: the claim becomes a highlight citing the item, listed and formatted in Chicago style', async ({ page, app }) => {
  const panel = await openBibliography(page)
  const proposals = panel.locator('reference-proposals li')
  await expect(proposals).toHaveCount(2)
  const z = proposals.filter({ hasText: 'Zachariadou' })
  await expect(z.locator('.claim')).toHaveText(`“${Z_CLAIM}”`)
  await expect(z.locator('.locator')).toHaveText('pp. 339-342')
  await z.getByRole('button', { name: 'Accept' }).click()

  // The sentence is now a highlight citing the new item with the locator (checked in the store).
  await expect.poll(async () => (await app.api<Annotation[]>('listAnnotations', { documentId: app.seedId })).length).toBe(1)
  const [ann] = await app.api<Annotation[]>('listAnnotations', { documentId: app.seedId })
  const [item] = await app.api<Summary[]>('listCitations')
  expect(ann.target.exact).toBe(Z_CLAIM)
  expect(ann.citations).toEqual([{ citationId: item.id, locator: 'pp. 339-342' }])
  expect(item.item).toMatchObject({ title: 'John VII (Alias Andronicus) Palaeologus', 'container-title': 'Dumbarton Oaks Papers', volume: '31', page: '339-342' })

  // …and in the UI: the proposal is marked accepted, the annotation list shows what it cites.
  await expect(z.locator('.kind')).toContainText('accepted')
  await page.getByRole('tab', { name: 'Annotations' }).click()
  await expect(page.locator('annotation-card citation-links li')).toHaveText('Cites Zachariadou 1977 · John VII (Alias Andronicus) Palaeologus, pp. 339-342')
  await page.getByRole('tab', { name: 'Bibliography' }).click()

  // The panel lists the item cited once; selecting it shows the citing passage.
  const row = panel.locator(`li.item[data-citation-id="${item.id}"]`)
  await expect(row.locator('.count')).toHaveText('1')
  await row.click()
  const passage = panel.locator(`.passages li[data-annotation-id="${ann.id}"]`)
  await expect(passage).toContainText(Z_CLAIM)
  await expect(passage.locator('.locator')).toHaveText('pp. 339-342')

  // The formatted bibliography, Chicago notes-bibliography then author-date, with italics as <i>.
  const entry = panel.locator(`bibliography-view p.entry[data-citation-id="${item.id}"]`)
  await expect(entry).toHaveText(Z_CHICAGO, { timeout: 30_000 })
  await expect(entry.locator('i')).toHaveText('Dumbarton Oaks Papers')
  // The document's notes: one per citing highlight, with the locator.
  await expect(panel.locator(`bibliography-view ol.notes li[data-annotation-id="${ann.id}"]`)).toHaveText('Elizabeth A. Zachariadou, “John VII (Alias Andronicus) Palaeologus,” Dumbarton Oaks Papers 31 (1977): 339–42.')
  await panel.locator('bibliography-view select').selectOption('chicago-author-date')
  await expect(entry).toHaveText('Zachariadou, Elizabeth A. 1977. “John VII (Alias Andronicus) Palaeologus.” Dumbarton Oaks Papers 31: 339–42.', { timeout: 30_000 })

  // Clicking the passage goes to the highlight in the text: it is the selected passage there,
  // and its card is the selected one in the Annotations tab.
  await passage.getByRole('button').click()
  await expect.poll(() => markedText(page, 'selected')).toBe(Z_CLAIM)
  await page.getByRole('tab', { name: 'Annotations' }).click()
  await expect(page.locator('annotation-card[selected]')).toHaveCount(1)
  await expect(page.locator('annotation-card[selected]')).toContainText(Z_CLAIM)
})

test('edit a short reference before accepting it; reject the other', async ({ page, app }) => {
  const panel = await openBibliography(page)
  const n = panel.locator('reference-proposals li').filter({ hasText: 'Necipoglu (2009), p. 39' })
  await expect(n.locator('.item')).toContainText('partial')
  await n.getByRole('button', { name: 'Edit' }).click()
  const form = n.locator('citation-form')
  await form.locator('textarea[name=author]').fill('Necipoğlu, Nevra')
  await form.locator('input[name=title]').fill('Byzantium between the Ottomans and the Latins')
  await form.locator('input[name=publisher]').fill('Cambridge University Press')
  await form.locator('input[name=locator]').fill('p. 40')
  await form.getByRole('button', { name: 'Accept' }).click()

  await expect.poll(async () => (await app.api<Annotation[]>('listAnnotations', { documentId: app.seedId })).length).toBe(1)
  const [ann] = await app.api<Annotation[]>('listAnnotations', { documentId: app.seedId })
  const [item] = await app.api<Summary[]>('listCitations')
  expect(ann.target.exact).toBe('There he governed as a semi-independent ruler for the rest of his life (1403–1408), using the title "Emperor of All Thessaly".')
  expect(ann.citations).toEqual([{ citationId: item.id, locator: 'p. 40' }])
  expect(item.item).toMatchObject({ title: 'Byzantium between the Ottomans and the Latins', author: [{ family: 'Necipoğlu', given: 'Nevra' }], issued: { 'date-parts': [[2009]] } })
  await expect(panel.locator(`bibliography-view p.entry[data-citation-id="${item.id}"]`)).toHaveText('Necipoğlu, Nevra. Byzantium between the Ottomans and the Latins. Cambridge University Press, 2009.', { timeout: 30_000 })

  await panel.locator('reference-proposals li').filter({ hasText: 'Zachariadou' }).getByRole('button', { name: 'Reject' }).click()
  await expect(panel.locator('reference-proposals li')).toHaveCount(1)
})

test('cite an item with a locator from a new highlight', async ({ page, app }) => {
  const item = await app.api<Summary>('createCitation', { item: { type: 'book', title: 'The Decline and Fall of the Roman Empire', author: [{ family: 'Gibbon', given: 'Edward' }], issued: { 'date-parts': [[1788]] } } })
  await expect(page.locator('document-view h1.doc-title')).toHaveText('John VII Palaiologos')
  const phrase = 'Battle of Ankara'
  await dragSelect(page, phrase)
  const popover = page.locator('selection-popover')
  await expect(popover).toBeVisible()
  const picker = popover.locator('citation-picker')
  await picker.locator('input.q').fill('gibbon decline')
  await picker.locator(`li[data-citation-id="${item.id}"]`).click()
  await picker.locator('input.loc').fill('ch. LXV')
  await popover.getByRole('button', { name: 'Highlight' }).click()
  await expect(popover).toHaveCount(0)
  await expect.poll(async () => (await app.api<Annotation[]>('listAnnotations', { documentId: app.seedId })).map((a) => [a.target.exact, a.citations])).toEqual([
    [phrase, [{ citationId: item.id, locator: 'ch. LXV' }]]
  ])

  // A second work, cited from the existing highlight's editor in the annotation list.
  const other = await app.api<Summary>('createCitation', { item: { type: 'book', title: 'The Last Centuries of Byzantium', author: [{ family: 'Nicol', given: 'Donald M.' }], issued: { 'date-parts': [[1993]] } } })
  await page.getByRole('tab', { name: 'Annotations' }).click()
  const card = page.locator('annotation-card').filter({ hasText: phrase })
  await expect(card.locator('citation-links li')).toHaveText(['Cites Gibbon 1788 · The Decline and Fall of the Roman Empire, ch. LXV'])
  await card.getByRole('button', { name: 'Edit highlight' }).click()
  const cardPicker = card.locator('citation-picker')
  await cardPicker.locator('input.q').fill('nicol')
  await cardPicker.locator(`li[data-citation-id="${other.id}"]`).click()
  await cardPicker.locator('input.loc').fill('p. 320')
  await cardPicker.getByRole('button', { name: 'Cite' }).click()
  await expect.poll(async () => (await app.api<Annotation[]>('listAnnotations', { documentId: app.seedId }))[0].citations).toEqual([
    { citationId: item.id, locator: 'ch. LXV' },
    { citationId: other.id, locator: 'p. 320' }
  ])
})

test('import a bibliography file, add and edit an item by hand', async ({ page, app }) => {
  const panel = await openBibliography(page)
  // The server may still be compiling the Chicago style for the formatted bibliography: allow for it.
  await panel.locator('input[type=file]').setInputFiles({
    name: 'refs.bib',
    mimeType: 'text/x-bibtex',
    buffer: Buffer.from('@article{z77, title={John VII (Alias Andronicus) Palaeologus}, author={Zachariadou, Elizabeth A.}, journal={Dumbarton Oaks Papers}, volume={31}, year={1977}, pages={339--342}}\n@book{broken, title={Oops\n')
  })
  await expect(panel.locator('.report')).toHaveText('1 item imported from refs.bib; 1 entry skipped (see the list). Skipped: line 2 (broken): entry is not closed (unbalanced braces).', { timeout: 30_000 })
  // The imported item matches the glued reference of the seed: accepting links it, no new item.
  await expect(panel.locator('reference-proposals li').filter({ hasText: 'Zachariadou' }).locator('.match')).toContainText('Matches: Zachariadou 1977')

  await panel.getByRole('button', { name: 'Add item…' }).click()
  const form = panel.locator('citation-form').first()
  await form.locator('select').selectOption('book')
  await form.locator('textarea[name=author]').fill('Nicol, Donald M.')
  await form.locator('input[name=year]').fill('1993')
  await form.locator('input[name=title]').fill('The Last Centuries of Byzantium')
  await form.locator('input[name=publisher]').fill('Cambridge University Press')
  await form.getByRole('button', { name: 'Add' }).click()
  const row = panel.locator('li.item').filter({ hasText: 'Nicol 1993' })
  await expect(row).toHaveText(/Nicol 1993 · The Last Centuries of Byzantium\s*0/)
  // No passage cites it yet: it is in the library list, not in the works cited; selecting it
  // shows how it reads formatted.
  await expect(panel.locator('bibliography-view p.entry').filter({ hasText: 'Nicol' })).toHaveCount(0)
  await row.click()
  const preview = panel.locator('p.preview')
  await expect(preview).toHaveText('Nicol, Donald M. The Last Centuries of Byzantium. Cambridge University Press, 1993.', { timeout: 30_000 })

  await panel.getByRole('button', { name: 'Edit item…' }).click()
  const edit = panel.locator('.passages citation-form')
  await edit.locator('input[name=title]').fill('The Last Centuries of Byzantium, 1261–1453')
  await edit.getByRole('button', { name: 'Save' }).click()
  await expect(preview).toHaveText('Nicol, Donald M. The Last Centuries of Byzantium, 1261–1453. Cambridge University Press, 1993.', { timeout: 30_000 })
  const items = await app.api<Summary[]>('listCitations')
  expect(items.map((c) => c.label)).toEqual(['Nicol 1993 · The Last Centuries of Byzantium, 1261–1453', 'Zachariadou 1977 · John VII (Alias Andronicus) Palaeologus'])
})

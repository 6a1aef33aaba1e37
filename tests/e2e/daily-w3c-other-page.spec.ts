/**
 * Issue 13, item 12: W3C annotations made on a page the project does not have are not attached to
 * the open document as orphans ("The text changed…"). The import says, in words, that the page is
 * not in the project, offers the document holding their quotes, and "Import them there" places
 * only those annotations (the ones already imported are not imported twice).
 */
import { test, expect } from './fixtures'

test.use({ seed: true })

const ELSEWHERE = 'https://example.org/a-blog-post-on-varna'
const FILE = JSON.stringify({
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  type: 'AnnotationCollection',
  first: {
    type: 'AnnotationPage',
    items: [
      { id: 'urn:x:1', type: 'Annotation', bodyValue: 'on the seed', target: { selector: { type: 'TextQuoteSelector', exact: 'Byzantine Emperor for five months in 1390' } } },
      { id: 'urn:x:2', type: 'Annotation', bodyValue: 'the pass', target: { source: ELSEWHERE, selector: { type: 'TextQuoteSelector', exact: 'Zygos pass' } } },
      { id: 'urn:x:3', type: 'Annotation', bodyValue: 'the battle', target: { source: ELSEWHERE, selector: { type: 'TextQuoteSelector', exact: 'crusade of Varna' } } }
    ]
  }
})

test('annotations of a page not in the project are named, not orphaned, and placed in the document chosen', async ({ page, app }) => {
  const note = (await app.api<{ id: string }>('importDocument', { fileName: 'note.txt', contentBase64: Buffer.from('A note on the Zygos pass and the crusade of Varna.').toString('base64') })).id
  await page.reload()
  await expect(page.locator('document-view h1.doc-title')).toHaveText('John VII Palaiologos')
  await page.locator('document-list').getByRole('button', { name: /^John VII/ }).click()
  const button = page.locator('w3c-import-button')
  await button.locator('input[type=file]').setInputFiles({ name: 'hypothesis.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(FILE) })

  await expect(button.locator('.result')).toHaveText(/1 imported: 1 anchored, 0 moved, 0 orphaned/)
  const unmatched = button.locator('.unmatched')
  await expect(unmatched).toBeVisible()
  await expect(unmatched).toContainText(`2 annotations of ${ELSEWHERE} not imported: that page is not in this project; their quotes are in “note”.`)
  await expect(page.locator('annotation-list .orphans')).toHaveCount(0)
  const select = unmatched.getByRole('combobox')
  await expect(select).toHaveValue(note) // the document holding their quotes, proposed
  await page.screenshot({ path: test.info().outputPath('w3c-unmatched.png') })

  await unmatched.getByRole('button', { name: 'Import them there' }).click()
  await expect(button.locator('.result')).toHaveText(/2 imported: 2 anchored, 0 moved, 0 orphaned/)
  await expect(button.locator('.unmatched')).toHaveCount(0)
  const onNote = await app.api<{ target: { exact: string }; status: string }[]>('listAnnotations', { documentId: note })
  expect(onNote.map((a) => [a.target.exact, a.status]).sort()).toEqual([['Zygos pass', 'anchored'], ['crusade of Varna', 'anchored']])
  const onSeed = await app.api<{ target: { exact: string } }[]>('listAnnotations', { documentId: app.seedId })
  expect(onSeed.map((a) => a.target.exact)).toEqual(['Byzantine Emperor for five months in 1390']) // not imported twice
})

/**
 * Importing W3C annotations in the app: the toolbar's "Import annotations…" takes a JSON-LD file,
 * the anchored one is listed and painted, the orphan is listed under "Needs review" with the
 * reason shown next to the button, and one undo removes the whole import.
 */
import { test, expect } from './fixtures'

test.use({ seed: true })

const FILE = JSON.stringify({
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  type: 'AnnotationPage',
  items: [
    {
      '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:x:found', type: 'Annotation',
      body: [{ type: 'TextualBody', purpose: 'commenting', value: 'From Recogito' }, { type: 'TextualBody', purpose: 'tagging', value: 'reign' }],
      target: { selector: { type: 'TextQuoteSelector', exact: 'Byzantine Emperor for five months in 1390', prefix: 'was ', suffix: '. While' } }
    },
    {
      '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:x:lost', type: 'Annotation',
      body: { type: 'TextualBody', purpose: 'commenting', value: 'About Florence' },
      target: { selector: { type: 'TextQuoteSelector', exact: 'the Council of Florence' } }
    }
  ]
})

test('imports a W3C file onto the open document and lists the orphan for review', async ({ page, app }) => {
  const button = page.locator('w3c-import-button')
  await expect(button.locator('button')).toBeEnabled()
  await button.locator('input[type=file]').setInputFiles({ name: 'recogito.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(FILE) })

  await expect(button.locator('.result')).toHaveText(/2 imported: 1 anchored, 0 moved, 1 orphaned/)
  await button.locator('summary').click()
  await expect(button.locator('details li')).toHaveText(['“the Council of Florence”: the quote is not in this document'])

  const cards = page.locator('annotation-list annotation-card')
  await expect(cards).toHaveCount(2)
  await expect(page.locator('annotation-list .orphans')).toContainText('About Florence')
  await expect(cards.filter({ hasText: 'From Recogito' })).toContainText('Byzantine Emperor for five months in 1390')

  const stored = await app.api<{ status: string; target: { exact: string } }[]>('listAnnotations', {})
  expect(stored.map((a) => a.status).sort()).toEqual(['anchored', 'orphaned'])

  await page.keyboard.press('Control+z')
  await expect(cards).toHaveCount(0)
})

test('a file that is not JSON shows an error and changes nothing', async ({ page, app }) => {
  const button = page.locator('w3c-import-button')
  await expect(button.locator('button')).toBeEnabled() // the seed document is open
  await button.locator('input[type=file]').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ nope') })
  await expect(page.locator('error-banner')).toContainText('broken.json: not a JSON file')
  expect(await app.api<unknown[]>('listAnnotations', {})).toEqual([])
})

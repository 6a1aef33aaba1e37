/**
 * Makes docs/screenshot.png (1280×800, linked from the README): the seed article annotated the way
 * a historian would — tagged, overlapping highlights with notes — with one highlight selected.
 * The annotations are created through the real API; the page shows them via its change events.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { GIBBON_EXCERPT, test, expect } from './fixtures'

test.use({ seed: true, projectName: 'Late Byzantine emperors — reading notes' })

const OUT = resolve(__dirname, '..', '..', 'docs', 'screenshot.png')

const HIGHLIGHTS: { quote: string; tags: string[]; note: string }[] = [
  { quote: "Ιωάννης Ζ' Παλαιολόγος", tags: ['name'], note: 'Greek form of the name; the article also gives Palaeologus.' },
  { quote: 'Byzantine Emperor for five months in 1390', tags: ['claim'], note: 'Check against Gibbon ch. LXIV: how long did the usurpation last?' },
  { quote: 'he used the name Andronikos, after his father', tags: ['claim', 'name'], note: 'Zachariadou (1977) is the source for the alias.' },
  { quote: 'Andronikos IV Palaiologos', tags: ['person'], note: '' },
  { quote: 'Keratsa of Bulgaria', tags: ['person'], note: 'Daughter of Ivan Alexander.' },
  { quote: 'Ivan Alexander of Bulgaria', tags: ['person'], note: '' },
  { quote: 'Theodora of Wallachia', tags: ['person'], note: '' },
  { quote: 'John V Palaiologos in 1376', tags: ['person'], note: '' },
  { quote: 'in 1376, John VII was associated as co-emperor', tags: ['event'], note: 'Overlaps the grandfather’s name: both readings kept.' },
  { quote: 'Selymbria (Silivri)', tags: ['place'], note: '' }
]

test('screenshot of the annotated seed for the README', async ({ page, app }) => {
  // The cited source beside the article, as in the sample project.
  await app.api('importDocument', {
    fileName: 'gibbon-vol6-ch64-65.txt',
    contentBase64: readFileSync(GIBBON_EXCERPT).toString('base64'),
    role: 'source',
    title: 'Gibbon, Decline and Fall, vol. 6, ch. LXIV–LXV'
  })
  for (const h of HIGHLIGHTS) await app.api('annotateQuote', { documentId: app.seedId, ...h })
  await page.reload()
  const cards = page.locator('annotation-list annotation-card')
  await expect(cards).toHaveCount(HIGHLIGHTS.length)
  await cards.filter({ hasText: 'five months in 1390' }).click()
  // Let the flash fade so the picture shows the steady state.
  await page.waitForTimeout(1800)
  await page.mouse.move(0, 790)
  await page.screenshot({ path: OUT })
})

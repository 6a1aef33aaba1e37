/**
 * Importing sources through the app (the built renderer over HTTP with the real services): a TEI
 * edition arrives pre-annotated (its names highlighted and listed as entities); a hostile web page
 * imports as inert text and nothing in it runs; a text that is not UTF-8 shows the candidate
 * decodings and imports after the historian chooses one (none is applied silently); a Project
 * Gutenberg header is offered for trimming; a slow import (OCR) shows progress and can be
 * cancelled, leaving the project unchanged.
 */
import { readFileSync } from 'node:fs'
import { test, expect } from './fixtures'
import { paintedTexts } from './painted'
import { corpusPath } from '../helpers/corpus'
import { scanPage } from '../helpers/make-documents'

const KERVEGAN = corpusPath('tei/froissart-kervegan/froissart.xml')

interface Doc { id: string; title: string; format: string; text: string; metadata: { encoding?: string; gutenberg?: { trimmed: boolean } } }
interface Annotation { entityIds: string[]; target: { exact: string }; tags: string[] }

const importFile = (page: import('@playwright/test').Page, name: string, buffer: Buffer, mimeType = 'application/octet-stream') =>
  page.locator('import-button #import-file').setInputFiles({ name, mimeType, buffer })

test('the picker offers every format the import door reads', async ({ page, app }) => {
  expect(app.dir).toBeTruthy()
  const accept = await page.locator('import-button #import-file').getAttribute('accept')
  for (const ext of ['.txt', '.md', '.xml', '.tei', '.html', '.htm', '.pdf', '.docx', '.epub', '.png', '.jpg', '.jpeg', '.tif', '.tiff']) {
    expect(accept?.split(',')).toContain(ext)
  }
})

test('a TEI edition imports with its names highlighted and listed as entities', async ({ page, app }) => {
  test.setTimeout(120_000)
  await importFile(page, 'froissart.xml', readFileSync(KERVEGAN), 'application/xml')
  const status = page.locator('import-button [role=status]')
  await expect(status).toContainText('Imported “Chroniques”: 3 pages', { timeout: 60_000 })
  await expect(status).toContainText("names from the edition's markup")
  await expect(page.locator('document-view h1.doc-title').first()).toHaveText('Chroniques')
  await expect(page.locator('document-view .pb[data-label="371 r"]')).toHaveCount(1)

  // The edition's own names are highlights in the view…
  const [doc] = await app.api<Doc[]>('listDocuments', {})
  const annotations = await app.api<Annotation[]>('listAnnotations', { documentId: doc.id })
  expect(annotations.length).toBeGreaterThan(50)
  expect(annotations.every((a) => a.entityIds.length === 1)).toBe(true)
  await expect.poll(() => paintedTexts(page)).toContain('duc de Berry')
  await expect(page.locator('footer')).toContainText(`${annotations.length} highlights in this document`)

  // …and entities in the Entities tab, under the register's standard name.
  await page.getByRole('tab', { name: 'Entities' }).click()
  const people = page.locator('entity-panel [aria-label="person entities"] li.entity')
  await expect(people.filter({ hasText: 'Jean de Berry' })).toHaveCount(1)
  await expect(page.locator('entity-panel [aria-label="place entities"] li.entity')).not.toHaveCount(0)
  const listed = await page.locator('entity-panel li.entity').count()
  expect(listed).toBe((await app.api<unknown[]>('listEntities', {})).length)
})

test('a hostile web page imports as inert text: no script, handler or javascript: link runs', async ({ page, app }) => {
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  const requests: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  const html = `<!doctype html><html><head><title>The Council of Florence</title>
    <meta http-equiv="refresh" content="0;url=javascript:window.top.__pwned='meta'">
    <script>window.top.__pwned = 'script'; alert('script')</script>
    <style>body { background: url(https://evil.example/track.png) }</style></head>
    <body onload="window.top.__pwned='onload'; alert('onload')">
    <article><h1>The Council of Florence</h1>
    <p>The council met at Ferrara in 1438 and moved to Florence in 1439, where the union of the churches was proclaimed.
      <img src="x" onerror="window.top.__pwned='onerror'; alert('onerror')">
      <a href="javascript:window.top.__pwned='link'">Read the decree</a> and <a href="https://example.org/laetentur">Laetentur caeli</a>.</p>
    <svg><script>window.top.__pwned='svg'</script><circle onload="alert('svg')"/></svg>
    <iframe src="javascript:alert('frame')"></iframe>
    <form action="https://evil.example/"><input name="q" value="Bessarion"></form>
    <p>The Greek delegation included John VIII Palaiologos and Bessarion of Nicaea, who stayed in Italy afterwards.</p></article>
    </body></html>`
  await importFile(page, 'florence.html', Buffer.from(html, 'utf8'), 'text/html')
  await expect(page.locator('import-button [role=status]')).toContainText('Imported', { timeout: 30_000 })
  const view = page.locator('document-view')
  await expect(view.locator('article')).toContainText('The council met at Ferrara in 1438')
  await expect(view.locator('article')).toContainText('Bessarion of Nicaea')
  await expect(view.locator('article')).toContainText('Read the decree')

  // Nothing ran, nothing was fetched from outside, and none of the markup reached the page.
  await page.waitForTimeout(500)
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined()
  expect(dialogs).toEqual([])
  expect(requests.filter((u) => !u.startsWith(app.url.replace(/\/\?.*$/, '')) && !u.startsWith('data:'))).toEqual([])
  const inside = await view.evaluate((el) => {
    const root = el.shadowRoot!
    return {
      scripts: root.querySelectorAll('script, iframe, img, svg, form, [onerror], [onload]').length,
      text: root.querySelector('article')!.textContent ?? ''
    }
  })
  expect(inside.scripts).toBe(0)
  expect(inside.text).not.toContain('__pwned')
  expect(inside.text).not.toContain('alert(')
  const [doc] = await app.api<(Doc & { marks?: { kind: string; href?: string }[] })[]>('listDocuments', {})
  expect((doc.marks ?? []).filter((m) => m.kind === 'link').map((m) => m.href)).toEqual(['https://example.org/laetentur'])
})

test('a text that is not UTF-8 shows the candidate decodings and imports as the one chosen', async ({ page, app }) => {
  // Windows-1252: é, the curly quotes and the en dash are single bytes (0xE9, 0x93/0x94, 0x96).
  const bytes = Buffer.from([
    ...Buffer.from('Chronique de Saint-Denis\n\nLe roi fut couronn', 'latin1'), 0xe9, ...Buffer.from(' ', 'latin1'),
    0x93, ...Buffer.from('en grande pompe', 'latin1'), 0x94, ...Buffer.from(' ', 'latin1'), 0x96, ...Buffer.from(' ainsi dit la chronique.\n', 'latin1')
  ])
  await importFile(page, 'chronique.txt', bytes, 'text/plain')
  const dialog = page.locator('import-preview dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('chronique.txt')
  await expect(dialog).toContainText('not valid UTF-8')
  const cp1252 = dialog.locator('.candidate[data-encoding="windows-1252"]')
  await expect(cp1252).toContainText('couronné “en grande pompe” –')
  await expect(cp1252.locator('.tag')).toHaveText('proposed')
  // Proposed is not chosen: nothing is imported until the historian picks an encoding.
  const importButton = dialog.getByRole('button', { name: /Import as|Choose an encoding/ })
  await expect(importButton).toBeDisabled()
  expect(await app.api<Doc[]>('listDocuments', {})).toHaveLength(0)
  // Latin-1 shows the wrong characters and says why it looks wrong.
  await expect(dialog.locator('.candidate[data-encoding="iso-8859-1"] .warn')).toContainText('control character')

  await cp1252.locator('input[type=radio]').check()
  await expect(importButton).toHaveText('Import as Windows-1252 (Western European, Windows)')
  await importButton.click()
  await expect(dialog).toHaveCount(0)
  await expect(page.locator('import-button [role=status]')).toContainText('decoded as windows-1252')
  await expect(page.locator('document-view article')).toContainText('Le roi fut couronné “en grande pompe” – ainsi dit la chronique.')
  const [doc] = await app.api<Doc[]>('listDocuments', {})
  expect(doc.metadata.encoding).toBe('windows-1252')
})

test('cancelling the encoding choice imports nothing', async ({ page, app }) => {
  await importFile(page, 'latin1.txt', Buffer.from([0x48, 0x69, 0x73, 0x74, 0x6f, 0x72, 0x79, 0x20, 0xe9, 0x0a]), 'text/plain')
  const dialog = page.locator('import-preview dialog')
  await expect(dialog).toContainText('latin1.txt')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.locator('import-button [role=status]')).toHaveText('latin1.txt was not imported.')
  expect(await app.api<Doc[]>('listDocuments', {})).toHaveLength(0)
})

test('a Project Gutenberg header and licence are offered for trimming and kept in metadata', async ({ page, app }) => {
  const text = [
    'The Project Gutenberg eBook of The Decline and Fall, Vol. 6',
    '',
    'Title: The History of the Decline and Fall of the Roman Empire, Vol. 6',
    'Author: Edward Gibbon',
    '',
    '*** START OF THE PROJECT GUTENBERG EBOOK THE DECLINE AND FALL, VOL. 6 ***',
    '',
    'Chapter LXIV',
    '',
    'From the petty quarrels of a city and her suburbs, I return to the ruin of the Greek empire.',
    '',
    '*** END OF THE PROJECT GUTENBERG EBOOK THE DECLINE AND FALL, VOL. 6 ***',
    '',
    'Updated editions will replace the previous one--the old editions will be renamed.',
    ''
  ].join('\n')
  await importFile(page, 'gibbon.txt', Buffer.from(text, 'utf8'), 'text/plain')
  const dialog = page.locator('import-preview dialog')
  await expect(dialog).toContainText('Trim the Project Gutenberg header')
  await dialog.getByRole('checkbox').check()
  await dialog.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(page.locator('import-button [role=status]')).toContainText('Gutenberg header and licence trimmed')
  const article = page.locator('document-view article')
  await expect(article).toContainText('I return to the ruin of the Greek empire')
  await expect(article).not.toContainText('START OF THE PROJECT GUTENBERG')
  const [doc] = await app.api<Doc[]>('listDocuments', {})
  expect(doc.metadata.gutenberg?.trimmed).toBe(true)
})

test('a long import shows its progress and Cancel stops it, adding nothing', async ({ page, app }) => {
  const png = Buffer.from(scanPage(['The Council of Florence met in 1439.', 'The union of the churches was proclaimed there.']))
  await importFile(page, 'scan.png', png, 'image/png')
  const progress = page.locator('import-button .progress')
  await expect(progress).toContainText('scan.png')
  await expect(progress.getByRole('progressbar')).toBeVisible()
  await progress.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.locator('import-button [role=status]')).toHaveText('Import of scan.png cancelled: nothing was added.')
  expect(await app.api<Doc[]>('listDocuments', {})).toHaveLength(0)
  expect(await app.api<{ canUndo: boolean }>('getHistory', {})).toMatchObject({ canUndo: false })
})

test('a file whose content is not what its name says is refused with its name and the problem', async ({ page, app }) => {
  await importFile(page, 'report.pdf', Buffer.from('just some text, not a PDF', 'utf8'), 'application/pdf')
  const banner = page.locator('error-banner [role=alert]')
  await expect(banner).toContainText('Could not import report.pdf')
  await expect(banner).toContainText('report.pdf:')
  expect(await app.api<Doc[]>('listDocuments', {})).toHaveLength(0)
})

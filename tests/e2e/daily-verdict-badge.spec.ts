/**
 * The verdict badge of a checked citation sits at the END of its highlight (issue 13, item 12: "the
 * verdict badge sits under the start of a wrapped highlight"): measured against the highlight's
 * last line box as painted (the overlay's boxes), for highlights that wrap over two and three lines,
 * cross a paragraph, start at the end of a line, end on the space where a line wraps, end with a
 * preserved line break (verse and <lb/> lines), and cross a content-visibility chunk of a long book;
 * at 1024 and 1440 px, after scrolling, after resizing the side panel and the window, and after a
 * re-paint (an edit of the annotation).
 */
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { test, expect, GIBBON_EXCERPT, type App } from './fixtures'

test.use({ seed: true })

interface Box {
  left: number
  top: number
  right: number
  bottom: number
}

/** Creates an annotation on `quote` citing `citationId` and records a verdict on it; returns its id. */
async function verified(app: App, documentId: string, citationId: string, quote: string): Promise<string> {
  const a = await app.api<{ id: string }>('annotateQuote', { documentId, quote, citations: [{ citationId }] })
  await app.api('verifyClaim', { annotationId: a.id, citationId, status: 'supported' })
  return a.id
}

/** The badge of annotation `id` and the boxes its highlight is painted as, in client pixels. */
function measure(page: Page, id: string): Promise<{ badge?: Box; boxes: Box[] }> {
  return page.evaluate((id) => {
    const root = document.querySelector('marginalia-app')!.shadowRoot!.querySelector('document-view')!.shadowRoot!
    const box = (e: Element) => {
      const r = e.getBoundingClientRect()
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }
    }
    const badge = root.querySelector(`.verdict-badge[data-annotation="${id}"]`)
    return { badge: badge ? box(badge) : undefined, boxes: [...root.querySelectorAll(`.overlay .box.hl[data-id="${id}"]`)].map(box) }
  }, id)
}

/**
 * Asserts the badge of `id` sits just after the end of the highlight's last line: its left edge
 * within 4 px right of that line box's right edge, and overlapping that line vertically (it is
 * raised like a superscript). Returns the number of lines the highlight is painted on.
 */
async function expectBadgeAtEnd(page: Page, id: string, label: string): Promise<number> {
  await expect.poll(async () => (await measure(page, id)).badge !== undefined, { message: `${label}: badge drawn` }).toBe(true)
  const { badge, boxes } = await measure(page, id)
  expect(boxes.length, `${label}: highlight painted`).toBeGreaterThan(0)
  const lastBottom = Math.max(...boxes.map((b) => b.bottom))
  const lastLine = boxes.filter((b) => b.bottom > lastBottom - 2)
  const end = lastLine.reduce((a, b) => (b.right > a.right ? b : a))
  const where = `${label}: badge ${JSON.stringify(badge)}, last line box ${JSON.stringify(end)}`
  expect(badge!.left, where).toBeGreaterThanOrEqual(end.right - 0.5)
  expect(badge!.left, where).toBeLessThanOrEqual(end.right + 4)
  expect(badge!.bottom, where).toBeGreaterThan(end.top)
  expect(badge!.top, where).toBeLessThan(end.bottom)
  return new Set(boxes.map((b) => Math.round(b.top))).size
}

/** Quotes around the ends of lines in the paragraph holding `needle`, as laid out now. */
function lineEnds(page: Page, needle: string): Promise<{ endsAtWrap: string; startsAtLineEnd: string }[]> {
  return page.evaluate((needle) => {
    const root = document.querySelector('marginalia-app')!.shadowRoot!.querySelector('document-view')!.shadowRoot!
    const p = [...root.querySelectorAll('.text p')].find((x) => x.textContent!.includes(needle))!
    const node = p.firstChild as Text
    const words = [...node.data.matchAll(/\S+/g)].map((m) => {
      const r = document.createRange()
      r.setStart(node, m.index!)
      r.setEnd(node, m.index! + m[0].length)
      return { s: m.index!, e: m.index! + m[0].length, top: r.getClientRects()[0].top }
    })
    const out: { endsAtWrap: string; startsAtLineEnd: string }[] = []
    for (let i = 3; i + 4 < words.length; i++) {
      if (words[i + 1].top > words[i].top + 2) {
        // Five words ending with the space the line wraps at; the line's last word and the next line's first three.
        out.push({ endsAtWrap: node.data.slice(words[i - 4].s, words[i].e + 1), startsAtLineEnd: node.data.slice(words[i].s, words[i + 3].e) })
      }
    }
    return out
  }, needle)
}

const scroller = (page: Page, y: number) =>
  page.evaluate((y) => {
    document.querySelector('marginalia-app')!.shadowRoot!.querySelector('document-view')!.shadowRoot!.querySelector('.scroller')!.scrollTop = y
  }, y)

for (const width of [1024, 1440]) {
  test(`at ${width} px the badge sits at the end of wrapped highlights, after scrolling, resizing and a re-paint`, async ({ page, app }) => {
    await page.setViewportSize({ width, height: 800 })
    await page.reload()
    await expect(page.locator('document-view h1.doc-title')).toHaveText('John VII Palaiologos')
    const doc = app.seedId!
    const citationId = (await app.api<{ id: string }>('createCitation', { item: { type: 'book', title: 'Decline and Fall' } })).id
    const ends = await lineEnds(page, 'Andronikos IV usurped')
    expect(ends.length).toBeGreaterThan(1)
    const ids = {
      'three lines': await verified(app, doc, citationId, 'Both father and son were overthrown and partly blinded in 1379, but Andronikos IV kept his imperial status and was granted Selymbria (Silivri) as his domain by John V.'),
      'across a paragraph': await verified(app, doc, citationId, 'until John V was restored by his son Manuel with the help of the Republic of Venice\nJohn VII sought refuge'),
      'paragraph end with its space': await verified(app, doc, citationId, 'his own sons were not yet born). '),
      'starts at the end of a line': await verified(app, doc, citationId, ends[0].startsAtLineEnd),
      'ends on the wrapping space': await verified(app, doc, citationId, ends[1].endsAtWrap)
    }
    const check = async (when: string) => {
      const lines: Record<string, number> = {}
      for (const [label, id] of Object.entries(ids)) {
        await scroller(page, 0)
        await page.locator('document-view').evaluate(() => new Promise(requestAnimationFrame))
        lines[label] = await expectBadgeAtEnd(page, id, `${label}, ${when}`)
      }
      return lines
    }
    const first = await check('as painted')
    // The cases wrap as meant: the long one over three lines at 1024 px, two at least everywhere.
    expect(first['three lines']).toBeGreaterThanOrEqual(width === 1024 ? 3 : 2)
    expect(first['across a paragraph']).toBeGreaterThanOrEqual(2)
    expect(first['starts at the end of a line']).toBe(2)
    await page.screenshot({ path: test.info().outputPath(`badges-${width}.png`) })

    // Scrolled so the highlights move up the window: still at their ends.
    await scroller(page, 250)
    for (const [label, id] of Object.entries(ids)) await expectBadgeAtEnd(page, id, `${label}, scrolled`)

    // The side panel made wider by keyboard: the text column narrows and the lines re-wrap (at 1024 px).
    const separator = page.getByRole('separator', { name: /Width of the side panel/ })
    await separator.focus()
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowLeft')
    await check('after resizing the side panel')

    // The window made narrower: the page itself re-wraps.
    await page.setViewportSize({ width: width - 200 >= 1024 ? width - 200 : 1024, height: 700 })
    await check('after resizing the window')

    // A re-paint after an edit of the highlights (a tag and a note on each).
    for (const id of Object.values(ids)) await app.api('updateAnnotation', { id, tags: ['checked'], note: 'seen' })
    await expect(page.locator('annotation-list').getByText('checked').first()).toBeVisible()
    await check('after a re-paint')

    // Painted while the text was hidden (the Corpus view open, a verdict recorded meanwhile), then shown again.
    await page.getByRole('button', { name: 'Corpus', exact: true }).click()
    await expect(page.locator('document-view')).toBeHidden()
    const hidden = await verified(app, doc, citationId, 'John VII discharged his duties well, hoping for a miracle, which occurred when Bayezid was defeated by Timur')
    await page.getByRole('button', { name: 'Corpus', exact: true }).click()
    await expect(page.locator('document-view')).toBeVisible()
    await check('after the Corpus view')
    expect(await expectBadgeAtEnd(page, hidden, 'recorded while hidden')).toBeGreaterThanOrEqual(2)
  })
}

/** Verse (<lg><l>) and a paragraph with <lb/> lines keep their line breaks (CSS pre-line). */
const TEI = `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Lines</title></titleStmt><publicationStmt><p>test</p></publicationStmt><sourceDesc><p>test</p></sourceDesc></fileDesc></teiHeader>
<text><body>
<lg><l n="1">Of man's first disobedience, and the fruit</l><l n="2">Of that forbidden tree whose mortal taste</l><l n="3">Brought death into the world, and all our woe,</l><l n="4">With loss of Eden, till one greater Man</l><l n="5">Restore us, and regain the blissful seat,</l></lg>
<p>The emperor left the city in the spring<lb n="2"/>and did not return before the winter of that<lb n="3"/>year, when the envoys of the sultan arrived at<lb n="4"/>the gates with a letter for the regent.</p>
</body></text></TEI>`

test('a highlight ending with a kept line break (verse, <lb/>) has its badge at the end of its last line, not on the next', async ({ page, app }) => {
  await page.setViewportSize({ width: 1024, height: 800 })
  const doc = (await app.api<{ id: string }>('importDocument', { fileName: 'lines.xml', contentBase64: Buffer.from(TEI).toString('base64') })).id
  const citationId = (await app.api<{ id: string }>('createCitation', { item: { type: 'book', title: 'Paradise Lost' } })).id
  const ids = {
    'one verse line with its break': await verified(app, doc, citationId, 'Of that forbidden tree whose mortal taste\n'),
    'two verse lines with the break': await verified(app, doc, citationId, 'all our woe,\nWith loss of Eden, till one greater Man\n'),
    'an <lb/> line with its break': await verified(app, doc, citationId, 'and did not return before the winter of that\n')
  }
  await page.reload()
  await page.locator('document-list').getByRole('button', { name: /^Lines/ }).click()
  await expect(page.locator('document-view h1.doc-title')).toHaveText('Lines')
  for (const [label, id] of Object.entries(ids)) await expectBadgeAtEnd(page, id, label)
  expect(await expectBadgeAtEnd(page, ids['two verse lines with the break'], 'two verse lines')).toBe(2)
})

test('in a long book a highlight crossing into a chunk not yet rendered has its badge at its end, before and after scrolling to it', async ({ page, app }) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  const doc = (await app.api<{ id: string }>('importDocument', { fileName: 'gibbon.txt', title: 'Gibbon excerpt', contentBase64: readFileSync(GIBBON_EXCERPT).toString('base64') })).id
  const { text } = await app.api<{ text: string }>('getDocument', { id: doc })
  await page.reload()
  await page.locator('document-list').getByText('Gibbon excerpt').click()
  await expect(page.locator('document-view h1.doc-title')).toHaveText('Gibbon excerpt')
  // The end of chunk 1's last paragraph and the start of chunk 2's first (chunks are content-visibility: auto).
  const edge = await page.evaluate(() => {
    const chunks = document.querySelector('marginalia-app')!.shadowRoot!.querySelector('document-view')!.shadowRoot!.querySelectorAll('.chunk')
    return { tail: chunks[1].lastElementChild!.textContent!.slice(-60), head: chunks[2].firstElementChild!.textContent!.slice(0, 40) }
  })
  const from = text.indexOf(edge.tail)
  const quote = text.slice(from, text.indexOf(edge.head, from) + edge.head.length)
  const citationId = (await app.api<{ id: string }>('createCitation', { item: { type: 'book', title: 'Decline and Fall' } })).id
  const id = await verified(app, doc, citationId, quote)
  // Scrolled in steps towards it and past it: wherever it is painted, the badge is at its end.
  let seen = 0
  for (let y = 0; y <= 7000; y += 700) {
    await scroller(page, y)
    await page.waitForTimeout(150)
    if ((await measure(page, id)).boxes.length) {
      await expectBadgeAtEnd(page, id, `scrolled to ${y}`)
      seen++
    }
  }
  expect(seen).toBeGreaterThan(2)
})

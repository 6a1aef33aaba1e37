/**
 * Text content of HTML pages as a browser's HTML parser builds it: `DOMParser` in Chromium, then
 * `document.body.textContent` (what Hypothesis's TextPositionSelector offsets count, in UTF-16
 * code units). A regex over the markup would get entities, `<script>`, implied tags and whitespace
 * wrong; the real parser does not. Also gives `innerText` (the rendered text, whitespace collapsed,
 * scripts and styles left out), a realistic "other extraction" of the same page.
 */
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

export interface PageTexts {
  textContent: string
  innerText: string
}

/** Chromium of the system (as the Playwright config uses), else Playwright's own. */
const executablePath = process.env.PW_CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))

/** Parses each page in one headless Chromium; scripts in the pages never run (DOMParser documents are inert). */
export async function htmlTexts(pages: string[]): Promise<PageTexts[]> {
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] })
  try {
    const page = await browser.newPage()
    await page.setContent('<!doctype html><body></body>')
    // This file compiles without the DOM lib (tests run in Node); the callback runs in the page.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return await page.evaluate((htmls) => htmls.map((h) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const { DOMParser, document } = globalThis as any
      const doc = new DOMParser().parseFromString(h, 'text/html')
      const textContent = doc.body.textContent ?? ''
      // innerText needs layout: show the inert body's children in a container of the live page.
      const box = document.createElement('div')
      box.append(...Array.from(doc.body.childNodes as ArrayLike<unknown>).map((n) => document.importNode(n, true)))
      box.querySelectorAll('script, style, link').forEach((n: { remove(): void }) => n.remove())
      document.body.replaceChildren(box)
      return { textContent: textContent as string, innerText: box.innerText as string }
    }), pages)
  } finally {
    await browser.close()
  }
}

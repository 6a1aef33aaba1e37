/**
 * Write, then tell: when a write fails at the file layer (the project's file system is full), the
 * edit is rolled back, the historian is told, and no view keeps showing it. The project folder is a
 * small tmpfs filled up on purpose (needs root; skipped otherwise).
 */
import { closeSync, openSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { paintedTexts } from './painted'
import { dragSelect } from './select'

test.use({ seed: true, tmpfs: '8m' })

/**
 * Writes zeros into `path` until the file system is full, in blocks from 64 KiB down to 1 byte, so
 * that not even a small journal line fits afterwards; returns the bytes written.
 */
function fillUp(path: string): number {
  const fd = openSync(path, 'w')
  let written = 0
  try {
    for (let size = 64 * 1024; size >= 1; size = Math.floor(size / 4)) {
      const block = Buffer.alloc(size)
      try {
        for (;;) written += writeSync(fd, block)
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err
      }
    }
  } finally {
    closeSync(fd)
  }
  return written
}

async function highlight(page: Page, phrase: string): Promise<void> {
  await dragSelect(page, phrase)
  const popover = page.locator('selection-popover')
  await expect(popover).toBeVisible()
  await page.keyboard.type('event')
  await page.keyboard.press('Enter')
}

test('a highlight that cannot be saved is shown as not saved, and no view keeps it', async ({ page, app }) => {
  await expect(page.locator('document-view h1')).toHaveText('John VII Palaiologos')
  // The journal's last file-system page has slack that a small append still fits into. Use it up
  // with the smallest edits on another document until one is refused; the highlight below is bigger.
  const other = await app.api<{ id: string }>('importDocument', { fileName: 'other.txt', contentBase64: Buffer.from('x y z').toString('base64') })
  const filler = join(app.dir, 'filler.bin')
  expect(fillUp(filler)).toBeGreaterThan(0)
  let slackUsed = false
  for (let i = 0; i < 100 && !slackUsed; i++) {
    slackUsed = await app.api('createAnnotation', { documentId: other.id, start: 0, end: 1 }).then(() => false, () => true)
  }
  expect(slackUsed).toBe(true)

  await highlight(page, 'Battle of Ankara')
  const banner = page.locator('error-banner [role=alert]')
  await expect(banner).toContainText('Not saved.')
  await expect(banner).toContainText(/no space left|ENOSPC/i)
  // Nothing shows the lost edit: not the text, not the list, not the status line, not the services.
  await expect.poll(() => paintedTexts(page)).toEqual([])
  await expect(page.locator('annotation-list annotation-card')).toHaveCount(0)
  await expect(page.locator('footer')).toContainText('0 highlights in this document')
  expect(await app.api<unknown[]>('listAnnotations', { documentId: app.seedId })).toEqual([])

  // With room again, the same edit goes through.
  // Told once: dismissed, the notices stay gone (the model's own check 300 ms after the failure
  // once added a second "Not saved." that moved the text under the mouse).
  const dismiss = page.locator('error-banner').getByRole('button', { name: 'Dismiss' })
  while ((await dismiss.count()) > 0) await dismiss.first().click()
  await page.waitForTimeout(600)
  await expect(banner).toHaveCount(0)
  rmSync(filler)
  await highlight(page, 'Battle of Ankara')
  await expect(page.locator('annotation-list annotation-card')).toHaveCount(1)
  await expect.poll(() => paintedTexts(page)).toEqual(['Battle of Ankara'])
  expect(await app.api<unknown[]>('listAnnotations', { documentId: app.seedId })).toHaveLength(1)
})

/**
 * Component tests: one vite dev server per worker serves tests/component/page (the harness) and
 * the renderer's sources it imports; each test opens the harness page in Chromium.
 */
import { resolve } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { createServer, type ViteDevServer } from 'vite'

const ROOT = resolve(__dirname, '..', '..')

export const test = base.extend<{ harness: Page }, { server: ViteDevServer }>({
  server: [
    async ({}, use) => {
      const server = await createServer({
        root: resolve(__dirname, 'page'),
        configFile: false,
        logLevel: 'error',
        server: { host: '127.0.0.1', port: 0, strictPort: false, fs: { allow: [ROOT] } }
      })
      await server.listen()
      await use(server)
      await server.close()
    },
    { scope: 'worker' }
  ],
  harness: async ({ page, server }, use) => {
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto(server.resolvedUrls!.local[0])
    await page.waitForFunction(() => !!window.harness)
    await use(page)
    expect(errors).toEqual([])
  }
})

export { expect }

declare global {
  interface Window {
    /** The harness of page/harness.ts (typed there; its specs only reach it inside page.evaluate). */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    harness: any
  }
}

/**
 * The project chooser in browser mode (`serve`), end to end over HTTP with the real services:
 * it says where the open project and the sample live, refuses a mistyped folder until the
 * historian confirms creating a project there, creates it, switches back from the recent list,
 * opens the sample project; and a browser opened without the printed `?token=` sees one page
 * saying which address to open instead of error banners.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { test as base, expect, type Page } from '@playwright/test'
import { cliCommand } from '../helpers/cli-command'
import { SEED } from './fixtures'

const ROOT = resolve(__dirname, '..', '..')
const run = promisify(execFile)

interface Served {
  tmp: string
  dir: string
  home: string
  url: string
  port: number
}

/** A project with the seed article, served with its own Marginalia data folder (MARGINALIA_HOME). */
const test = base.extend<{ served: Served }>({
  served: async ({}, use) => {
    const tmp = mkdtempSync(join(tmpdir(), 'marginalia-chooser-'))
    const dir = join(tmp, 'First')
    const home = join(tmp, 'home')
    await run(...cliCommand('init', dir, '--name', 'First project'), { cwd: ROOT })
    await run(...cliCommand('import', dir, SEED), { cwd: ROOT })
    const proc: ChildProcess = spawn(...cliCommand('serve', '--project', dir, '--port', '0'), { cwd: ROOT, env: { ...process.env, MARGINALIA_HOME: home } })
    const info = await new Promise<{ url: string; port: number }>((ok, fail) => {
      let out = ''
      proc.stdout!.on('data', (d) => {
        out += d
        const line = out.split('\n').find((l) => l.startsWith('{'))
        if (line) ok(JSON.parse(line))
      })
      proc.on('exit', (code) => fail(new Error(`serve exited with ${code}`)))
    })
    await use({ tmp, dir, home, ...info })
    await new Promise<void>((ok) => {
      if (proc.exitCode !== null) return ok()
      proc.removeAllListeners('exit')
      proc.on('exit', () => ok())
      proc.kill('SIGTERM')
    })
    rmSync(tmp, { recursive: true, force: true })
  }
})

// The machine is shared: a project, an import and a server start can take tens of seconds.
test.describe.configure({ timeout: 240_000 })

const chooser = (page: Page) => page.locator('project-chooser dialog')
const projectButton = (page: Page) => page.locator('marginalia-app header button.project')

test('the chooser says where projects live, asks before creating one, and switches projects', async ({ page, served }) => {
  await page.goto(served.url)
  await expect(page.locator('document-view h1')).toHaveText('John VII Palaiologos', { timeout: 30_000 })
  await expect(projectButton(page)).toContainText('First project')

  await projectButton(page).click()
  await expect(chooser(page)).toBeVisible()
  await expect(chooser(page).getByTestId('current-path')).toHaveText(served.dir)
  await expect(chooser(page).getByTestId('sample-path')).toHaveText(join(served.home, 'Sample.marginalia'))

  // A mistyped folder is not created: the chooser asks first, next to the field.
  const thesis = join(served.tmp, 'Thesis')
  await chooser(page).getByLabel('Project folder').fill(thesis)
  await chooser(page).getByRole('button', { name: 'Open', exact: true }).click()
  await expect(chooser(page).locator('.confirm')).toContainText('There is no folder yet')
  await expect(chooser(page).locator('.confirm')).toContainText(thesis)
  expect(existsSync(thesis)).toBe(false)
  await expect(chooser(page).getByLabel('Name of the new project')).toBeFocused()
  await chooser(page).getByLabel('Name of the new project').fill('My thesis')
  await chooser(page).getByRole('button', { name: 'Create project' }).click()

  await expect(chooser(page)).toHaveCount(0)
  await expect(projectButton(page)).toContainText('My thesis')
  await expect(page.locator('document-view .empty')).toBeVisible()
  await expect(page.locator('document-list')).not.toContainText('John VII')
  expect(existsSync(join(thesis, 'project.json'))).toBe(true)
  // Focus is back on the button that opened the chooser.
  await expect(projectButton(page)).toBeFocused()

  // Back to the first project from the recent list; its document opens again.
  await projectButton(page).click()
  await expect(chooser(page).getByTestId('current-path')).toHaveText(thesis)
  await chooser(page).getByRole('button', { name: `Open First project (${served.dir})` }).click()
  await expect(projectButton(page)).toContainText('First project')
  await expect(page.locator('document-view h1')).toHaveText('John VII Palaiologos', { timeout: 30_000 })
})

test('a folder that is not a project is refused in words and nothing is changed', async ({ page, served }) => {
  await page.goto(served.url)
  await expect(page.locator('document-view h1')).toHaveText('John VII Palaiologos', { timeout: 30_000 })
  await projectButton(page).click()
  await chooser(page).getByLabel('Project folder').fill('relative/path')
  await chooser(page).getByLabel('Project folder').press('Enter')
  await expect(chooser(page).locator('#folder-error')).toContainText('give the full path of the folder')
  await expect(chooser(page).getByLabel('Project folder')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.locator('error-banner .msg')).toHaveCount(0)
  // Escape closes the chooser from the field; the project is unchanged.
  await page.keyboard.press('Escape')
  await expect(chooser(page)).toHaveCount(0)
  await expect(projectButton(page)).toContainText('First project')
})

test('the sample project opens from the chooser, created in the data folder', async ({ page, served }) => {
  await page.goto(served.url)
  await expect(page.locator('document-view h1')).toHaveText('John VII Palaiologos', { timeout: 30_000 })
  await projectButton(page).click()
  await chooser(page).getByRole('button', { name: 'Open the sample project' }).click()
  await expect(projectButton(page)).toContainText('Sample project', { timeout: 60_000 })
  await expect(page.locator('document-list')).toContainText('Gibbon')
  expect(existsSync(join(served.home, 'Sample.marginalia', 'project.json'))).toBe(true)
})

test('without the printed token the page says which address to open, with no error banners', async ({ browser, served }) => {
  const page = await (await browser.newContext()).newPage()
  await page.goto(`http://127.0.0.1:${served.port}/`)
  await expect(page.getByRole('heading', { name: 'Open the address the server printed' })).toBeVisible()
  await expect(page.locator('error-banner')).toHaveCount(0)
  await expect(page.locator('document-view')).toHaveCount(0)

  await page.goto(`http://127.0.0.1:${served.port}/?token=not-the-key`)
  await expect(page.getByRole('heading', { name: 'Open the address the server printed' })).toBeVisible({ timeout: 20_000 })
  await expect(page.locator('project-token-page')).toContainText('does not accept')
  await expect(page.locator('error-banner')).toHaveCount(0)
})

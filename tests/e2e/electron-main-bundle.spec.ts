/**
 * The built Electron main process (out/main/index.js, as `npm start` runs it) loads and wires up:
 * Electron itself cannot be downloaded here, so the bundle runs under Node with a stand-in
 * `electron` module. Catches what the source-level shell test cannot: bundling and packaging paths
 * (preload, renderer, documents/, resources/csl) and dependencies missing from the bundle.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test } from '@playwright/test'

const ROOT = resolve(__dirname, '..', '..')
const OUT = resolve(ROOT, process.env.MARGINALIA_OUT ?? 'out')

test('the bundled main opens the sample project in a hardened window and answers over IPC', () => {
  const userData = mkdtempSync(join(tmpdir(), 'marginalia-main-'))
  try {
    const stdout = execFileSync(process.execPath, [join(ROOT, 'tests', 'helpers', 'run-bundled-main.cjs'), join(OUT, 'main', 'index.js'), userData], { encoding: 'utf8', timeout: 60_000 })
    const report = JSON.parse(stdout.trim().split('\n').pop()!)
    expect(report.events.filter((e: { error?: string }) => e.error)).toEqual([])
    expect(report.events).toContain('enableSandbox')
    expect(report.events).toContain('appProtocol')
    const window = report.events.find((e: { window?: unknown }) => e.window).window
    expect(window).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: join(OUT, 'preload', 'index.js') })
    expect(report.events).toContainEqual({ load: 'app://marginalia/index.html' })
    expect(report.documents.ok).toBe(true)
    expect(report.documents.value.map((d: { title: string }) => d.title)).toEqual(['John VII Palaiologos', 'Gibbon, Decline and Fall, vol. 6, ch. LXIV–LXV'])
    expect(report.bibliography).toMatchObject({ ok: true, value: { style: 'chicago-author-date' } })
  } finally {
    rmSync(userData, { recursive: true, force: true })
  }
})

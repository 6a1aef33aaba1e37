#!/usr/bin/env node
/**
 * `npm start` / `npm run dev` / `npm run electron:install`: makes sure Electron's binary is there
 * (Electron's own install.js downloads it on first use) and, when it cannot be downloaded, says so
 * in words — what failed, why, and how to use Marginalia without Electron — instead of a bare
 * `TypeError: fetch failed` stack. Exits non-zero then, so `npm start` stops.
 */
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const install = spawnSync(process.execPath, ['--require', join(ROOT, 'scripts', 'fetch-failure-cause.cjs'), join(ROOT, 'node_modules', 'electron', 'install.js')], {
  cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe']
})
if (install.status === 0) process.exit(0)

const output = `${install.stderr ?? ''}${install.error ? String(install.error) : ''}`
const reason = /MARGINALIA_DOWNLOAD_FAILED (.*)/.exec(output)?.[1]
  ?? output.split('\n').find((line) => line.trim() && !/^\s+at /.test(line))?.trim()
  ?? `the installer exited with code ${install.status}`
const { version } = JSON.parse((await import('node:fs')).readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8'))

process.stderr.write([
  `Marginalia: Electron ${version}'s program could not be downloaded, so the desktop app cannot start.`,
  `Why: ${reason}`,
  '',
  'Electron is downloaded once, on the first start, from GitHub (or from $ELECTRON_MIRROR if set); this',
  'machine could not reach it. Try again with a network connection, or use Marginalia in your browser',
  'instead, which needs no download:',
  '',
  '  npm run build',
  '  npm run cli -- serve',
  '',
  'and open the address it prints.',
  ''
].join('\n'))
process.exit(install.status || 1)

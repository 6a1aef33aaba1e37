// Makes sure the tests have a Chromium: Debian's (/usr/bin/chromium) when installed, else
// Playwright's own build, downloaded here once if it is missing (needs the internet that once).
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

const system = process.env.PW_CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))
if (system) {
  console.log(`tests use ${system}`)
} else if (existsSync(chromium.executablePath())) {
  console.log(`tests use Playwright's Chromium at ${chromium.executablePath()}`)
} else {
  console.log('no Chromium found: installing Playwright\'s own (or install Debian\'s: apt-get install chromium)')
  execFileSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' })
}

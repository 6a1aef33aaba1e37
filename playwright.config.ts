import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'

// Debian's Chromium when present (Playwright's own download is impossible offline), else Playwright's
// browser. PW_CHROMIUM_PATH overrides; set it empty to force Playwright's own.
const systemChromium =
  process.env.PW_CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))

const chrome = { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } }

export default defineConfig({
  testDir: 'tests',
  testMatch: '**/*.spec.ts',
  // Bundles the CLI the e2e fixtures start (`serve`, `init`, `import`) once for the run.
  globalSetup: './tests/global-setup-cli.ts',
  // Two test files at a time: a test mostly waits on one process at a time (the CLI, `serve`,
  // Chromium), so one worker left a core of a 2-core machine idle. Each test keeps its own project
  // folder and server; each worker its own data folder (tests/e2e/fixtures.ts) and vite server
  // (tests/component/fixtures.ts).
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    launchOptions: systemChromium
      ? {
          executablePath: systemChromium,
          args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
            '--disable-component-update', '--disable-sync', '--no-first-run']
        }
      : {}
  },
  projects: [
    // The app end to end: the built renderer over the HTTP transport with the real services.
    { name: 'chromium', testDir: 'tests/e2e', use: chrome },
    // Views alone: Lit elements rendered in Chromium from the sources (vite) with a fake model.
    { name: 'components', testDir: 'tests/component', use: chrome }
  ]
})

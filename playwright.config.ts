import { defineConfig, devices } from '@playwright/test'

// Debian's Chromium (apt-get install chromium fonts-noto-cjk): `npx playwright install` is not
// available in this environment.
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
}

const PREVIEW_URL = 'http://localhost:4173'
/** dist/ on a plain static server that answers unknown paths with 404.html (GitHub Pages style). */
const STATIC_URL = 'http://localhost:4174'

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    ...devices['Desktop Chrome'],
    baseURL: PREVIEW_URL,
    launchOptions,
    // Instant scrolling makes "is the target in view" deterministic; one test covers smooth scrolling.
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
  },
  projects: [{ name: 'chromium' }],
  // Started in order: the first builds dist/ that the second serves.
  webServer: [
    {
      command: 'npx vite build && npx vite preview --port 4173 --strictPort',
      url: PREVIEW_URL,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
    {
      command: 'npx tsx tests/e2e/static-server.ts dist 4174',
      url: STATIC_URL,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
  ],
})

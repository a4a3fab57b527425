import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'

// Debian's Chromium (apt-get install chromium fonts-noto-cjk): `npx playwright install` is not
// available in this environment.
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
}

// PARLEY_E2E_PORT lets two checkouts (or two people) run the suite side by side.
const PREVIEW_PORT = Number(process.env.PARLEY_E2E_PORT ?? 4173)
const STATIC_PORT = PREVIEW_PORT + 1
// Side-by-side runs also need their own build folder, or one run serves the other's half-written build.
const OUT_DIR = process.env.PARLEY_E2E_PORT ? `.e2e/dist-${PREVIEW_PORT}` : 'dist'
// Only dist/ (what `npm run build` writes): a per-port folder may hold an older build.
const REUSE_DIST = process.env.PARLEY_E2E_REUSE_DIST === '1' && OUT_DIR === 'dist' && existsSync(`${OUT_DIR}/index.html`)
const PREVIEW_URL = `http://localhost:${PREVIEW_PORT}`
/** dist/ on a plain static server that answers unknown paths with 404.html (GitHub Pages style). */
const STATIC_URL = `http://localhost:${STATIC_PORT}`

export default defineConfig({
  testDir: 'tests/e2e',
  // Side-by-side runs would delete each other's traces in a shared test-results/.
  outputDir: process.env.PARLEY_E2E_PORT ? `.e2e/results-${PREVIEW_PORT}` : 'test-results',
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
    // The service worker precaches every chunk in the background, which would add load and extra
    // requests to tests that watch the network; tests/e2e/offline.spec.ts turns it back on.
    serviceWorkers: 'block',
  },
  projects: [{ name: 'chromium' }],
  // Started in order: the first builds dist/ that the second serves.
  webServer: [
    {
      // `npm test` has just built dist/ (and checked its size): PARLEY_E2E_REUSE_DIST=1 serves that build.
      command: `${REUSE_DIST ? '' : `npx vite build --outDir ${OUT_DIR} --emptyOutDir && `}npx vite preview --outDir ${OUT_DIR} --port ${PREVIEW_PORT} --strictPort`,
      url: PREVIEW_URL,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
    {
      command: `npx tsx tests/e2e/static-server.ts ${OUT_DIR} ${STATIC_PORT}`,
      url: STATIC_URL,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
  ],
})

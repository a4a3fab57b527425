/**
 * Adds up the test runners' JSON reports into the one line CI reads: `N passed, N failed`.
 * A missing report counts as nothing run, so a suite that never started is visible as such.
 */
import { existsSync, readFileSync } from 'node:fs'

interface VitestReport {
  numPassedTests: number
  numFailedTests: number
}
interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number }
}

function read<T>(path: string): T | null {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : null
}

const vitest = read<VitestReport>('.reports/vitest.json')
const playwright = read<PlaywrightReport>('.reports/playwright.json')
const passed = (vitest?.numPassedTests ?? 0) + (playwright ? playwright.stats.expected + playwright.stats.flaky : 0)
const failed = (vitest?.numFailedTests ?? 0) + (playwright?.stats.unexpected ?? 0)
process.stdout.write(`unit+components: ${vitest ? `${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed` : 'no report'}; ` +
  `e2e: ${playwright ? `${playwright.stats.expected} passed, ${playwright.stats.unexpected} failed, ${playwright.stats.flaky} flaky` : 'no report'}\n`)
process.stdout.write(`${passed} passed, ${failed} failed\n`)

/**
 * Main-thread work during load: `npm run bench:main-thread` (not part of `npm test`).
 *
 * Lighthouse's mobile TBT on a shared 2-core machine mostly measures the other processes: its
 * simulation multiplies the wall-clock length of each observed task by 4, and a busy machine
 * stretches every task. This bench reads the same tasks from a Chromium trace by their *thread
 * CPU time* (`tdur`), which the other processes barely change, for the seed reader, a deep link
 * and the no-JS static page (bench/static-page.ts), MT_RUNS times each (default 5, medians):
 *   - CPU after FCP: main-thread task time from the first contentful paint until the app is
 *     hydrated (`#app[data-hydrated]`) plus 1.5 s;
 *   - longest task after FCP (CPU ms), and the blocking time those tasks would have on a phone
 *     4× slower (Lighthouse's mobile CPU factor): Σ max(0, 4 × CPU − 50 ms).
 * Builds into `.bench/dist-main` and serves it on MT_PORT (default 4590).
 */
import { chromium, type Page } from '@playwright/test'
import { buildWithStaticSeed } from './static-page'
import { CHROMIUM_ARGS, CHROMIUM_PATH, SEED_SLUG, fmtRatio, median, startPreview, table } from './util'

const OUT_DIR = '.bench/dist-main'
const PORT = Number(process.env.MT_PORT ?? 4590)
const RUNS = Math.max(1, Number(process.env.MT_RUNS ?? 5))
/** Lighthouse's mobile CPU slowdown and its long-task threshold. */
const SLOWDOWN = 4
const LONG_TASK_MS = 50

const PAGES = [
  { name: 'reader', path: `/${SEED_SLUG}`, app: true },
  { name: 'deep link #turn-5', path: `/${SEED_SLUG}#turn-5`, app: true },
  { name: 'static (no JS)', path: '/static-seed.html', app: false },
]

interface TraceEvent { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: { name?: string; data?: { documentLoaderURL?: string } } }
interface Sample { cpu: number; longest: number; blocking: number }

async function trace(page: Page, url: string, app: boolean): Promise<TraceEvent[]> {
  // A page that has navigated once: its renderer and main thread exist before the trace starts.
  await page.goto('about:blank')
  const cdp = await page.context().newCDPSession(page)
  const events: TraceEvent[] = []
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])))
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve))
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,loading,toplevel', transferMode: 'ReportEvents' })
  await page.goto(url)
  if (app) await page.waitForFunction(() => document.querySelector('#app')?.hasAttribute('data-hydrated'), null, { polling: 100 })
  await page.waitForTimeout(1500)
  await cdp.send('Tracing.end')
  await done
  return events
}

function measure(events: TraceEvent[]): Sample {
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.startsWith('http'))
  const thread = events.find((e) => e.pid === nav?.pid && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  const fcp = events.find((e) => e.pid === nav?.pid && e.name === 'firstContentfulPaint')
  if (!nav || !thread || !fcp) throw new Error('trace without navigation, renderer main thread or first contentful paint')
  const tasks = events
    .filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.name === 'RunTask' && e.ts >= fcp.ts)
    .map((e) => (e.tdur ?? e.dur ?? 0) / 1000)
  return {
    cpu: tasks.reduce((sum, ms) => sum + ms, 0),
    longest: Math.max(0, ...tasks),
    blocking: tasks.reduce((sum, ms) => sum + Math.max(0, SLOWDOWN * ms - LONG_TASK_MS), 0),
  }
}

async function main(): Promise<void> {
  await buildWithStaticSeed(OUT_DIR)
  const preview = await startPreview(OUT_DIR, PORT)
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  try {
    const samples = new Map<string, Sample[]>()
    for (let round = 0; round < RUNS; round++) {
      for (const { name, path, app } of PAGES) {
        const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, locale: 'en-US', serviceWorkers: 'block' })
        const sample = measure(await trace(await context.newPage(), preview.url + path, app))
        await context.close()
        samples.set(name, [...(samples.get(name) ?? []), sample])
      }
    }
    const med = (name: string, pick: (s: Sample) => number): number => median((samples.get(name) ?? []).map(pick))
    const base = 'static (no JS)'
    console.log(`\nMain thread after the first contentful paint, thread CPU time, median of ${RUNS} runs (a 412 px mobile viewport)\n`)
    console.log(table(
      ['page', 'CPU after FCP ms', 'longest task ms', `blocking at ${SLOWDOWN}× ms`, 'CPU app/static'],
      PAGES.map(({ name }) => [
        name,
        med(name, (s) => s.cpu).toFixed(1),
        med(name, (s) => s.longest).toFixed(1),
        med(name, (s) => s.blocking).toFixed(0),
        name === base ? '(base)' : fmtRatio(med(name, (s) => s.cpu) / med(base, (s) => s.cpu)),
      ]),
    ))
  } finally {
    await browser.close()
    preview.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error)
  process.exitCode = 1
})

/**
 * Lighthouse bench (issue 6, "Fast as a static page"): `npm run bench:lighthouse` (not part of `npm test`).
 *
 * Builds the app into `.bench/dist`, writes a no-JS static render of the seed article next to it
 * (`/static-seed.html`: the same text from `parseInterview`, plain semantic HTML, inline CSS; see
 * bench/static-page.ts), serves both from one `vite preview` on port 4580 (LH_PORT; stopped at the end, also on
 * error), and runs Lighthouse 12.8.2 (Node API, Debian Chromium via chrome-launcher) with the mobile
 * (default) and desktop presets on:
 *   list `/`, reader `/<seed>`, deep link `/<seed>#turn-5`, static `/static-seed.html`.
 * Prints performance / accessibility / best-practices / SEO scores, LCP, TBT, CLS and total transfer
 * size per page and preset, and app/static ratios for LCP and transfer size measured in the same run.
 * Targets (PASS/MISS): all four scores 100; LCP ≤ 1.25× the static page's (same preset).
 *
 * Lighthouse lives in bench/lighthouse/ (own package.json + lockfile, `third-party-web` pinned with
 * `overrides` so `npm ci` works), installed there on first run; it is not a dependency of the app.
 * Each page/preset runs LH_RUNS times (default 2, rounds interleaved, medians); the second round is
 * skipped when the first took over LH_BUDGET_S seconds (default 240) to keep the bench near 10 min.
 * Lighthouse's mobile preset uses simulated throttling (Lantern), so LCP/TBT are estimates from a
 * trace, less sensitive to a noisy machine than wall-clock times, but still only compared as ratios.
 *
 * Comparing builds: `LH_COMPARE=old=/path/to/dist,…` also serves each of those builds (ports 4581…)
 * and audits their app pages in the same rounds, interleaved (rows "old …"). `LH_PRESETS=mobile`
 * and `LH_PAGES=reader,deep` (names start with) narrow the run; `LH_SAVE=dir` keeps every report.
 */
import { existsSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildWithStaticSeed } from './static-page'
import {
  CHROMIUM_ARGS, CHROMIUM_PATH, ROOT, SEED_SLUG, fmtMs, fmtRatio, fmtSize, median, run, startPreview, table,
  type Preview,
} from './util'

// LH_PORT: side-by-side checkouts each need their own (LH_COMPARE builds take the next ones).
const PORT = Number(process.env.LH_PORT ?? 4580)
const OUT_DIR = '.bench/dist'
const LH_DIR = path.join(ROOT, 'bench/lighthouse')
const RUNS = Math.max(1, Number(process.env.LH_RUNS ?? 2))
const BUDGET_S = Number(process.env.LH_BUDGET_S ?? 240)
const LCP_TARGET = 1.25
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const

type Category = (typeof CATEGORIES)[number]
type Preset = 'mobile' | 'desktop'

interface Page {
  name: string
  path: string
  static?: boolean
  /** The LH_COMPARE build it is served from (else this checkout's). */
  build?: string
}

/** Other builds to audit in the same run: `label=dir`, comma-separated. */
const COMPARE = (process.env.LH_COMPARE ?? '').split(',').filter(Boolean).map((item, i) => {
  const [label, dir] = item.split('=')
  if (!label || !dir) throw new Error(`LH_COMPARE: expected label=dir, got ${item}`)
  return { label, dir, port: PORT + 1 + i }
})
const pick = <T extends string>(all: T[], env: string | undefined): T[] =>
  env ? all.filter((item) => env.split(',').some((want) => item.startsWith(want.trim()))) : all
const APP_PAGES: Page[] = [
  { name: 'list /', path: '/' },
  { name: 'reader', path: `/${SEED_SLUG}` },
  { name: 'deep link #turn-5', path: `/${SEED_SLUG}#turn-5` },
].filter((page) => pick([page.name], process.env.LH_PAGES).length > 0)
const PAGES: Page[] = [
  ...APP_PAGES,
  ...COMPARE.flatMap(({ label }) => APP_PAGES.map((page) => ({ ...page, name: `${label} ${page.name}`, build: label }))),
  { name: 'static (no JS)', path: '/static-seed.html', static: true },
]
const PRESETS: Preset[] = pick(['mobile', 'desktop'], process.env.LH_PRESETS)

interface Sample {
  scores: Record<Category, number>
  lcp: number
  tbt: number
  cls: number
  bytes: number
  warnings: string[]
  /** Lighthouse's CPU benchmark of this machine at run time (lower = busier/slower). */
  benchmarkIndex: number
}

// Minimal shapes of the parts of Lighthouse's API used here (it is imported from bench/lighthouse/).
interface Lhr {
  categories: Record<string, { score: number | null }>
  audits: Record<string, {
    numericValue?: number
    score: number | null
    title: string
    scoreDisplayMode: string
    details?: { items?: Array<{ reason?: string }> }
  }>
  runWarnings: string[]
  environment?: { benchmarkIndex?: number }
  runtimeError?: { code: string; message: string }
}
type LighthouseFn = (url: string, flags: Record<string, unknown>, config?: unknown) => Promise<{ lhr: Lhr } | undefined>
interface ChromeLauncher {
  launch: (options: { chromePath: string; chromeFlags: string[] }) => Promise<{ port: number; kill: () => Promise<void> | void }>
}

async function loadLighthouse(): Promise<{ lighthouse: LighthouseFn; desktopConfig: unknown; chromeLauncher: ChromeLauncher }> {
  if (!existsSync(path.join(LH_DIR, 'node_modules/lighthouse'))) {
    console.log('Installing Lighthouse into bench/lighthouse/ (first run only)…')
    await run('npm', ['install', '--prefix', 'bench/lighthouse', '--no-audit', '--no-fund'])
  }
  const load = (file: string): Promise<{ default: unknown }> => import(pathToFileURL(path.join(LH_DIR, 'node_modules', file)).href)
  const [lh, desktop, launcher] = await Promise.all([
    load('lighthouse/core/index.js'),
    load('lighthouse/core/config/desktop-config.js'),
    import(pathToFileURL(path.join(LH_DIR, 'node_modules/chrome-launcher/dist/index.js')).href) as Promise<ChromeLauncher>,
  ])
  return { lighthouse: lh.default as LighthouseFn, desktopConfig: desktop.default, chromeLauncher: launcher }
}

async function audit(
  api: Awaited<ReturnType<typeof loadLighthouse>>,
  url: string,
  preset: Preset,
): Promise<Sample> {
  process.env.CHROME_PATH = CHROMIUM_PATH
  const chrome = await api.chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] })
  try {
    const result = await api.lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
      preset === 'desktop' ? api.desktopConfig : undefined,
    )
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
    const { lhr } = result
    // LH_SAVE=dir keeps each report (to read which tasks make up TBT: long-tasks, bootup-time).
    if (process.env.LH_SAVE) writeFileSync(path.join(process.env.LH_SAVE, `${preset}-${new URL(url).pathname.replace(/\W+/g, '_')}-${Date.now()}.json`), JSON.stringify(lhr))
    if (lhr.runtimeError) throw new Error(`${url} (${preset}): ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
    const num = (id: string): number => lhr.audits[id]?.numericValue ?? NaN
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? NaN) * 100)])) as Record<Category, number>
    // What keeps a category below 100: the failing scored audits (printed once per page/preset).
    const failing = Object.entries(lhr.audits)
      .filter(([, a]) => a.scoreDisplayMode === 'binary' && a.score === 0)
      .map(([id, a]) => {
        // bf-cache lists why the page cannot enter the back/forward cache.
        const reasons = (a.details?.items ?? []).map((i) => i.reason).filter(Boolean)
        return reasons.length > 0 ? `${id} (${reasons.join(', ')})` : id
      })
    return {
      scores,
      lcp: num('largest-contentful-paint'),
      tbt: num('total-blocking-time'),
      cls: num('cumulative-layout-shift'),
      bytes: num('total-byte-weight'),
      warnings: [...lhr.runWarnings, ...failing.map((id) => `failing audit: ${id}`)],
      benchmarkIndex: lhr.environment?.benchmarkIndex ?? NaN,
    }
  } finally {
    await chrome.kill()
  }
}

async function main(): Promise<void> {
  const started = performance.now()
  const api = await loadLighthouse()
  await buildWithStaticSeed(OUT_DIR)
  let preview: Preview | null = null
  const others = new Map<string, Preview>()
  try {
    preview = await startPreview(OUT_DIR, PORT)
    for (const { label, dir, port } of COMPARE) others.set(label, await startPreview(path.resolve(dir), port))
    const samples = new Map<string, Sample[]>()
    const key = (page: Page, preset: Preset): string => `${preset} ${page.name}`
    for (let round = 0; round < RUNS; round++) {
      const elapsed = (performance.now() - started) / 1000
      if (round > 0 && elapsed > BUDGET_S) {
        console.log(`Skipping round ${round + 1}: ${elapsed.toFixed(0)} s spent (budget ${BUDGET_S} s); values are single runs.`)
        break
      }
      for (const preset of PRESETS) {
        for (const page of PAGES) {
          const t0 = performance.now()
          const sample = await audit(api, (page.build ? others.get(page.build)! : preview).url + page.path, preset)
          const list = samples.get(key(page, preset)) ?? []
          list.push(sample)
          samples.set(key(page, preset), list)
          // Each sample as it comes: on a busy machine the spread says how far the medians can be trusted.
          const got = `perf ${sample.scores.performance}, TBT ${fmtMs(sample.tbt)} ms, benchmarkIndex ${sample.benchmarkIndex.toFixed(0)}`
          console.log(`  round ${round + 1} ${preset.padEnd(7)} ${page.name.padEnd(18)} ${((performance.now() - t0) / 1000).toFixed(1)} s  ${got}`)
        }
      }
    }

    const rows: string[][] = []
    const notes: string[] = []
    let allPass = true
    for (const preset of PRESETS) {
      const staticPage = PAGES.find((p) => p.static) as Page
      const base = samples.get(key(staticPage, preset)) ?? []
      const baseLcp = median(base.map((s) => s.lcp))
      const baseBytes = median(base.map((s) => s.bytes))
      for (const page of PAGES) {
        const list = samples.get(key(page, preset)) ?? []
        const m = (pick: (s: Sample) => number): number => median(list.map(pick))
        const scores = CATEGORIES.map((c) => m((s) => s.scores[c]))
        const lcp = m((s) => s.lcp)
        const bytes = m((s) => s.bytes)
        const lcpRatio = lcp / baseLcp
        const scoresPass = scores.every((s) => s === 100)
        const lcpPass = page.static || lcpRatio <= LCP_TARGET
        if (!page.static) allPass &&= scoresPass && lcpPass
        rows.push([
          preset,
          page.name,
          ...scores.map((s) => (Number.isNaN(s) ? '–' : String(s))),
          fmtMs(lcp),
          fmtMs(m((s) => s.tbt)),
          m((s) => s.cls).toFixed(3),
          fmtSize(bytes),
          page.static ? '(base)' : fmtRatio(lcpRatio),
          page.static ? '(base)' : fmtRatio(bytes / baseBytes),
          scoresPass ? 'PASS' : 'MISS',
          page.static ? '–' : lcpPass ? 'PASS' : 'MISS',
        ])
        const warnings = [...new Set(list.flatMap((s) => s.warnings))]
        if (warnings.length > 0) notes.push(`${preset} ${page.name}: ${warnings.join('; ')}`)
      }
    }
    console.log(`\nLighthouse 12.8.2, ${RUNS > 1 ? `median of up to ${RUNS} runs` : 'one run'} per page and preset (LCP/TBT in ms; ratios against the static page, same preset, same run)\n`)
    console.log(table(
      ['preset', 'page', 'perf', 'a11y', 'best-pr', 'SEO', 'LCP ms', 'TBT ms', 'CLS', 'transfer', 'LCP app/static', 'bytes app/static', 'scores=100', `LCP≤${LCP_TARGET}×`],
      rows,
      2,
    ))
    if (notes.length > 0) {
      console.log('\nNotes (Lighthouse warnings and failing binary audits):')
      for (const note of notes) console.log(`  - ${note}`)
    }
    const indexes = [...samples.values()].flat().map((s) => s.benchmarkIndex).filter(Number.isFinite)
    if (indexes.length > 0) {
      console.log(`\nLighthouse benchmarkIndex (machine speed) over the runs: min ${Math.min(...indexes).toFixed(0)}, median ${median(indexes).toFixed(0)}, max ${Math.max(...indexes).toFixed(0)}`)
    }
    console.log(`\nOverall: ${allPass ? 'PASS' : 'MISS'} (app pages: all scores 100 and LCP ≤ ${LCP_TARGET}× static)`)
    console.log(`Total bench time: ${((performance.now() - started) / 1000).toFixed(0)} s`)
  } finally {
    preview?.stop()
    for (const other of others.values()) other.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error)
  process.exitCode = 1
})

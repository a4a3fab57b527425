/**
 * Browser smoothness bench (issue 6): `npm run bench:browser` (not part of `npm test`).
 *
 * Writes `.bench/content/` = the seed article + a generated 5,000-turn interview (bench/generate.ts,
 * 20 sections, two speakers, slug `big-interview`), builds it with bench/vite.bench.config.ts into
 * `.bench/dist-big`, serves it with `vite preview` on port 4581 (stopped at the end, also on error),
 * and drives Debian's Chromium with Playwright (1280×800, reduced motion). Each run opens a fresh
 * page for the seed and for the big interview (interleaved, so machine noise hits both alike) and
 * measures, in the page (performance.now(), so times are from navigation start or from the event):
 *   - first render: navigation start → the last turn `<article>` is in the DOM, then the next frame
 *     (MutationObserver + requestAnimationFrame); also LCP and the DOM node count. Pages are
 *     prerendered, so this is when the browser has the whole conversation from the HTML;
 *   - app ready: navigation start → the app is mounted (Vue's `__vue_app__` on `#app`, checked every
 *     frame), hydration included: the app is requested only after the first paint
 *     (src/node/paint-first.ts), and every interaction below waits for it;
 *   - filter hide / show: click the first speaker toggle in the sidebar → its turns left (or came
 *     back into) the DOM → next frame;
 *   - search keystroke: one key (`c`) in the search box (input[type=search] or role=searchbox) →
 *     its status text changes → next frame; skipped with a note when the app has no search box;
 *   - section jump: click the last outline link → the target section is in the viewport → next frame;
 *   - JS heap: used heap after a forced GC (CDP HeapProfiler.collectGarbage + Runtime.getHeapUsage).
 * Before the browser runs it prints each interview's output per Markdown byte: its prerendered page
 * and its data chunk (issue 16 asks for ≤ 2× each).
 * Prints medians of BENCH_RUNS (default 5) runs for seed and big and the big/seed ratios. Nothing
 * is judged against wall-clock numbers; the ratios are the result.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type Page } from '@playwright/test'
import { parseInterview } from '../src/core/parse'
import { generateInterview } from './generate'
import {
  CHROMIUM_ARGS, CHROMIUM_PATH, ROOT, SEED_FILE, SEED_SLUG, fmtMs, fmtRatio, fmtSize, median, run, startPreview, table,
  type Preview,
} from './util'

const PORT = 4581
const CONTENT_DIR = '.bench/content'
const OUT_DIR = '.bench/dist-big'
const BIG_SLUG = 'big-interview'
const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 5))
const STEP_TIMEOUT_MS = 60_000

interface Target {
  name: string
  slug: string
  /** Bytes of its Markdown, for the output-size ratios. */
  markdownBytes: number
  /** Id of the last turn, known from parsing the same source the build parses. */
  lastTurnId: string
  turns: number
}

/** Write the bench content folder; return what each page should end up showing. */
function prepareContent(): Target[] {
  const dir = path.join(ROOT, CONTENT_DIR)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const seed = readFileSync(SEED_FILE, 'utf8')
  writeFileSync(path.join(dir, path.basename(SEED_FILE)), seed)
  const big = generateInterview({ turns: 5000, sections: 20, seed: 42 }).source.replace(/^---\n/, `---\nslug: ${BIG_SLUG}\n`)
  writeFileSync(path.join(dir, `${BIG_SLUG}.md`), big)
  const target = (name: string, slug: string, source: string): Target => {
    const parsed = parseInterview(source, { file: `${slug}.md` })
    if (!parsed.ok) throw new Error(`${slug} does not parse: ${parsed.error.message}`)
    const turns = parsed.interview.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'turn')
    const last = turns[turns.length - 1]
    if (!last) throw new Error(`${slug} has no turns`)
    if (parsed.interview.speakers.length < 2) throw new Error(`${slug}: expected two speakers, got ${parsed.interview.speakers.length}`)
    return { name, slug: parsed.interview.slug, markdownBytes: Buffer.byteLength(source), lastTurnId: last.id, turns: turns.length }
  }
  return [target('seed', SEED_SLUG, seed), target('big', BIG_SLUG, big)]
}

interface Sample {
  firstRender: number
  ready: number
  lcp: number
  domNodes: number
  filterHide: number
  filterShow: number
  search: number
  jump: number
  heap: number
}

const METRICS: Array<{ key: keyof Sample; label: string; size?: boolean; count?: boolean }> = [
  { key: 'firstRender', label: 'first render (nav → last turn in DOM + frame), ms' },
  { key: 'ready', label: 'app ready (nav → mounted, hydration included), ms' },
  { key: 'lcp', label: 'largest contentful paint, ms' },
  { key: 'filterHide', label: 'speaker filter: hide first speaker, ms' },
  { key: 'filterShow', label: 'speaker filter: show again, ms' },
  { key: 'search', label: 'search keystroke, ms' },
  { key: 'jump', label: 'section jump (last outline link), ms' },
  { key: 'heap', label: 'JS heap used after GC', size: true },
  { key: 'domNodes', label: 'DOM nodes', count: true },
]

/**
 * In-page helper, installed before any app script: records when the last turn appears (then the
 * next frame), the LCP, and offers `arm()` to time one interaction from its trusted input event
 * (click / keydown, capture phase) to the first frame after a condition holds. The condition is
 * checked on DOM mutations, scroll events and every animation frame.
 */
function installProbe(lastTurnId: string): void {
  type Probe = {
    present: number
    rendered: number
    ready: number
    lcp: number
    arm: (eventType: string, conditionSource: string, args: unknown) => void
    pending: Promise<number> | null
  }
  const probe: Probe = { present: NaN, rendered: NaN, ready: NaN, lcp: NaN, arm: () => undefined, pending: null }
  ;(window as unknown as { __bench: Probe }).__bench = probe
  const afterFrame = (then: (t: number) => void): void => {
    requestAnimationFrame(() => setTimeout(() => then(performance.now()), 0))
  }
  const first = new MutationObserver(() => {
    if (!Number.isNaN(probe.present) || !document.getElementById(lastTurnId)) return
    probe.present = performance.now()
    first.disconnect()
    afterFrame((t) => (probe.rendered = t))
  })
  first.observe(document, { childList: true, subtree: true })
  const mounted = (): void => {
    if ((document.getElementById('app') as (HTMLElement & { __vue_app__?: unknown }) | null)?.__vue_app__) afterFrame((t) => (probe.ready = t))
    else requestAnimationFrame(mounted)
  }
  requestAnimationFrame(mounted)
  try {
    new PerformanceObserver((list) => {
      const entries = list.getEntries()
      const last = entries[entries.length - 1]
      if (last) probe.lcp = last.startTime
    }).observe({ type: 'largest-contentful-paint', buffered: true })
  } catch {
    // no LCP support
  }
  probe.arm = (eventType, conditionSource, args) => {
    const check = new Function('args', `return (${conditionSource})(args)`) as (a: unknown) => boolean
    probe.pending = new Promise<number>((resolve, reject) => {
      let t0 = NaN
      let finished = false
      const onEvent = (): void => {
        if (Number.isNaN(t0)) t0 = performance.now()
      }
      const test = (): void => {
        if (finished || Number.isNaN(t0) || !check(args)) return
        finished = true
        observer.disconnect()
        window.removeEventListener('scroll', test, true)
        afterFrame((t) => resolve(t - t0))
      }
      const poll = (): void => {
        test()
        if (!finished) requestAnimationFrame(poll)
      }
      const observer = new MutationObserver(test)
      observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true })
      window.addEventListener(eventType, onEvent, { capture: true, once: true })
      window.addEventListener('scroll', test, true)
      requestAnimationFrame(poll)
      setTimeout(() => {
        if (!finished) reject(new Error(`no result ${Number.isNaN(t0) ? `(no ${eventType} event)` : '(condition never held)'}`))
        finished = true
      }, 50_000)
    })
  }
}

type Probe = { __bench: { present: number; rendered: number; ready: number; lcp: number; arm: (e: string, c: string, a: unknown) => void; pending: Promise<number> } }

/** Arm the probe, perform the action with Playwright's real input, return ms from event to frame. */
async function timed(page: Page, eventType: 'click' | 'keydown', condition: string, args: unknown, act: () => Promise<void>): Promise<number> {
  await page.evaluate(([e, c, a]) => (window as unknown as Probe).__bench.arm(e as string, c as string, a), [eventType, condition, args] as const)
  await act()
  return page.evaluate(() => (window as unknown as Probe).__bench.pending)
}

const countTurns = (page: Page): Promise<number> => page.evaluate(() => document.querySelectorAll('article.turn').length)

/** Wait until the main thread has been idle for a moment (two quiet frames after a short pause). */
const settle = (page: Page): Promise<void> =>
  page.evaluate(() => new Promise<void>((resolve) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve())), 200)))

interface RunNotes {
  searchMissing: boolean
}

async function measure(browser: Browser, baseUrl: string, target: Target, notes: RunNotes): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' })
  const page = await context.newPage()
  try {
    page.setDefaultTimeout(STEP_TIMEOUT_MS)
    // tsx compiles with keepNames: functions sent to the page call esbuild's `__name` helper.
    await page.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' })
    await page.addInitScript(installProbe, target.lastTurnId)
    const cdp = await context.newCDPSession(page)

    // First render.
    await page.goto(`${baseUrl}/${target.slug}`, { waitUntil: 'load', timeout: STEP_TIMEOUT_MS })
    await page.waitForFunction(() => !Number.isNaN((window as unknown as Probe).__bench.rendered), null, { timeout: STEP_TIMEOUT_MS })
    await page.waitForFunction(() => !Number.isNaN((window as unknown as Probe).__bench.ready), null, { timeout: STEP_TIMEOUT_MS })
    await settle(page)
    // Read after settling: the LCP entry of the last frame is reported after that frame.
    const { rendered, ready, lcp } = await page.evaluate(() => {
      const probe = (window as unknown as Probe).__bench
      return { rendered: probe.rendered, ready: probe.ready, lcp: probe.lcp }
    })

    // Heap after GC, and DOM size.
    await cdp.send('HeapProfiler.collectGarbage')
    const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize
    const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length)

    // Speaker filter: hide the first speaker, then show them again.
    const toggle = page.locator('.sidebar .speaker-toggle, aside [aria-pressed]').first()
    const pressedCondition = String((a: { before: number }) => {
      const n = document.querySelectorAll('article.turn').length
      return n !== a.before
    })
    const before = await countTurns(page)
    const filterHide = await timed(page, 'click', pressedCondition, { before }, () => toggle.click())
    await settle(page)
    const hidden = await countTurns(page)
    const filterShow = await timed(page, 'click', pressedCondition, { before: hidden }, () => toggle.click())
    await settle(page)
    if ((await countTurns(page)) !== before) throw new Error(`${target.name}: the filter did not restore all turns`)

    // Search keystroke, if the app has a search box.
    let search = NaN
    const box = page.locator('input[type=search], [role=searchbox]').first()
    if ((await box.count()) === 0 || !(await box.isVisible())) {
      notes.searchMissing = true
    } else {
      await box.focus()
      const statusCondition = String((a: { before: string }) => {
        const input = document.querySelector('input[type=search], [role=searchbox]')
        const id = input?.getAttribute('aria-describedby')
        const status = (id && document.getElementById(id)) || document.querySelector('[role=status]')
        return (status?.textContent ?? '') !== a.before
      })
      const statusBefore = await box.evaluate((input) => {
        const id = input.getAttribute('aria-describedby')
        const status = (id && document.getElementById(id)) || document.querySelector('[role=status]')
        return status?.textContent ?? ''
      })
      search = await timed(page, 'keydown', statusCondition, { before: statusBefore }, () => page.keyboard.press('c'))
      await settle(page)
      await box.fill('')
      await settle(page)
      await box.blur()
    }

    // Section jump: from the top, click the last outline link until its section is in view.
    await page.evaluate(() => window.scrollTo(0, 0))
    await settle(page)
    const link = page.locator('nav.outline a, .sidebar nav a[href*="#"]').last()
    const href = (await link.getAttribute('href')) ?? ''
    const sectionId = decodeURIComponent(href.slice(href.indexOf('#') + 1))
    const inView = String((a: { id: string }) => {
      const el = document.getElementById(a.id)
      if (!el) return false
      const r = el.getBoundingClientRect()
      return r.top < window.innerHeight && r.bottom > 0 && Math.abs(r.top) < window.innerHeight / 2
    })
    const jump = await timed(page, 'click', inView, { id: sectionId }, () => link.click())

    return { firstRender: rendered, ready, lcp, domNodes, filterHide, filterShow, search, jump, heap }
  } finally {
    await context.close()
  }
}

/** Prerendered page and data chunk bytes per Markdown byte, from the build just made. */
function printOutputSizes(targets: Target[]): void {
  const out = path.join(ROOT, OUT_DIR)
  const assets = readdirSync(path.join(out, 'assets'))
  const rows = targets.map((t) => {
    const html = statSync(path.join(out, t.slug, 'index.html')).size
    const chunk = assets.find((f) => new RegExp(`^${t.slug}-[\\w-]{8}\\.js$`).test(f))
    const data = chunk ? statSync(path.join(out, 'assets', chunk)).size : NaN
    return [t.name, fmtSize(t.markdownBytes), fmtSize(html), fmtRatio(html / t.markdownBytes), fmtSize(data), fmtRatio(data / t.markdownBytes)]
  })
  console.log(`\nOutput per Markdown byte\n\n${table(['interview', 'Markdown', 'page HTML', 'HTML/md', 'data chunk', 'data/md'], rows)}\n`)
}

async function main(): Promise<void> {
  const started = performance.now()
  const targets = prepareContent()
  console.log(`Building ${CONTENT_DIR} (seed: ${targets[0]?.turns} turns; big: ${targets[1]?.turns} turns) into ${OUT_DIR} …`)
  await run('npx', ['vite', 'build', '--config', 'bench/vite.bench.config.ts', '--outDir', OUT_DIR, '--emptyOutDir', '--logLevel', 'warn'], { quiet: true })
  printOutputSizes(targets)
  let preview: Preview | null = null
  let browser: Browser | null = null
  try {
    preview = await startPreview(OUT_DIR, PORT, ['--config', 'bench/vite.bench.config.ts'])
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
    const notes: RunNotes = { searchMissing: false }
    // Warm-up (not counted) of the server, the browser and the app's code paths, on the seed only:
    // a big warm-up would cost ~30 s, and the medians absorb a slow first big run.
    if (targets[0]) await measure(browser, preview.url, targets[0], notes)
    const samples = new Map<string, Sample[]>(targets.map((t) => [t.name, []]))
    for (let i = 0; i < RUNS; i++) {
      // Alternate which interview goes first so drift in machine load is shared.
      const order = i % 2 ? [...targets].reverse() : targets
      for (const target of order) samples.get(target.name)?.push(await measure(browser, preview.url, target, notes))
      console.log(`  run ${i + 1}/${RUNS} done (${((performance.now() - started) / 1000).toFixed(0)} s)`)
    }

    const [seed, big] = targets.map((t) => samples.get(t.name) ?? [])
    const rows = METRICS.map((metric) => {
      const s = median((seed ?? []).map((x) => x[metric.key]))
      const b = median((big ?? []).map((x) => x[metric.key]))
      const fmt = (v: number): string => (metric.size ? fmtSize(v) : metric.count ? (Number.isNaN(v) ? '–' : String(Math.round(v))) : fmtMs(v))
      const skipped = metric.key === 'search' && notes.searchMissing
      return [metric.label, skipped ? 'skipped' : fmt(s), skipped ? 'skipped' : fmt(b), skipped ? '–' : fmtRatio(b / s)]
    })
    const [seedTarget, bigTarget] = targets
    console.log(`\nBrowser perf, Chromium via Playwright, median of ${RUNS} runs (after a seed warm-up) — seed ${seedTarget?.turns} turns vs big ${bigTarget?.turns} turns (${(bigTarget?.turns ?? 0) / (seedTarget?.turns ?? 1)}× the turns)\n`)
    console.log(table(['metric', 'seed', 'big', 'big/seed'], rows))
    if (notes.searchMissing) console.log('\nNote: no search box (input[type=search] or role=searchbox) on the reader page; search keystroke skipped.')
    const spread = (key: keyof Sample, list: Sample[] | undefined): string => {
      const values = (list ?? []).map((x) => x[key]).filter(Number.isFinite)
      return values.length ? `${fmtMs(Math.min(...values))}–${fmtMs(Math.max(...values))}` : '–'
    }
    console.log(`\nSpread (min–max ms) of first render: seed ${spread('firstRender', seed)}, big ${spread('firstRender', big)}; filter hide: seed ${spread('filterHide', seed)}, big ${spread('filterHide', big)}`)
    console.log(`Total bench time: ${((performance.now() - started) / 1000).toFixed(0)} s`)
  } finally {
    await browser?.close()
    preview?.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error)
  process.exitCode = 1
})

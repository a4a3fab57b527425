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
 *   - app ready: navigation start → the app is mounted and every lazily hydrated part too (`#app`
 *     gets `data-hydrated`, src/main.ts), checked every frame: the app is requested only after the
 *     first paint (src/node/paint-first.ts), and every interaction below waits for it;
 *   - interactions, each timed two ways from its input event (pointerdown / keydown): "paint", the
 *     Event Timing API's duration of that interaction (input to the next paint after its handlers,
 *     as INP counts it; the API reports 16 ms and over, so 16 stands for "under 16"), and "shown",
 *     to the first frame after its result is in the DOM (work the app defers is counted there):
 *     - speaker toggle hide / show: the first speaker's toggle in the sidebar → the number of turns
 *       collapsed by the filter (`article.turn[data-collapsed]`; hidden turns stay in the DOM as
 *       one-line previews) changes;
 *     - search keystroke: one key (`c`) in the search box → its status text changes;
 *     - section jump: the last section link of the outline, from the top → the section is focused
 *       and on screen; turn jump: then the last question link shown in the outline → that turn is
 *       focused and on screen (not "at the top": near the end of a short page it cannot get there);
 *   - JS heap: used heap after a forced GC (CDP HeapProfiler.collectGarbage + Runtime.getHeapUsage).
 * Before the browser runs it prints each interview's output per Markdown byte: its prerendered page
 * and its data chunk (issue 16 asks for ≤ 2× each).
 * Prints medians of BENCH_RUNS (default 5) runs for seed and big and the big/seed ratios, and the
 * big interview's heap per Markdown byte. Nothing is judged against wall-clock numbers; the ratios
 * are the result. BENCH_PORT sets the preview port (default 4581); BENCH_REUSE_BUILD=1 skips the build.
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

const PORT = Number(process.env.BENCH_PORT ?? 4581)
const CONTENT_DIR = '.bench/content'
const OUT_DIR = '.bench/dist-big'
const BIG_SLUG = 'big-interview'
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5))
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

/** One interaction: Event Timing's input to next paint, and input to the frame after its result shows. */
interface Interaction {
  paint: number
  shown: number
}

const INTERACTIONS = ['filterHide', 'filterShow', 'search', 'sectionJump', 'turnJump'] as const
type InteractionKey = (typeof INTERACTIONS)[number]

type Sample = {
  firstRender: number
  ready: number
  lcp: number
  domNodes: number
  heap: number
} & Record<InteractionKey, Interaction>

const INTERACTION_LABELS: Record<InteractionKey, string> = {
  filterHide: 'speaker toggle: hide first speaker',
  filterShow: 'speaker toggle: show again',
  search: 'search keystroke (first key)',
  sectionJump: 'section jump (last outline section)',
  turnJump: 'turn jump (last outline question)',
}

const PAGE_METRICS: Array<{ key: 'firstRender' | 'ready' | 'lcp' | 'heap' | 'domNodes'; label: string; size?: boolean; count?: boolean }> = [
  { key: 'firstRender', label: 'first render (nav → last turn in DOM + frame), ms' },
  { key: 'ready', label: 'app ready (nav → every part hydrated), ms' },
  { key: 'lcp', label: 'largest contentful paint, ms' },
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
  type Timing = { shown: number; paint: number }
  type Probe = {
    present: number
    rendered: number
    ready: number
    lcp: number
    arm: (eventType: string, conditionSource: string, args: unknown) => void
    pending: Promise<Timing> | null
  }
  const probe: Probe = { present: NaN, rendered: NaN, ready: NaN, lcp: NaN, arm: () => undefined, pending: null }
  /** Event Timing entries of interactions (the API reports those of 16 ms or more). */
  const interactions: Array<{ id: number; start: number; duration: number }> = []
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as Array<PerformanceEntry & { interactionId?: number }>) {
        if (e.interactionId) interactions.push({ id: e.interactionId, start: e.startTime, duration: e.duration })
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit)
  } catch {
    // no Event Timing
  }
  /** Input to next paint of the interaction that started at `t0`: its longest event, else under 16 ms. */
  const inputToPaint = (t0: number): number => {
    const mine = interactions.filter((e) => e.start >= t0 - 1)
    const id = mine[0]?.id
    return id === undefined ? 16 : Math.max(...mine.filter((e) => e.id === id).map((e) => e.duration))
  }
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
    // main.ts marks the container once the parts hydrated after mount are hydrated too.
    const app = document.getElementById('app') as (HTMLElement & { __vue_app__?: unknown }) | null
    if (app?.__vue_app__ && app.dataset.hydrated !== undefined) afterFrame((t) => (probe.ready = t))
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
    probe.pending = new Promise<Timing>((resolve, reject) => {
      let t0 = NaN
      let finished = false
      const onEvent = (event: Event): void => {
        if (Number.isNaN(t0)) t0 = event.timeStamp
      }
      const test = (): void => {
        if (finished || Number.isNaN(t0) || !check(args)) return
        finished = true
        observer.disconnect()
        window.removeEventListener('scroll', test, true)
        // Event Timing entries are reported some frames after their paint.
        afterFrame((t) => setTimeout(() => resolve({ shown: t - t0, paint: inputToPaint(t0) }), 300))
      }
      const poll = (): void => {
        test()
        if (!finished) requestAnimationFrame(poll)
      }
      const observer = new MutationObserver(test)
      observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true })
      // pointerdown / keydown: where Event Timing starts the interaction.
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

type Probe = { __bench: { present: number; rendered: number; ready: number; lcp: number; arm: (e: string, c: string, a: unknown) => void; pending: Promise<Interaction> } }

/** Arm the probe, perform the action with Playwright's real input, return its timings. */
async function timed(page: Page, eventType: 'pointerdown' | 'keydown', condition: string, args: unknown, act: () => Promise<void>): Promise<Interaction> {
  await page.evaluate(([e, c, a]) => (window as unknown as Probe).__bench.arm(e as string, c as string, a), [eventType, condition, args] as const)
  await act()
  return page.evaluate(() => (window as unknown as Probe).__bench.pending)
}

/**
 * Turns the speaker filter collapses carry `data-collapsed` (they stay in the DOM as one-line
 * previews, src/composables/use-collapsed-turns.ts); counting `article.turn` never changes.
 */
const countCollapsed = (page: Page): Promise<number> => page.evaluate(() => document.querySelectorAll('article.turn[data-collapsed]').length)

/** Wait until the main thread has been idle for a moment (two quiet frames after a short pause). */
const settle = (page: Page): Promise<void> =>
  page.evaluate(() => new Promise<void>((resolve) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve())), 200)))

/**
 * A jump has landed when its target is focused (useTargetFocus) and on screen. Not "at the top":
 * near the end of a short page the target cannot scroll up to the top.
 */
const landed = String((a: { id: string }) => {
  const el = document.getElementById(a.id)
  if (!el || document.activeElement !== el) return false
  const r = el.getBoundingClientRect()
  return r.top >= 0 && r.top < window.innerHeight
})

/** Click the last link matching `selector`; time it until the element its hash names has landed. */
async function timeJump(page: Page, selector: string): Promise<Interaction> {
  const link = page.locator(selector).last()
  const href = (await link.getAttribute('href')) ?? ''
  const id = decodeURIComponent(href.slice(href.indexOf('#') + 1))
  if (!id) throw new Error(`${selector}: no #target in "${href}"`)
  return timed(page, 'pointerdown', landed, { id }, () => link.click())
}

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
    const toggle = page.locator('.sidebar .speaker-toggle').first()
    const collapsedChanged = String((a: { before: number }) => document.querySelectorAll('article.turn[data-collapsed]').length !== a.before)
    const before = await countCollapsed(page)
    const filterHide = await timed(page, 'pointerdown', collapsedChanged, { before }, () => toggle.click())
    await settle(page)
    const hidden = await countCollapsed(page)
    if (hidden === before) throw new Error(`${target.name}: the filter collapsed no turn`)
    const filterShow = await timed(page, 'pointerdown', collapsedChanged, { before: hidden }, () => toggle.click())
    await settle(page)
    if ((await countCollapsed(page)) !== before) throw new Error(`${target.name}: the filter did not restore all turns`)

    // Search keystroke, if the app has a search box.
    let search: Interaction = { paint: NaN, shown: NaN }
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

    // Section jump from the top to the last section; then a turn jump to that section's last
    // question (a long outline shows only the current section's questions).
    await page.evaluate(() => window.scrollTo(0, 0))
    await settle(page)
    const sectionJump = await timeJump(page, 'nav.outline .outline__section a')
    await settle(page)
    const turnJump = await timeJump(page, 'nav.outline a.outline__q')

    return { firstRender: rendered, ready, lcp, domNodes, heap, filterHide, filterShow, search, sectionJump, turnJump }
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
  // BENCH_REUSE_BUILD=1 measures the last build again (while tuning the bench itself).
  if (process.env.BENCH_REUSE_BUILD !== '1') {
    await run('npx', ['vite', 'build', '--config', 'bench/vite.bench.config.ts', '--outDir', OUT_DIR, '--emptyOutDir', '--logLevel', 'warn'], { quiet: true })
  }
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
    const med = (list: Sample[] | undefined, pick: (x: Sample) => number): number => median((list ?? []).map(pick))
    const [seedTarget, bigTarget] = targets
    console.log(`\nBrowser perf, Chromium via Playwright, median of ${RUNS} runs (after a seed warm-up) — seed ${seedTarget?.turns} turns vs big ${bigTarget?.turns} turns (${(bigTarget?.turns ?? 0) / (seedTarget?.turns ?? 1)}× the turns)\n`)
    const interactionRows = INTERACTIONS.map((key) => {
      const skipped = key === 'search' && notes.searchMissing
      const cell = (list: Sample[] | undefined, part: keyof Interaction): string => (skipped ? 'skipped' : fmtMs(med(list, (x) => x[key][part])))
      const ratio = (part: keyof Interaction): string => (skipped ? '–' : fmtRatio(med(big, (x) => x[key][part]) / med(seed, (x) => x[key][part])))
      return [INTERACTION_LABELS[key], cell(seed, 'paint'), cell(big, 'paint'), ratio('paint'), cell(seed, 'shown'), cell(big, 'shown'), ratio('shown')]
    })
    console.log('Interactions, ms. "paint": input to next paint (Event Timing; 16 = under the API\'s 16 ms threshold).')
    console.log('"shown": input to the frame after the result is in the DOM (jumps: target focused and on screen).\n')
    console.log(table(['interaction', 'seed paint', 'big paint', 'big/seed', 'seed shown', 'big shown', 'big/seed'], interactionRows))
    const pageRows = PAGE_METRICS.map((metric) => {
      const s = med(seed, (x) => x[metric.key])
      const b = med(big, (x) => x[metric.key])
      const fmt = (v: number): string => (metric.size ? fmtSize(v) : metric.count ? (Number.isNaN(v) ? '–' : String(Math.round(v))) : fmtMs(v))
      return [metric.label, fmt(s), fmt(b), fmtRatio(b / s)]
    })
    console.log(`\n${table(['page', 'seed', 'big', 'big/seed'], pageRows)}`)
    const bigHeap = med(big, (x) => x.heap)
    if (bigTarget) console.log(`\nBig interview: JS heap ${fmtSize(bigHeap)} = ${fmtRatio(bigHeap / bigTarget.markdownBytes)} its Markdown (${fmtSize(bigTarget.markdownBytes)}).`)
    if (notes.searchMissing) console.log('\nNote: no search box (input[type=search] or role=searchbox) on the reader page; search keystroke skipped.')
    const spread = (pick: (x: Sample) => number, list: Sample[] | undefined): string => {
      const values = (list ?? []).map(pick).filter(Number.isFinite)
      return values.length ? `${fmtMs(Math.min(...values))}–${fmtMs(Math.max(...values))}` : '–'
    }
    const paintOf = (key: InteractionKey) => (x: Sample): number => x[key].paint
    console.log(`\nSpread (min–max ms) of input to paint: ${INTERACTIONS.map((k) => `${k} seed ${spread(paintOf(k), seed)}, big ${spread(paintOf(k), big)}`).join('; ')}`)
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

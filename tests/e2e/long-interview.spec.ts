/**
 * A generated 5,000-turn interview (bench/generate.ts, as `npm run bench:browser` uses), built into
 * its own folder with the real `vite build` and served by the plain static server: deep links,
 * the speaker filter and search give the right turns on a page this long (issue 16). Timings are
 * the bench's business; this checks behaviour only.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { generateInterview } from '../../bench/generate'
import { parseInterview } from '../../src/core/parse'
import type { Turn } from '../../src/core/types'
import { expect, test } from './fixtures'
import { expectTargetInView } from './helpers'

const SLUG = 'long-transcript'
const TURNS = 5000
const PORT = Number(process.env.PARLEY_E2E_PORT ?? 4173) + 2
const DIR = path.resolve(`.e2e/long-${PORT}`)
const ORIGIN = `http://localhost:${PORT}`

const source = generateInterview({ turns: TURNS, sections: 20, seed: 42 }).source.replace(/^---\n/, `---\nslug: ${SLUG}\n`)
const parsed = parseInterview(source, { file: `${SLUG}.md` })
if (!parsed.ok) throw new Error(parsed.error.message)
const interview = parsed.interview
const turns = interview.sections.flatMap((s) => s.blocks).filter((b): b is Turn => b.kind === 'turn')

let server: ChildProcess | null = null

function exec(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] })
    let err = ''
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()))
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')}: ${code}\n${err}`))))
  })
}

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  test.setTimeout(600_000)
  rmSync(DIR, { recursive: true, force: true })
  mkdirSync(path.join(DIR, 'content'), { recursive: true })
  writeFileSync(path.join(DIR, 'content', `${SLUG}.md`), source)
  // No preview cards: thousands of them are the share bench's business, not this page's.
  await exec('npx', ['vite', 'build', '--outDir', path.join(DIR, 'dist'), '--emptyOutDir', '--logLevel', 'error'], {
    PARLEY_CONTENT_DIR: path.join(DIR, 'content'),
    PARLEY_CARDS: '0',
  })
  server = spawn('npx', ['tsx', 'tests/e2e/static-server.ts', path.join(DIR, 'dist'), String(PORT)], { stdio: 'ignore', detached: true })
  await expect.poll(() => fetch(ORIGIN).then((r) => r.ok, () => false), { timeout: 30_000 }).toBe(true)
})

test.afterAll(() => {
  // The server runs in its own process group (npx → node): end exactly that group.
  if (server?.pid) process.kill(-server.pid, 'SIGTERM')
})

test.beforeEach(() => test.setTimeout(120_000))

test('a deep link into turn 4,321 lands on it, focused, also after a reload', async ({ page }) => {
  await page.goto(`${ORIGIN}/${SLUG}#turn-4321`)
  const turn = page.locator('article#turn-4321')
  // Each look at a 50,000-element page is slow on a busy machine: more time than the default 5 s.
  await expectTargetInView(page, turn, 20_000)
  await page.reload()
  await expectTargetInView(page, turn, 20_000)
})

test('the speaker filter collapses exactly the hidden speaker\'s turns, and shows them again', async ({ page }) => {
  await page.goto(`${ORIGIN}/${SLUG}`)
  const [first] = interview.speakers
  const theirs = turns.filter((t) => t.speaker === first!.id).map((t) => t.id)
  expect(theirs.length).toBeGreaterThan(1000)
  await page.locator(`.speaker-toggle[data-speaker="${first!.id}"]`).click()
  await expect(page).toHaveURL(/\?speaker=/)
  const collapsed = page.locator('article.turn[data-collapsed]')
  await expect(collapsed).toHaveCount(theirs.length)
  expect(await collapsed.evaluateAll((els) => els.map((el) => el.id))).toEqual(theirs)
  await page.locator(`.speaker-toggle[data-speaker="${first!.id}"]`).click()
  await expect(collapsed).toHaveCount(0)
  await expect(page.locator('article.turn')).toHaveCount(TURNS)
})

test('outline jumps land focused; the address follows with a history entry each, and Back returns', async ({ page }) => {
  await page.goto(`${ORIGIN}/${SLUG}`)
  const last = interview.sections[interview.sections.length - 1]!
  await page.locator('nav.outline .outline__section a').last().click()
  await expectTargetInView(page, page.locator(`section[id="${last.id}"]`), 20_000)
  await expect(page).toHaveURL(new RegExp(`#${encodeURIComponent(last.id)}$`))
  // The section's last question, now listed in the outline.
  const question = page.locator('nav.outline a.outline__q').last()
  const id = (await question.getAttribute('href'))!.slice(1)
  await question.click()
  await expectTargetInView(page, page.locator(`article#${id}`), 20_000)
  await expect(page).toHaveURL(new RegExp(`#${id}$`))
  await page.goBack()
  await expect(page).toHaveURL(new RegExp(`#${encodeURIComponent(last.id)}$`))
  await expectTargetInView(page, page.locator(`section[id="${last.id}"]`), 20_000)
})

test('search finds the turns that hold the words, and moves to the first', async ({ page }) => {
  // A phrase from turn 4,321 that only a few turns hold, worked out from the parsed model.
  const lower = turns.map((t) => t.text.toLowerCase())
  const words = turns[4320]!.text.toLowerCase().split(/\s+/)
  const phrase = words
    .map((_, i) => words.slice(i, i + 4).join(' '))
    .find((p) => /^[a-z]+( [a-z]+){3}$/.test(p) && lower.filter((t) => t.includes(p)).length <= 3)
  expect(phrase).toBeDefined()
  const expected = turns.filter((_, i) => lower[i]!.includes(phrase!)).map((t) => t.id)
  expect(expected).toContain('turn-4321')
  const hits = lower.reduce((n, t) => n + t.split(phrase!).length - 1, 0)
  await page.goto(`${ORIGIN}/${SLUG}`)
  await page.getByRole('searchbox').fill(phrase!)
  await expect(page.locator('#search-status')).toHaveText(`1 of ${hits}`)
  await expect(page).toHaveURL(new RegExp(`\\?q=${encodeURIComponent(phrase!).replace(/%20/g, '(\\+|%20)')}`))
  const hitTurns = await page.evaluate(() => {
    const hits = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('parley-hit') ?? new Set<Range>()
    return [...new Set([...hits].map((r) => r.startContainer.parentElement?.closest('article.turn')?.id))]
  })
  expect(hitTurns).toEqual(expected)
  await expect(page.locator(`article#${expected[0]}`)).toBeInViewport()
})

test('a search with thousands of hits counts them all and paints those near the screen, more as the reader scrolls', async ({ page }) => {
  // Every "the" the reader shows (the search folds case), counted from the parsed model: turns and narration.
  const shown = interview.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'turn' || !b.byline)
  const hits = shown.reduce((n, b) => n + b.text.toLowerCase().split('the').length - 1, 0)
  expect(hits).toBeGreaterThan(5000)
  await page.goto(`${ORIGIN}/${SLUG}`)
  await page.getByRole('searchbox').fill('the')
  await expect(page.locator('#search-status')).toHaveText(`1 of ${hits}`)
  const paintedTurns = (): Promise<string[]> => page.evaluate(() => {
    const painted = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get('parley-hit') ?? new Set<AbstractRange>()
    return [...new Set([...painted].map((r) => r.startContainer.parentElement?.closest('article.turn')?.id ?? ''))]
  })
  const last = [...turns].reverse().find((t) => t.text.toLowerCase().includes('the'))!
  const atTop = await paintedTurns()
  expect(atTop.length).toBeGreaterThan(0)
  expect(atTop).not.toContain(last.id)
  await page.locator(`article#${last.id}`).scrollIntoViewIfNeeded()
  await expect.poll(paintedTurns, { timeout: 20_000 }).toContain(last.id)
})

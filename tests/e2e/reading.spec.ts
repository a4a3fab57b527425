import { expect, test, type Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { readFileSync } from 'node:fs'
import { READER } from './helpers'
import { paste } from './local-helpers'

const PHONE = { width: 360, height: 740 }
const WIDE = { width: 1280, height: 800 }

async function expectNoAxeViolations(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('.is-target').forEach((el) => el.classList.remove('is-target')))
  const result = await new AxeBuilder({ page }).analyze()
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

test('phone: the first screen reaches the conversation, and the map takes no text width', async ({ page }) => {
  await page.setViewportSize(PHONE)
  await page.goto(READER)
  const first = page.locator('article#turn-1')
  await expect(first).toBeVisible()
  const box = (await first.boundingBox())!
  // Its speaker and the start of its text are on the first screen.
  expect(box.y + 60).toBeLessThan(PHONE.height)
  // Tags, speakers, search and export are folded behind buttons.
  await expect(page.locator('.tags')).toBeHidden()
  await expect(page.getByRole('searchbox')).toBeHidden()
  await page.getByRole('button', { name: /Tags and speakers|标签与发言人/ }).click()
  await expect(page.locator('.tags')).toBeVisible()
  await page.locator('.reader-tools__toggle').click()
  await expect(page.getByRole('searchbox')).toBeVisible()
  // The text runs to main's padding: the map sits in that margin.
  const content = (await page.locator('.reader__content').boundingBox())!
  expect(content.x + content.width).toBeGreaterThanOrEqual(PHONE.width - 17)
  const map = (await page.locator('svg.conv-map').boundingBox())!
  expect(map.x).toBeGreaterThanOrEqual(content.x + content.width)
  // Touch-sized turn actions: the permalink, and the page's one toolbar, which joins the turn touched.
  const permalink = (await page.locator('article#turn-2 a.turn__permalink').boundingBox())!
  expect(Math.min(permalink.width, permalink.height)).toBeGreaterThanOrEqual(44)
  await page.locator('article#turn-2 .turn__body').hover()
  const copy = (await page.locator('article#turn-2 [data-turn-action="copy"]').boundingBox())!
  expect(Math.min(copy.width, copy.height)).toBeGreaterThanOrEqual(44)
  await expect(page.locator('.turn-actions')).toHaveCount(1)
  await expectNoAxeViolations(page)
})

for (const [name, size] of [['phone', PHONE], ['wide', WIDE]] as const) {
  test(`${name}: filtering to a speaker keeps each question as a one-line preview, expandable in place`, async ({ page }) => {
    await page.setViewportSize(size)
    await page.goto(`${READER}?speaker=Michael`)
    // The displayed name works, and the URL is rewritten to the id.
    await expect(page).toHaveURL(/\?speaker=michael$/)
    const question = page.locator('article#turn-3')
    await expect(question).toHaveAttribute('data-collapsed', '')
    await expect(page.locator('article[data-collapsed]')).toHaveCount(4)
    const body = question.locator('.turn__body')
    const line = await body.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight))
    expect((await body.boundingBox())!.height).toBeLessThanOrEqual(line + 1)
    await expect(question.locator('.turn__speaker')).toHaveText('Arujjwal')
    if (name === 'phone') {
      // A tap on the one-line preview opens it.
      await body.click()
    } else {
      // Show is in the turn toolbar, which joins the turn under the pointer.
      await question.hover()
      await question.getByRole('button', { name: /^(Show|展开)$/ }).click()
    }
    await expect(question).not.toHaveAttribute('data-collapsed')
    // In full: nothing of the text is cut off any more.
    expect(await body.evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && getComputedStyle(el).webkitLineClamp === 'none')).toBe(true)
    await expect(page).toHaveURL(/\?speaker=michael$/)
    // The presets show which one is on.
    await page.goto(`${READER}?speaker=arujjwal`)
    if (name === 'phone') await page.locator('.sidebar__toggle').click()
    await expect(page.getByRole('button', { name: /^(Questions|只看提问)$/ })).toHaveAttribute('aria-pressed', 'true')
    await expectNoAxeViolations(page)
  })
}

test('a ?q= link lands on its first hit, far down the page', async ({ page }) => {
  await page.setViewportSize(PHONE)
  await page.goto(`${READER}?q=${encodeURIComponent('实例终止')}`)
  await expect(page.locator('#search-status')).toHaveText(/^(1 of 1|第 1 \/ 1 处)$/)
  await expect(page.locator('article#turn-8')).toBeInViewport()
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500)
})

test('c after n copies the section whose heading was jumped to; unfocused, the turn at the top', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL })
  await page.setViewportSize(WIDE)
  await page.goto(`${READER}#turn-1`)
  await expect(page.locator('article#turn-1')).toBeFocused()
  await page.keyboard.press('n')
  await expect(page.locator('section[id="功能和工作"]')).toBeFocused()
  await page.keyboard.press('c')
  await expect(page.locator('.toast')).toContainText('功能和工作')
  expect(decodeURI(await page.evaluate(() => navigator.clipboard.readText()))).toBe(`${baseURL}${READER}#功能和工作`)
  // Without focus: the first turn showing below the sticky bars, not the previous section's last answer under them.
  await page.evaluate(() => (document.activeElement as HTMLElement).blur())
  await page.keyboard.press('c')
  await expect(page.locator('.toast')).toHaveText(/Link to turn 3 copied|已复制第 3 段发言的链接/)
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${READER}#turn-3`)
})

test('reading a long answer pins its question under the bars; a click goes back to it', async ({ page }) => {
  await page.setViewportSize(PHONE)
  await page.goto(READER)
  // The pin is the app's: wait until it runs (the page paints, and can scroll, before it loads).
  await expect(page.locator('#app')).toHaveAttribute('data-hydrated', '')
  await expect(page.locator('.pinned-question')).toHaveCount(0)
  await page.locator('article#turn-8').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 60))
  const pinned = page.locator('.pinned-question')
  await expect(pinned).toContainText('Q4')
  await expect(pinned).toContainText('这个 SIG 中有很多子项目')
  // Fixed under the sticky menu bar, one line.
  const bar = (await page.locator('.sidebar__toggle').boundingBox())!
  const box = (await pinned.boundingBox())!
  expect(Math.abs(box.y - (bar.y + bar.height))).toBeLessThan(2)
  expect(box.height).toBeLessThan(48)
  await pinned.click()
  await expect(page).toHaveURL(/#turn-7$/)
  await expect(page.locator('article#turn-7')).toBeFocused()
  await expect(pinned).toHaveCount(0)
})

test('numbered questions are landmarks: Q1…Qn in the outline of an article without sections, with progress', async ({ page }) => {
  await page.setViewportSize(WIDE)
  await page.goto('/')
  await paste(page, readFileSync('tests/fixtures/forms/numbered-questions.md', 'utf8'))
  await expect(page.locator('main h1')).toHaveText('Ten minutes with the release team')
  const outline = page.getByRole('navigation', { name: /Contents|目录/ })
  const questions = outline.locator('.outline__q')
  await expect(questions.first()).toContainText('Q1')
  const count = await questions.count()
  expect(count).toBeGreaterThanOrEqual(3)
  await expect(questions.nth(2)).toContainText('How do I join?')
  // No section entry (there are no sections), and no "0" count anywhere.
  await expect(outline.locator('.outline__section')).toHaveCount(0)
  await expect(outline.locator('.count', { hasText: /^0$/ })).toHaveCount(0)
  await questions.nth(1).click()
  await expect(outline.locator('.outline__q[aria-current="true"]')).toContainText('Q2')
  await expect(outline.locator('.outline__progress')).toHaveText(`Q 2 / ${count}`)
  await expectNoAxeViolations(page)
})

test('speaker colours follow the person, not the list position', async ({ page }) => {
  await page.setViewportSize(WIDE)
  // A turn's avatar is its header's ::before, its initials from one CSS rule per speaker.
  const colourOf = (speaker: string) =>
    page.locator(`article.turn[data-speaker="${speaker}"] > header`).first().evaluate((el) => getComputedStyle(el, '::before').backgroundColor)
  await page.goto(READER)
  expect(await page.locator('article.turn[data-speaker="michael"] > header').first().evaluate((el) => getComputedStyle(el, '::before').content)).toMatch(/^"M"/)
  const michael = await colourOf('michael')
  const arujjwal = await colourOf('arujjwal')
  expect(michael).not.toBe(arujjwal)
  // Hiding a speaker recolours nobody; the same people keep their colours in the English original.
  await page.goto(`${READER}?speaker=michael`)
  expect(await colourOf('michael')).toBe(michael)
  await page.goto(`/en${READER}`)
  expect(await colourOf('michael')).toBe(michael)
  expect(await colourOf('arujjwal')).toBe(arujjwal)
})

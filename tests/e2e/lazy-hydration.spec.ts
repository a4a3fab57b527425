import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { expectTargetInView, READER } from './helpers'

/**
 * Parts of a prerendered page (sections, reader tools, header, update notice, list cards) hydrate
 * after the mount, each in an idle callback of its own (Vue's hydrateOnIdle, src/ssr/lazy-hydration.ts).
 * A paused page clock holds those callbacks back, so each test can look at the page between the
 * mount and them.
 */
async function openMountedWithPartsWaiting(page: Page, url: string): Promise<string[]> {
  const problems: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error' || /hydrat|\[Vue warn\]/i.test(m.text())) problems.push(`${m.type()}: ${m.text()}`)
  })
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  await page.clock.install()
  await page.clock.pauseAt(Date.now() + 60_000)
  // The frame's own goto: the fixture's page.goto waits for every part, which the paused clock holds back.
  await page.mainFrame().goto(url)
  // The inline loader requests the app from a timer after the first paint: let only that one run.
  await expect(async () => {
    await page.clock.runFor(20)
    expect(await page.locator('head script[type="module"]').count()).toBe(1)
  }).toPass()
  await page.waitForFunction(() => Boolean((document.getElementById('app') as HTMLElement & { __vue_app__?: unknown }).__vue_app__), null, { polling: 50 })
  await expect(page.locator('#app')).not.toHaveAttribute('data-hydrated')
  return problems
}

/**
 * Time passes with no input until every part has hydrated. A part's code arrives over the network
 * (its own chunk), outside the page clock: one long clock step can end before a chunk is there, and
 * the hydration task it then schedules would wait for a clock that no longer moves.
 */
async function letPartsHydrate(page: Page): Promise<void> {
  await expect(async () => {
    await page.clock.runFor(100)
    expect(await page.locator('#app').getAttribute('data-hydrated')).toBe('')
  }).toPass()
}

/** A click on the conversation map without a pointer event: only a hydrated map reacts to it. */
async function clickMapLowHalf(page: Page): Promise<void> {
  await page.evaluate(() => {
    const map = document.querySelector('svg.conv-map')!
    const box = map.getBoundingClientRect()
    map.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: box.left + box.width / 2, clientY: box.top + box.height * 0.9 }))
  })
}

test('a deep link is focused before the lazy parts hydrate; then they hydrate on their own and work', async ({ page }) => {
  const problems = await openMountedWithPartsWaiting(page, `${READER}#turn-5`)
  // The target turn's section has not hydrated yet: its server markup is focused and in view.
  await expectTargetInView(page, page.locator('article#turn-5'))
  // The map (reader tools) is still server markup: a click does nothing yet.
  await clickMapLowHalf(page)
  await page.waitForTimeout(100)
  expect(new URL(page.url()).hash).toBe('#turn-5')

  // No input at all: the waiting parts hydrate in their own tasks.
  await letPartsHydrate(page)
  await clickMapLowHalf(page)
  await expect(page).toHaveURL(/#turn-(?!5$)\d+$/)
  await expect(page.locator(`article${new URL(page.url()).hash}`)).toBeFocused()
  // Sections hydrated late re-render like the others: a filter (a click without a pointer) hides turns.
  await page.evaluate(() => document.querySelector<HTMLButtonElement>('button.speaker-toggle[data-speaker="arujjwal"]')!.click())
  await expect(page).toHaveURL(/\?speaker=michael#turn-\d+$/)
  await expect(page.locator('article.turn:not([data-collapsed]):not([data-speaker="michael"])')).toHaveCount(0)
  expect(problems).toEqual([])
})

test('a key pressed before the lazy parts hydrate hydrates them first and is handled', async ({ page }) => {
  const problems = await openMountedWithPartsWaiting(page, `${READER}#turn-5`)
  await expect(page.locator('article#turn-5')).toBeFocused()
  await page.keyboard.press('j')
  await expect(page.locator('article#turn-6')).toBeFocused()
  await expect(page.locator('#app')).toHaveAttribute('data-hydrated', '')
  // And the search box (reader tools) answers the next key.
  await page.keyboard.press('/')
  await expect(page.getByRole('searchbox')).toBeFocused()
  expect(problems).toEqual([])
})

test('a filter clicked before the lazy parts hydrate hydrates them first, without a mismatch', async ({ page }) => {
  const problems = await openMountedWithPartsWaiting(page, READER)
  await page.locator('button.speaker-toggle[data-speaker="arujjwal"]').click()
  await expect(page).toHaveURL(/\?speaker=michael$/)
  await expect(page.locator('#app')).toHaveAttribute('data-hydrated', '')
  await expect(page.locator('article.turn:not([data-collapsed]):not([data-speaker="michael"])')).toHaveCount(0)
  await expect(page.locator('article.turn')).not.toHaveCount(0)
  expect(problems).toEqual([])
})

test('list page: the cards hydrate after the mount and then navigate in the app', async ({ page }) => {
  const problems = await openMountedWithPartsWaiting(page, '/')
  await letPartsHydrate(page)
  await page.evaluate(() => {
    ;(window as unknown as { __samePage: boolean }).__samePage = true
    document.querySelector<HTMLAnchorElement>('.card-list a')!.click()
  })
  await expect(page).toHaveURL(new RegExp(`${READER}$`))
  await expect(page.locator('article#turn-1')).toBeVisible()
  // A client-side navigation (a hydrated RouterLink), not a page load.
  expect(await page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true)
  expect(problems).toEqual([])
})

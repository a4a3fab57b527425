import { expect, test } from './fixtures'
import { expectTargetInView, READER, turnSpeakers } from './helpers'

test('filters round-trip through the URL with replace, not push', async ({ page }) => {
  await page.goto('/')
  await page.locator('.card a').first().click()
  await expect(page.locator('article.turn:not([data-collapsed])')).toHaveCount(8)

  const outlineCount = page.getByRole('navigation', { name: /Contents|目录/ }).locator('li', { hasText: '功能和工作' }).locator('.count')
  await expect(outlineCount).toHaveText('4')
  await page.locator('button.speaker-toggle[data-speaker="arujjwal"]').click()
  await expect(page).toHaveURL(/\?speaker=michael$/)
  await expect(outlineCount).toHaveText('2')
  expect(new Set(await turnSpeakers(page))).toEqual(new Set(['michael']))

  await page.getByRole('button', { name: /^(Questions|只看提问)$/ }).click()
  await expect(page).toHaveURL(/\?speaker=arujjwal$/)
  expect(new Set(await turnSpeakers(page))).toEqual(new Set(['arujjwal']))

  await page.locator('button.speaker-toggle[data-speaker="arujjwal"]').click()
  await expect(page).toHaveURL(/\?speaker=$/)
  await expect(page.locator('article.turn:not([data-collapsed])')).toHaveCount(0)
  await page.getByRole('button', { name: /^(Reset filter|重置筛选)$/ }).click()
  await expect(page).toHaveURL(new RegExp(`${READER}$`))
  await expect(page.locator('article.turn:not([data-collapsed])')).toHaveCount(8)

  // Filter changes replaced the entry: one Back leaves the reader.
  await page.goBack()
  await expect(page).toHaveURL(/\/$/)
})

test('outline click pushes the section, highlights it, and Back/Forward return', async ({ page }) => {
  await page.goto(`${READER}?speaker=michael`)
  const nav = page.getByRole('navigation', { name: /Contents|目录/ })
  await nav.getByRole('link', { name: /功能和工作/ }).click()
  await expect(page).toHaveURL(/\?speaker=michael#%E5%8A%9F/)
  await expectTargetInView(page, page.locator('section[id="功能和工作"]'))
  await expect(nav.getByRole('link', { name: /功能和工作/ })).toHaveAttribute('aria-current', 'location')

  // The last, short section becomes active too.
  await nav.getByRole('link', { name: /重要的子项目/ }).click()
  await expect(nav.getByRole('link', { name: /重要的子项目/ })).toHaveAttribute('aria-current', 'location')

  await page.goBack()
  await expect(page).toHaveURL(/#%E5%8A%9F/)
  await expectTargetInView(page, page.locator('section[id="功能和工作"]'))
  await expect(nav.getByRole('link', { name: /功能和工作/ })).toHaveAttribute('aria-current', 'location')
  await page.goForward()
  await expectTargetInView(page, page.locator('section[id="重要的子项目"]'))
  // Filter kept throughout.
  await expect(page.locator('article.turn:not([data-collapsed])')).toHaveCount(4)
})

test('the active section follows scrolling', async ({ page }) => {
  await page.goto(READER)
  const nav = page.getByRole('navigation', { name: /Contents|目录/ })
  await page.locator('section[id="功能和工作"]').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 60))
  await expect(nav.locator('a[aria-current="location"]')).toContainText('功能和工作')
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
  await expect(nav.locator('a[aria-current="location"]')).toContainText('重要的子项目')
})

test('section permalink and turn copy link give absolute links that keep the filter', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL })
  await page.goto(`${READER}?speaker=michael`)
  const turn = page.locator('article#turn-4')
  const copy = turn.getByRole('button', { name: /Copy link|复制链接/ })
  await turn.hover()
  const before = await copy.boundingBox()
  const heading = await page.locator('section[id="功能和工作"] h2').boundingBox()
  await copy.click()
  await expect(page.locator('.toast')).toHaveText(/Link to turn 4 copied|已复制第 4 段发言的链接/)
  // The message floats: nothing under the pointer or above the text moves.
  expect(await copy.boundingBox()).toEqual(before)
  expect(await page.locator('section[id="功能和工作"] h2').boundingBox()).toEqual(heading)
  expect(await turn.locator('[role="status"]').count()).toBe(0)
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toBe(`${baseURL}${READER}?speaker=michael#turn-4`)

  // The copied link opens the same view in a fresh tab.
  const fresh = await context.newPage()
  await fresh.goto(copied)
  await expectTargetInView(fresh, fresh.locator('article#turn-4'))
  await expect(fresh.locator('article.turn:not([data-collapsed])')).toHaveCount(4)

  // Share only where the browser has Web Share (tests/components/pieces.test.ts covers both cases);
  // where it then fails, the link is copied and the toast says so.
  const share = turn.getByRole('button', { name: /Share|分享/ })
  if (await page.evaluate(() => typeof navigator.share === 'function')) {
    await turn.hover()
    await share.click()
    await expect(page.locator('.toast')).not.toBeEmpty()
  } else await expect(share).toBeHidden()

  await page.locator('section[id="导言"] a.permalink').click()
  await expect(page).toHaveURL(/\?speaker=michael#%E5%AF%BC%E8%A8%80$/)
})

test('keyboard: skip link focuses main content', async ({ page }) => {
  await page.goto(READER)
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: /Skip to content|跳到正文/ })
  await expect(skip).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.locator('main')).toBeFocused()
  await expect(page).toHaveURL(new RegExp(`${READER}$`))
})

import AxeBuilder from '@axe-core/playwright'
import { expect, test } from './fixtures'
import { READER, STATIC_URL } from './helpers'

test('360 px: no sideways scroll, outline and speakers fold into a menu', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await page.goto(READER)
  await expect(page.locator('article.turn:not([data-collapsed])')).toHaveCount(8)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  const nav = page.getByRole('navigation', { name: /Contents|目录/ })
  await expect(nav).toBeHidden()
  const menu = page.getByRole('button', { name: /Contents and speakers|目录与发言人/ })
  await menu.click()
  await expect(menu).toHaveAttribute('aria-expanded', 'true')
  await expect(nav).toBeVisible()
  await nav.getByRole('link', { name: /重要的子项目/ }).click()
  await expect(nav).toBeHidden()
  await expect(page.locator('section[id="重要的子项目"]')).toBeInViewport()
  await expect(page.locator('section[id="重要的子项目"]')).toBeFocused()
  await page.locator('section[id="功能和工作"]').evaluate((el) => el.scrollIntoView())
  await menu.click()
  await expect(nav.locator('a[aria-current="location"]')).toContainText('功能和工作')
  await page.keyboard.press('Escape')
  await expect(nav).toBeHidden()
  await expect(menu).toBeFocused()
})

test('the conversation starts at the same place while it is still arriving (no shift when it does)', async ({ page }) => {
  // A browser paints half-parsed pages: the sidebar is there, the conversation not yet. The sidebar
  // spans the header's row too; with little content beside it, it must not stretch that row, or the
  // conversation starts lower and moves up once the rest arrives (a layout shift).
  await page.setViewportSize({ width: 1350, height: 940 })
  await page.goto(READER)
  const tops = await page.evaluate(() => {
    const content = document.querySelector('.reader__content') as HTMLElement
    const sidebar = document.querySelector('.reader__sidebar') as HTMLElement
    const top = (): number => content.getBoundingClientRect().top + scrollY
    const whole = top()
    const children = [...content.children] as HTMLElement[]
    for (const child of children) child.style.display = 'none'
    const partial = top()
    for (const child of children) child.style.display = ''
    return { whole, partial, sidebarBottom: sidebar.getBoundingClientRect().bottom + scrollY }
  })
  expect(tops.sidebarBottom).toBeGreaterThan(tops.whole) // else the test proves nothing
  expect(tops.partial).toBe(tops.whole)
})

test('dark mode follows the system and the toggle persists', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto(READER)
  await expect(page.locator('html')).toHaveClass(/dark/)
  const toggle = page.getByRole('button', { name: /Dark mode|深色模式/ })
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  await toggle.click()
  await expect(page.locator('html')).not.toHaveClass(/dark/)
  await page.reload()
  await expect(page.locator('html')).not.toHaveClass(/dark/)
})

test.describe('a Chinese-speaking browser', () => {
  test.use({ locale: 'zh-CN' })

  test('gets the Chinese UI, and the switch overrides it for good', async ({ page }) => {
    await page.goto(READER)
    await expect(page.locator('html')).toHaveAttribute('lang', /^zh-cn$/i)
    await expect(page.locator('article#turn-1 .turn__role')).toHaveText('提问')
    await page.getByRole('combobox', { name: /^(Language|语言)$/ }).selectOption('en')
    await expect(page.locator('article#turn-1 .turn__role')).toHaveText('Question')
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await page.reload()
    await expect(page.locator('article#turn-1 .turn__role')).toHaveText('Question')
  })
})

test('print shows the filtered conversation without the app chrome', async ({ page }) => {
  await page.goto(`${READER}?speaker=michael`)
  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('.app-header')).toBeHidden()
  await expect(page.locator('.reader__sidebar')).toBeHidden()
  await expect(page.locator('.turn-actions').first()).toBeHidden()
  await expect(page.locator('article.turn:not([data-collapsed])')).toHaveCount(4)
})

test('list page shows each interview newest first with its summary, the built-in one on the first screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await page.goto('/')
  const card = page.locator('.card').first()
  await expect(card).toBeInViewport()
  // Above "Open your own interview".
  expect((await card.boundingBox())!.y).toBeLessThan((await page.locator('.open-panel').boundingBox())!.y)
  await expect(card.getByRole('heading', { level: 2 })).toHaveText('聚焦 SIG 云提供商')
  await expect(card).toContainText('Spotlight on SIG Cloud Provider')
  await expect(card.locator('time')).toHaveAttribute('datetime', '2024-03-02T16:30:31+08:00')
  await expect(card).toContainText('Arujjwal')
  await expect(card).toContainText('Michael')
  await expect(card).toContainText('8')
})

for (const scheme of ['light', 'dark'] as const) {
  for (const [name, url] of [['list', '/'], ['reader', `${READER}?speaker=michael#turn-4`], ['translation', `/ja${READER}#turn-11`]] as const) {
    test(`no axe violations: ${name}, ${scheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme })
      await page.goto(url)
      await expect(page.locator('main h1')).toBeVisible()
      // Let the target highlight finish so contrast is measured on the resting colours.
      await page.evaluate(() => document.querySelectorAll('.is-target').forEach((el) => el.classList.remove('is-target')))
      const result = await new AxeBuilder({ page }).analyze()
      expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    })
  }
}

test.describe('built dist/ on a plain static server', () => {
  test('deep links reload through the 404.html fallback', async ({ page }) => {
    await page.goto(`${STATIC_URL}${READER}?speaker=michael#turn-4`)
    await expect(page.locator('article#turn-4')).toBeFocused()
    await expect(page.locator('article.turn:not([data-collapsed])')).toHaveCount(4)
    await page.reload()
    await expect(page.locator('article#turn-4')).toBeFocused()
    await page.goto(`${STATIC_URL}${READER}#${encodeURIComponent('功能和工作')}`)
    await expect(page.locator('section[id="功能和工作"]')).toBeFocused()
    await page.goto(`${STATIC_URL}/nothing-here`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/not found|找不到/i)
  })
})

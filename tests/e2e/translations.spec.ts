import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { expectTargetInView, READER, SLUG } from './helpers'

const EN = `/en/${SLUG}`
const JA = `/ja/${SLUG}`

/** Console errors and Vue warnings (hydration mismatches among them). */
function watchConsole(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error' || /hydrat|\[Vue warn\]/i.test(m.text())) problems.push(`${m.type()}: ${m.text()}`)
  })
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  return problems
}

const languages = (page: Page) => page.getByRole('navigation', { name: 'Other languages' })

test.describe('the seed and its translations', () => {
  test('the seed links its English original and Japanese translation, each opening with its own 16 turns', async ({ page }) => {
    const problems = watchConsole(page)
    await page.goto(READER)
    await expect(page.locator('article.turn')).toHaveCount(8)
    await expect(languages(page).locator('a[hreflang="en"]')).toHaveText('English')
    await expect(languages(page).locator('a[hreflang="ja"]')).toHaveText('日本語')
    await languages(page).locator('a[hreflang="en"]').click()
    await expect(page).toHaveURL(new RegExp(`${EN}$`))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Spotlight on SIG Cloud Provider')
    await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'en')
    await expect(page.locator('article.turn')).toHaveCount(16)
    await languages(page).locator('a[hreflang="ja"]').click()
    await expect(page).toHaveURL(new RegExp(`${JA}$`))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('SIG Cloud Providerの取り組みの紹介')
    await expect(page.locator('article.turn')).toHaveCount(16)
    await expect(page.locator('.reader-header').getByRole('link', { name: 'Original article' })).toHaveAttribute(
      'href', 'https://www.k8s.dev/blog/2024/03/01/sig-cloud-provider-spotlight-2024/',
    )
    await expect(page.locator('.reader-credit')).toContainText('CC BY 4.0')
    await languages(page).locator('a[hreflang="zh-cn"]').click()
    await expect(page).toHaveURL(new RegExp(`${READER}$`))
    await expect(page.locator('article.turn')).toHaveCount(8)
    expect(problems).toEqual([])
  })

  test('each translation has its own page that hydrates cleanly, also when opened directly', async ({ page }) => {
    const problems = watchConsole(page)
    for (const url of [EN, JA]) {
      await page.goto(url)
      await expect(page.locator('article.turn')).toHaveCount(16)
      await expect(page.locator('#app')).toHaveAttribute('data-prerendered', url)
    }
    expect(problems).toEqual([])
  })

  test('switching language keeps the turn when the turn structures match', async ({ page }) => {
    await page.goto(`${EN}#turn-11`)
    await expectTargetInView(page, page.locator('article#turn-11'))
    await languages(page).locator('a[hreflang="ja"]').click()
    await expect(page).toHaveURL(new RegExp(`${JA}#turn-11$`))
    await expectTargetInView(page, page.locator('article#turn-11'))
  })

  test('switching language keeps the section by position when they do not', async ({ page }) => {
    await page.goto(`${READER}#${encodeURIComponent('功能和工作')}`)
    await expectTargetInView(page, page.locator('section[id="功能和工作"]'))
    // Read on into the section: the place is where the reader is now, not the link they came by.
    await page.evaluate(() => window.scrollBy(0, document.getElementById('turn-4')!.getBoundingClientRect().top - 200))
    await languages(page).locator('a[hreflang="en"]').click()
    await expect(page).toHaveURL(new RegExp(`${EN}#functioning-and-working$`))
    await expectTargetInView(page, page.locator('section#functioning-and-working'))
  })

  test('the list shows the interview once, with its other languages', async ({ page }) => {
    await page.goto('/')
    await expect(page.locator('.card-list .card')).toHaveCount(1)
    const card = page.locator('.card').first()
    await expect(card.locator('a[hreflang="en"]')).toHaveAttribute('href', EN)
    await expect(card.locator('a[hreflang="ja"]')).toHaveAttribute('href', JA)
  })
})

test.describe('the interface speaks the reader’s language, not the article’s', () => {
  test.describe('en-US browser', () => {
    test.use({ locale: 'en-US' })
    test('gets English controls on the Chinese seed; the article keeps its lang', async ({ page }) => {
      const problems = watchConsole(page)
      // The Chinese UI strings load only for a reader who gets Chinese (issue 16's initial JS).
      const scripts: Array<Promise<string>> = []
      page.on('response', (response) => {
        if (response.url().endsWith('.js')) scripts.push(response.text())
      })
      await page.goto(READER)
      await expect(page.locator('html')).toHaveAttribute('lang', 'en')
      await expect(page.getByRole('searchbox', { name: 'Search this interview' })).toBeVisible()
      await expect(page.locator('article#turn-1 .turn__role')).toHaveText('Question')
      await expect(page.locator('#turn-1 .turn__body')).toHaveAttribute('lang', 'zh-cn')
      await expect(page.locator('#app')).toHaveAttribute('data-hydrated', '')
      const loaded = await Promise.all(scripts)
      expect(loaded.length).toBeGreaterThan(0)
      expect(loaded.filter((code) => code.includes('在本访谈中搜索'))).toEqual([])
      expect(problems).toEqual([])
    })
  })

  test.describe('zh-CN browser', () => {
    test.use({ locale: 'zh-CN' })
    test('gets Chinese controls, on the Chinese seed and on the English original alike, without a hydration mismatch', async ({ page }) => {
      const problems = watchConsole(page)
      for (const url of [READER, EN]) {
        await page.goto(url)
        await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
        await expect(page.getByRole('searchbox', { name: '在本访谈中搜索' })).toBeVisible()
        await expect(page.locator('article#turn-1 .turn__role')).toHaveText('提问')
      }
      await expect(page.locator('#turn-1 .turn__body')).toHaveAttribute('lang', 'en')
      expect(problems).toEqual([])
    })

    test('a stored choice overrides the browser language', async ({ page }) => {
      await page.addInitScript(() => localStorage.setItem('parley-ui-lang', 'en'))
      await page.goto(READER)
      await expect(page.locator('article#turn-1 .turn__role')).toHaveText('Question')
      await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    })
  })
})

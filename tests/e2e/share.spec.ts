import { expect, test } from './fixtures'
import { expectTargetInView, READER, SLUG, STATIC_URL } from './helpers'

test.describe('share pages', () => {
  for (const [host, origin] of [['vite preview', ''], ['a static host', STATIC_URL]] as const) {
    test(`/<slug>/turn-5 lands on turn 5, focused and highlighted (${host})`, async ({ page }) => {
      await page.goto(`${origin}${READER}/turn-5`)
      const turn = page.locator('article#turn-5')
      await expect(turn).toHaveClass(/is-target/)
      await expectTargetInView(page, turn)
      // The whole interview is there, as at /<slug>#turn-5: the reader, not the share page's window.
      await expect(page.locator('article.turn')).toHaveCount(8)
      await expect(page).toHaveURL(new RegExp(`${READER}#turn-5$`))
      await expect(page.locator('.notice')).toHaveCount(0)
    })
  }

  test('a section share address, percent-encoded, opens that section with the filter kept', async ({ page }) => {
    await page.goto(`${READER}/${encodeURIComponent('重要的子项目')}?speaker=michael`)
    await expectTargetInView(page, page.locator('section#重要的子项目'))
    await expect(page).toHaveURL(new RegExp(`${READER}\\?speaker=michael#${encodeURIComponent('重要的子项目')}$`))
    // The filter keeps the other speaker's turns as collapsed one-line previews (issue 14).
    await expect(page.locator('article.turn[data-speaker="arujjwal"]:not([data-collapsed])')).toHaveCount(0)
    await expect(page.locator('article.turn[data-speaker="arujjwal"][data-collapsed]').first()).toBeAttached()
  })

  test('without JavaScript the share page shows the conversation at that turn', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL })
    const page = await context.newPage()
    await page.goto(`${READER}/turn-6`)
    await expect(page.locator('article#turn-6.is-target')).toBeVisible()
    await expect(page.locator('article#turn-5')).toBeVisible()
    await expect(page.getByRole('link', { name: /Read the whole interview/ })).toHaveAttribute('href', `${READER}#turn-6`)
    await context.close()
  })

  test('Copy quote copies the passage as Markdown with its speaker, the interview and a link to it', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL })
    await page.goto(READER)
    await page.locator('article#turn-6 .turn__body').evaluate((body) => {
      const text = [...body.querySelectorAll('p')].map((p) => p.firstChild).find((n): n is Text => n?.nodeType === Node.TEXT_NODE && (n as Text).data.includes('云控制器来解决这些集成点'))!
      const at = text.data.indexOf('云控制器来解决这些集成点')
      const range = document.createRange()
      range.setStart(text, at)
      range.setEnd(text, at + '云控制器来解决这些集成点'.length)
      document.getSelection()!.removeAllRanges()
      document.getSelection()!.addRange(range)
    })
    await page.getByRole('button', { name: /Copy quote|复制引文/ }).click()
    await expect(page.locator('.quote-action__status')).toHaveText(/Markdown/)
    const markdown = await page.evaluate(() => navigator.clipboard.readText())
    // This build has no PARLEY_SITE_URL: the link is the reader's own quote link (#turn-6).
    expect(markdown).toMatch(new RegExp(`^> 云控制器来解决这些集成点\\n>\\n> — Michael, \\[聚焦 SIG 云提供商\\]\\(<${baseURL}/${SLUG}\\?quote=[^>]+#turn-6>\\)\\n$`))
  })
})

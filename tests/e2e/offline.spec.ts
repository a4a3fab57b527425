import { expect, test } from './fixtures'
import { expectTargetInView, READER, SLUG } from './helpers'

// Every other spec blocks service workers (playwright.config.ts); this one is about them.
test.use({ serviceWorkers: 'allow' })

test('after one visit, the list, a deep link into the built-in interview and its translations open offline', async ({ page, context }) => {
  await page.goto(READER)
  await expect(page.locator('article.turn').first()).toBeVisible()
  // Active means installed, i.e. everything is precached; clients.claim() then makes it control this page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
    if (!navigator.serviceWorker.controller)
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }))
  })
  // A fresh context starts with no worker: no notice on a first install.
  await expect(page.locator('.update-notice')).toHaveCount(0)

  await context.setOffline(true)
  await page.goto('/')
  await expect(page.locator(`a[href="/${SLUG}"]`).first()).toBeVisible()

  await page.goto(`/${SLUG}#turn-3`)
  const turn = page.locator('article#turn-3')
  await expect(turn).toHaveClass(/is-target/)
  await expectTargetInView(page, turn)

  await page.reload()
  await expectTargetInView(page, turn)
  // The translations are precached too, pages and data, at their own addresses.
  for (const lang of ['en', 'ja']) {
    await page.goto(`/${lang}/${SLUG}#turn-16`)
    await expect(page.locator('article.turn')).toHaveCount(16)
    await expect(page.locator('#app')).toHaveAttribute('data-prerendered', `/${lang}/${SLUG}`)
    await expectTargetInView(page, page.locator('article#turn-16'))
  }
  // A history-mode route the server never saw: the worker answers with the app shell.
  await page.goto('/no-such-interview')
  await expect(page.getByRole('heading', { name: /Interview not found|找不到这篇访谈/ })).toBeVisible()
})

// The plain Playwright `test`, not the one from ./fixtures: its goto waits for the app, and this
// test holds the app back on purpose.
import { expect, test } from '@playwright/test'
import { appMounted } from './fixtures'
import { READER } from './helpers'
import { TALK } from './local-helpers'

/** Delay the app's entry script until `release()`: the reader types into the prerendered page. */
async function holdApp(page: import('@playwright/test').Page): Promise<() => void> {
  let release!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
    await held
    await route.continue()
  })
  return release
}

test('text typed before the app arrives is kept: a link to open, and a search that then runs', async ({ page }) => {
  let release = await holdApp(page)
  await page.goto('/', { waitUntil: 'domcontentloaded' })
  // The open form folds behind a native disclosure, which unfolds without the app.
  await page.locator('.open-panel summary').click()
  await page.locator('#parley-open-url').fill('https://example.org/talk.md')
  expect(await page.evaluate(() => Boolean((document.getElementById('app') as { __vue_app__?: unknown } | null)?.__vue_app__))).toBe(false)
  release()
  await appMounted(page)
  await expect(page.locator('#parley-open-url')).toHaveValue('https://example.org/talk.md')

  await page.unrouteAll()
  release = await holdApp(page)
  await page.goto(READER, { waitUntil: 'domcontentloaded' })
  await page.getByRole('searchbox').fill('Kubernetes')
  release()
  await appMounted(page)
  await expect(page.getByRole('searchbox')).toHaveValue('Kubernetes')
  // Taken as typed: the search ran and is in the URL.
  await expect(page).toHaveURL(/[?&]q=Kubernetes/)
})

test('"Open pasted text" pressed before the app arrives does not reload the page: the text opens once the app is there', async ({ page }) => {
  const release = await holdApp(page)
  await page.goto('/', { waitUntil: 'domcontentloaded' })
  // A page that reloaded would lose this mark.
  await page.evaluate(() => ((window as { parleyMark?: boolean }).parleyMark = true))
  await page.locator('.open-panel summary').click()
  await page.getByLabel('Markdown to open').fill(TALK)
  await page.getByRole('button', { name: 'Open pasted text' }).click()
  expect(page.url()).toMatch(/\/$/)
  expect(await page.evaluate(() => (window as { parleyMark?: boolean }).parleyMark)).toBe(true)
  release()
  await expect(page).toHaveURL(/\/short-talk$/)
  await expect(page.getByRole('heading', { level: 1, name: 'A short talk' })).toBeVisible()
  expect(await page.evaluate(() => (window as { parleyMark?: boolean }).parleyMark)).toBe(true)
})

test('the URL form submitted before the app arrives is opened once it is there, not sent to "/?"', async ({ page }) => {
  const release = await holdApp(page)
  await page.goto('/', { waitUntil: 'domcontentloaded' })
  await page.evaluate(() => ((window as { parleyMark?: boolean }).parleyMark = true))
  await page.locator('.open-panel summary').click()
  await page.locator('#parley-open-url').fill('not a web address')
  await page.locator('#parley-open-url').press('Enter')
  release()
  await appMounted(page)
  await expect(page.locator('.open-panel__messages')).toHaveText('Enter a web address starting with http:// or https://.')
  expect(await page.evaluate(() => (window as { parleyMark?: boolean }).parleyMark)).toBe(true)
  expect(page.url()).toMatch(/\/$/)
})

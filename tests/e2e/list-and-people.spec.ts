// Issue 14's list page and speaker cards, "Show them" and the repeated toast, at 1280 and 360 px.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { READER } from './helpers'
import { announced, localItems, openPanel, panel, withLocalTalk } from './local-helpers'

const WIDTHS = [
  { width: 1280, height: 800 },
  { width: 360, height: 740 },
] as const

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze()
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

/** The expanded state Chromium gives assistive technology for the disclosure (a <summary> has it natively). */
async function disclosureExpanded(page: Page): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page)
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { name?: { value: unknown }; properties?: { name: string; value: { value: unknown } }[] }[] }
  const node = nodes.find((n) => n.name?.value === 'Open your own interview' && n.properties?.some((p) => p.name === 'focusable'))
  return node?.properties?.find((p) => p.name === 'expanded')?.value.value
}

for (const size of WIDTHS) {
  test.describe(`${size.width} px`, () => {
    test.beforeEach(async ({ page }) => page.setViewportSize(size))

    test('list page: cards with reading time and languages, then one "Open your own" button that unfolds the form', async ({ page }) => {
      await withLocalTalk(page)
      const card = page.locator('.card').first()
      await expect(card).toBeInViewport()
      await expect(card).toContainText(/\d+ min read/)
      // The Chinese seed is one card with its English and Japanese translations.
      await expect(card.locator('.card__langs')).toHaveText(/^Languages:\s*中文（中国）\s*(English\s*日本語|日本語\s*English)$/)
      await expect(card.locator('.card__langs a[hreflang="ja"]')).toHaveAttribute('href', `/ja${READER}`)

      // Headings: one h1, the built-in cards' titles h2, the local section h2 with its cards' titles h3.
      const levels = await page.locator('main').locator('h1, h2, h3, h4').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])))
      expect(levels[0]).toBe(1)
      expect(levels.every((level, i) => i === 0 || level <= levels[i - 1]! + 1)).toBe(true)
      await expect(localItems(page).getByRole('heading', { level: 3 })).toHaveText('A short talk')
      // One live region for the page's own messages.
      await expect(page.locator('.list-page').locator('[role="status"], [role="alert"], [aria-live]')).toHaveCount(1)

      // Folded: one control, no form fields, and it says it is collapsed.
      const toggle = panel(page).locator('summary')
      await expect(panel(page).locator('summary, button, textarea, input:not([hidden])').filter({ visible: true })).toHaveCount(1)
      await expect(page.locator('#parley-open-paste')).toBeHidden()
      expect(await disclosureExpanded(page)).toBe(false)
      await toggle.click()
      await expect(page.locator('#parley-open-paste')).toBeFocused()
      expect(await disclosureExpanded(page)).toBe(true)
      await expect(page.getByRole('button', { name: 'Open URL' })).toBeVisible()
      expect(await page.locator('.open-panel').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
      expect(await axeViolations(page)).toEqual([])
      // Folds again with the same control.
      await toggle.click()
      await expect(page.locator('#parley-open-paste')).toBeHidden()
    })

    test('list page: the panel\'s messages are said in the page\'s live region, a repeated one again', async ({ page }) => {
      await page.goto('/')
      await openPanel(page)
      const field = page.locator('#parley-open-url')
      const said: string[] = []
      await page.exposeFunction('parleySaid', (text: string) => said.push(text))
      await announced(page).evaluate((el) => new MutationObserver(() => (window as unknown as { parleySaid: (t: string) => void }).parleySaid(el.textContent ?? '')).observe(el, { childList: true, subtree: true, characterData: true }))
      for (let i = 0; i < 2; i++) {
        await field.fill('not a web address')
        await field.press('Enter')
        await expect(announced(page)).toHaveText('Enter a web address starting with http:// or https://.')
      }
      // Emptied in between, so a screen reader hears the second failure too.
      expect(said.filter((text) => text !== '')).toHaveLength(2)
      expect(said).toContain('')
    })

    test('speaker cards show the full name and affiliation from the intro', async ({ page }) => {
      for (const address of [READER, `/en${READER}`, `/ja${READER}`]) {
        await page.goto(address)
        const more = page.locator('.reader-header__more')
        if (await more.isVisible()) await more.click()
        const michael = page.locator('.speaker-chip').filter({ hasText: 'Michael' })
        await expect(michael.locator('strong')).toHaveText('Michael McCune')
        await expect(michael.locator('.speaker-chip__affiliation')).toHaveText(', Red Hat')
        await expect(page.locator('.speaker-chip strong').filter({ hasText: 'Arujjwal' })).toHaveText('Arujjwal Negi')
      }
      expect(await axeViolations(page)).toEqual([])
    })

    test('"Show them" scrolls to and focuses the first hit it revealed', async ({ page }) => {
      // README is in one of Arujjwal's questions only, which the filter hides.
      await page.goto(`${READER}?speaker=michael&q=README`)
      const status = page.locator('#search-status')
      const show = page.getByRole('button', { name: 'Show them' })
      await expect(status).toHaveText('1 more in hidden turns')
      const hidden = page.locator('article.turn[data-collapsed]').filter({ hasText: 'README' })
      const id = await hidden.getAttribute('id')
      await show.click()
      const turn = page.locator(`article#${id}`)
      await expect(turn).toBeFocused()
      await expect(turn).not.toHaveAttribute('data-collapsed')
      await expect(turn.locator('.turn__body')).toBeInViewport()
      await expect(status).toHaveText('1 of 1')
      // The filter is kept.
      expect(new URL(page.url()).searchParams.getAll('speaker')).toEqual(['michael'])
      expect(await axeViolations(page)).toEqual([])
    })
  })
}

test('a turn\'s link copied twice is announced twice: the toast is emptied, then says it again', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL })
  await page.goto(READER)
  const said: string[] = []
  await page.exposeFunction('parleyToast', (text: string) => said.push(text))
  await page.locator('.toast').evaluate((el) => new MutationObserver(() => (window as unknown as { parleyToast: (t: string) => void }).parleyToast(el.textContent ?? '')).observe(el, { childList: true, subtree: true, characterData: true }))
  const turn = page.locator('article#turn-4')
  const copy = turn.getByRole('button', { name: /Copy link|复制链接/ })
  for (let i = 0; i < 2; i++) {
    await turn.hover()
    await copy.click()
    await expect(page.locator('.toast')).toHaveText(/Link to turn 4 copied/)
  }
  expect(said.filter((text) => text !== '')).toHaveLength(2)
  expect(said.indexOf('')).toBeGreaterThan(0)
})

import { expect, test } from './fixtures'
import { expectTargetInView, READER, SECTIONS, turnSpeakers } from './helpers'

test.describe('deep links survive a reload', () => {
  for (const [label, hash] of [
    ['raw CJK', '#重要的子项目'],
    ['percent-encoded', `#${encodeURIComponent('重要的子项目')}`],
  ] as const) {
    test(`section link, ${label}`, async ({ page }) => {
      await page.goto(`${READER}${hash}`)
      const section = page.locator('section#重要的子项目')
      await expectTargetInView(page, section)
      await page.reload()
      await expectTargetInView(page, section)
      await expect(page.locator('.notice')).toHaveCount(0)
    })
  }

  test('turn link is scrolled below the header, highlighted and focused', async ({ page }) => {
    await page.goto(`${READER}#turn-6`)
    const turn = page.locator('article#turn-6')
    await expect(turn).toHaveClass(/is-target/)
    await expectTargetInView(page, turn)
    await page.reload()
    await expectTargetInView(page, turn)
  })

  test('smooth scrolling (no reduced motion) still lands on the target', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'no-preference' })
    await page.goto(`${READER}#turn-7`)
    await expectTargetInView(page, page.locator('article#turn-7'))
  })

  test('filtered view', async ({ page }) => {
    await page.goto(`${READER}?speaker=michael`)
    await expect(page.locator('article.turn:not([data-collapsed])')).toHaveCount(4)
    expect(new Set(await turnSpeakers(page))).toEqual(new Set(['michael']))
    await expect(page.locator('article.turn[data-collapsed]').first()).toBeVisible()
    await page.reload()
    await expect(page.locator('article.turn:not([data-collapsed])')).toHaveCount(4)
    await expect(page.locator('button.speaker-toggle[data-speaker="arujjwal"]')).toHaveAttribute('aria-pressed', 'false')
  })

  test('a turn the filter hides is shown anyway, with a notice', async ({ page }) => {
    await page.goto(`${READER}?speaker=michael#turn-3`)
    await expectTargetInView(page, page.locator('article#turn-3'))
    await expect(page.locator('.notice')).toContainText('the filter hides')
    await expect(page.locator('article.turn:not([data-collapsed])')).toHaveCount(5)
  })

  test('every section id is reachable', async ({ page }) => {
    for (const id of SECTIONS) {
      await page.goto(`${READER}#${id}`)
      await expectTargetInView(page, page.locator(`section[id="${id}"]`))
    }
  })
})

test.describe('unknown targets', () => {
  test('unknown slug shows not-found with a way back', async ({ page }) => {
    // Served the unrendered shell (404.html), as static hosts do: not another page's HTML to hydrate.
    const warnings: string[] = []
    page.on('console', (m) => {
      if (/hydrat|\[Vue warn\]/i.test(m.text())) warnings.push(m.text())
    })
    const response = await page.goto('/no-such-interview')
    expect(await response?.text()).not.toContain('data-prerendered')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/not found|找不到/i)
    expect(warnings).toEqual([])
    await page.getByRole('link', { name: /Back to all interviews|返回访谈列表/ }).click()
    await expect(page).toHaveURL(/\/$/)
    await expect(page.locator('.card')).toHaveCount(1)
  })

  test('a path with broken percent-escapes gets the app’s not-found page, like any unknown path', async ({ page }) => {
    const response = await page.goto('/%E0%A4%A')
    expect(await response?.text()).toContain('<div id="app"></div>')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/not found|找不到/i)
    await expect(page.getByRole('link', { name: /Back to all interviews|返回访谈列表/ })).toBeVisible()
  })

  test('unknown section, turn and speaker give a notice and a working page', async ({ page }) => {
    await page.goto(`${READER}#no-such-section`)
    await expect(page.locator('.notice')).toContainText('no-such-section')
    await expect(page.locator('article.turn:not([data-collapsed])')).toHaveCount(8)

    await page.goto(`${READER}#turn-999`)
    await expect(page.locator('.notice')).toContainText('turn-999')

    await page.goto(`${READER}?speaker=nobody`)
    await expect(page.locator('.notice')).toContainText('nobody')
    await expect(page.locator('article.turn:not([data-collapsed])')).toHaveCount(8)
    // The page still works: filters apply.
    await page.locator('button.speaker-toggle[data-speaker="michael"]').click()
    await expect(page.locator('article.turn:not([data-collapsed])')).toHaveCount(4)
  })
})

import { expect, type Locator, type Page } from '@playwright/test'

export const SLUG = 'sig-cloud-provider-spotlight-2024'
export const READER = `/${SLUG}`
export const STATIC_URL = `http://localhost:${Number(process.env.PARLEY_E2E_PORT ?? 4173) + 1}`
export const SECTIONS = ['导言', '功能和工作', '重要的子项目'] as const

/** The target is on screen, not hidden under the sticky header, and has focus. */
export async function expectTargetInView(page: Page, target: Locator, timeout?: number): Promise<void> {
  await expect(target).toBeFocused({ timeout })
  await expect(target).toBeInViewport({ timeout })
  await expect
    .poll(async () => {
      const header = await page.locator('.app-header').boundingBox()
      const box = await target.boundingBox()
      return header && box ? box.y - (header.y + header.height) : -1
    }, { timeout })
    .toBeGreaterThanOrEqual(0)
}

/** Speakers of the turns shown in full (the filter collapses the others to one line). */
export async function turnSpeakers(page: Page): Promise<string[]> {
  return page.locator('article.turn:not([data-collapsed])').evaluateAll((els) => els.map((el) => el.getAttribute('data-speaker') ?? ''))
}

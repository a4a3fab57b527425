import { test as base, type Page } from '@playwright/test'

export { expect } from '@playwright/test'

/**
 * Vue sets `__vue_app__` on the container once the app is mounted; main.ts then marks it
 * `data-hydrated` once the parts hydrated after mount (src/ssr/lazy-hydration.ts) are hydrated too.
 */
export async function appMounted(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const app = document.getElementById('app') as (HTMLElement & { __vue_app__?: unknown }) | null
    return Boolean(app?.__vue_app__) && app?.dataset.hydrated !== undefined
  })
}

/**
 * `test` with `page.goto` and `page.reload` that also wait for the app. A prerendered page is
 * complete HTML and requests its JavaScript only after the first contentful paint
 * (src/node/paint-first.ts), so the `load` event no longer means the app is running; a test that
 * presses a shortcut right after loading would otherwise press it on the plain page.
 */
export const test = base.extend({
  page: async ({ page, javaScriptEnabled }, use) => {
    if (javaScriptEnabled !== false) {
      const goto = page.goto.bind(page)
      const reload = page.reload.bind(page)
      page.goto = async (...args: Parameters<Page['goto']>) => {
        const response = await goto(...args)
        await appMounted(page)
        return response
      }
      page.reload = async (...args: Parameters<Page['reload']>) => {
        const response = await reload(...args)
        await appMounted(page)
        return response
      }
    }
    await use(page)
  },
})

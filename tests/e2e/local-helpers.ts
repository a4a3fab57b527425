import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, type Page } from '@playwright/test'

export const TALK = '---\ntitle: A short talk\nslug: short-talk\nlang: en\n---\n\n## Start\n\n**Ada**: Why interviews?\n\n**Grace**: Because people read them.\n\n## End\n\n**Ada**: Anything else?\n\n**Grace**: No.\n'
/** Two one-off labels and no question: the parser accepts neither, so there are no turns. */
export const CHAT = '# Notes from a chat\n\nAlice: We met at the venue.\n\nBob: The talk ran long.\n\nPlain narration in between.\n'

export const panel = (page: Page) => page.getByRole('region', { name: 'Open your own interview' })
/** The panel's messages (shown in place; the page's one live region announces them). */
export const messages = (page: Page) => panel(page).locator('.open-panel__messages')
/** The list page's one live region. */
export const announced = (page: Page) => page.locator('.list-page [role="status"]')

/** Unfold the open form ("Open your own interview" is one disclosure) unless it is open. */
export async function openPanel(page: Page, name = 'Open your own interview'): Promise<void> {
  const region = page.getByRole('region', { name })
  if ((await region.locator('details').getAttribute('open')) === null) await region.locator('summary').click()
  await expect(region.locator('details')).toHaveAttribute('open', '')
}

export async function paste(page: Page, text: string): Promise<void> {
  await openPanel(page)
  await panel(page).getByLabel('Markdown to open').fill(text)
  await panel(page).getByRole('button', { name: 'Open pasted text' }).click()
}

/** Open TALK and come back to the list, so "the list is intact" has a local entry to check. */
export async function withLocalTalk(page: Page): Promise<void> {
  await page.goto('/')
  await paste(page, TALK)
  await expect(page).toHaveURL(/\/short-talk$/)
  await page.goto('/')
  await expect(localItems(page)).toHaveCount(1)
}

export const localItems = (page: Page) => page.locator('.local-item')

/** The built-in article and the earlier local one are both still listed, unchanged. */
export async function expectListIntact(page: Page, local = 1): Promise<void> {
  await expect(page.locator('.card-list').first().locator('.card')).toHaveCount(1)
  await expect(page.getByRole('link', { name: '聚焦 SIG 云提供商' })).toBeVisible()
  await expect(localItems(page)).toHaveCount(local)
  if (local > 0) await expect(localItems(page).first()).toContainText('A short talk')
}

/** A throwaway origin on 127.0.0.1: cross-origin to the app, with or without CORS. */
export async function startServer(cors: boolean): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const headers: Record<string, string> = { 'content-type': 'text/markdown; charset=utf-8' }
    if (cors) headers['access-control-allow-origin'] = '*'
    if (req.url === '/talk.md') {
      res.writeHead(200, headers)
      res.end(TALK.replace('slug: short-talk', 'slug: fetched-talk'))
    } else {
      res.writeHead(404, headers)
      res.end('not here')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

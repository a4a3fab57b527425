import AxeBuilder from '@axe-core/playwright'
import { expect, test } from './fixtures'
import { announced, CHAT, expectListIntact, localItems, messages, openPanel, panel, paste, startServer, TALK, withLocalTalk } from './local-helpers'

test('paste opens the interview, marked local; it and its deep link survive a reload', async ({ page }) => {
  await page.goto('/')
  await paste(page, TALK)
  await expect(page).toHaveURL(/\/short-talk$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('A short talk')
  await expect(page.locator('article.turn')).toHaveCount(4)
  await expect(page.locator('.local-bar')).toContainText('stored only in this browser')

  await page.goto('/short-talk?speaker=grace#turn-4')
  await page.reload()
  await expect(page.locator('article#turn-4')).toBeFocused()
  await expect(page.locator('article.turn:not([data-collapsed])')).toHaveCount(2)

  await page.goto('/')
  await expect(localItems(page)).toHaveCount(1)
  await expect(localItems(page).first()).toContainText('Local')
  await expectListIntact(page)
})

test('picked files: several at once, each reported, good ones listed', async ({ page }) => {
  await withLocalTalk(page)
  await page.getByTestId('open-files').setInputFiles([
    { name: 'one.md', mimeType: 'text/markdown', buffer: Buffer.from(TALK.replace('short-talk', 'one')) },
    { name: 'two.markdown', mimeType: 'text/markdown', buffer: Buffer.from(TALK.replace('short-talk', 'two')) },
    { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
  ])
  await expect(messages(page)).toContainText('Opened 2 interviews.')
  await expect(messages(page)).toContainText('photo.png is not a Markdown or text file (accepted: .md, .markdown, .txt).')
  await expect(page).toHaveURL(/\/$/)
  await expect(localItems(page)).toHaveCount(3)
})

test('a file dropped on the panel (synthetic DataTransfer) opens, and a same-slug one gets a suffix', async ({ page }) => {
  await withLocalTalk(page)
  await page.evaluate((text) => {
    const data = new DataTransfer()
    data.items.add(new File([text], 'dropped.md', { type: 'text/markdown' }))
    const zone = document.querySelector('.open-panel') as HTMLElement
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }))
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }))
  }, TALK)
  await expect(page).toHaveURL(/\/short-talk-2$/)
  await page.goto('/short-talk')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('A short talk')

  // Two copies of one text are told apart on the list: where from, when, and at which address.
  await page.goto('/')
  await expect(localItems(page).locator('.local-item__origin')).toHaveText([
    /^dropped\.md · .+ · \/short-talk-2$/,
    /^The pasted text · .+ · \/short-talk$/,
  ])

  // Text dragged from another page opens like pasted text.
  await page.goto('/')
  await page.evaluate((text) => {
    const data = new DataTransfer()
    data.setData('text/plain', text)
    document.querySelector('.open-panel')?.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }))
  }, CHAT)
  await expect(page).toHaveURL(/\/notes-from-a-chat$/)
})

test.describe('URLs', () => {
  let open: Awaited<ReturnType<typeof startServer>>
  let closed: Awaited<ReturnType<typeof startServer>>
  test.beforeAll(async () => {
    open = await startServer(true)
    closed = await startServer(false)
  })
  test.afterAll(async () => {
    await open.close()
    await closed.close()
  })

  async function openUrl(page: import('@playwright/test').Page, url: string): Promise<void> {
    await openPanel(page)
    await panel(page).getByLabel('Address of a Markdown file').fill(url)
    await panel(page).getByRole('button', { name: 'Open URL' }).click()
  }

  test('a server that allows CORS: the file opens', async ({ page }) => {
    await page.goto('/')
    await openUrl(page, `${open.url}/talk.md`)
    await expect(page).toHaveURL(/\/fetched-talk$/)
    await expect(page.locator('article.turn')).toHaveCount(4)

    // A link dragged onto the panel is fetched like a typed URL.
    await page.goto('/')
    await page.evaluate((url) => {
      const data = new DataTransfer()
      data.setData('text/uri-list', `# comment line\n${url}`)
      document.querySelector('.open-panel')?.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }))
    }, `${open.url}/talk.md`)
    await expect(page).toHaveURL(/\/fetched-talk-2$/)
  })

  test('404, CORS refusal and a non-http address each get their own message', async ({ page }) => {
    await withLocalTalk(page)
    await openUrl(page, `${open.url}/missing.md`)
    await expect(messages(page)).toHaveText(`The server answered 404 for ${open.url}/missing.md; nothing was opened.`)
    await expectListIntact(page)

    await openUrl(page, `${closed.url}/talk.md`)
    await expect(messages(page)).toContainText('the server does not allow it (CORS) or the network failed. Download the file and drop it here instead.')
    await expectListIntact(page)

    await openUrl(page, 'ftp://example.org/a.md')
    await expect(messages(page)).toHaveText('Enter a web address starting with http:// or https://.')
    await expectListIntact(page)
  })
})

test('remove from the list, then undo', async ({ page }) => {
  await withLocalTalk(page)
  await page.getByRole('button', { name: 'Remove “A short talk”' }).click()
  await expect(localItems(page)).toHaveCount(0)
  await expect(page.locator('.local-list__status')).toHaveText(/Removed “A short talk”\./)
  await expect(announced(page)).toHaveText('Removed “A short talk”.')
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(localItems(page)).toHaveCount(1)
  // The message goes once the restore is written; reloading earlier would race the write.
  await expect(page.locator('.local-list__status')).toBeHidden()
  await page.reload()
  await expectListIntact(page)

  await page.getByRole('button', { name: 'Remove “A short talk”' }).click()
  await expect(page.locator('.local-list__status')).toHaveText(/Removed “A short talk”\./)
  await page.reload()
  await expectListIntact(page, 0)
  await page.goto('/short-talk')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/not found/i)
})

test('Fix speakers: no turns → choose speakers → turns, kept after reload, exported in front matter', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL })
  await page.goto('/')
  await paste(page, CHAT)
  await expect(page).toHaveURL(/\/notes-from-a-chat$/)
  await expect(page.locator('article.turn')).toHaveCount(0)
  await expect(page.locator('.local-bar')).toContainText('No conversation turns were found')

  await page.getByRole('button', { name: 'Fix speakers' }).click()
  await page.getByRole('checkbox', { name: 'Alice is a speaker' }).check()
  await page.getByRole('checkbox', { name: 'Alice asks the questions' }).check()
  await page.getByRole('checkbox', { name: 'Bob is a speaker' }).check()
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page.locator('.local-bar [role="status"]')).toHaveText('Speakers updated.')
  await expect(page.getByRole('button', { name: 'Fix speakers' })).toBeFocused()
  await expect(page.locator('article.turn')).toHaveCount(2)
  await expect(page.locator('article#turn-1')).toHaveAttribute('data-speaker', 'alice')

  await page.reload()
  await expect(page.locator('article.turn')).toHaveCount(2)
  await expect(page.locator('.local-bar')).not.toContainText('No conversation turns')
  await page.getByRole('button', { name: 'Copy Markdown' }).click()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toBe(`---\nparley:\n  speakers:\n    - name: Alice\n      role: interviewer\n    - name: Bob\n      role: interviewee\n---\n${CHAT}`)
})

test('every bad input gets its own message and leaves the list as it was', async ({ page }) => {
  await withLocalTalk(page)
  const files = page.getByTestId('open-files')
  const cases: [string, () => Promise<void>, string][] = [
    ['empty paste', () => paste(page, '  \n '), 'The pasted text is empty: there is nothing to open.'],
    ['empty file', () => files.setInputFiles({ name: 'empty.md', mimeType: 'text/markdown', buffer: Buffer.alloc(0) }), 'empty.md is empty: there is nothing to open.'],
    ['binary', () => files.setInputFiles({ name: 'b.md', mimeType: 'text/markdown', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]) }), 'b.md is not a text file (it contains binary data).'],
    ['latin-1', () => files.setInputFiles({ name: 'l.txt', mimeType: 'text/plain', buffer: Buffer.from('caf\xe9: ol\xe9', 'latin1') }), 'l.txt is not UTF-8 text. Save it as UTF-8 and try again.'],
    ['too large', () => files.setInputFiles({ name: 'big.md', mimeType: 'text/markdown', buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 'a') }), 'big.md is larger than the 5 MB limit.'],
    ['bad front matter', () => files.setInputFiles({ name: 'fm.md', mimeType: 'text/markdown', buffer: Buffer.from('---\ntitle: broken\ntags: [a\n---\n\nAda: hi\n') }), 'fm.md could not be read, line'],
    ['html', () => paste(page, '<!DOCTYPE html>\n<html><body><p>Ada: hi</p></body></html>'), 'The pasted text is a web page (HTML), not Markdown. Open the raw Markdown file instead.'],
  ]
  for (const [, act, message] of cases) {
    await act()
    await expect(messages(page)).toContainText(message)
    await expect(page).toHaveURL(/\/$/)
    await expectListIntact(page)
  }
  // The front-matter message names the line of the YAML error, as the parser reports it.
  await files.setInputFiles({ name: 'fm.md', mimeType: 'text/markdown', buffer: Buffer.from('---\ntitle: broken\ntags: [a\n---\n\nAda: hi\n') })
  await expect(messages(page)).toHaveText(/^fm\.md could not be read, line [34]: malformed YAML front matter/)
})

test('storage unavailable (IndexedDB refuses to open): said plainly, the interview still opens this session', async ({ page }) => {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError')
    }
  })
  await page.goto('/')
  await paste(page, TALK)
  await expect(messages(page)).toHaveText('This browser does not allow storing interviews (private mode?), so “A short talk” is open for this session only.')
  await expect(localItems(page)).toHaveCount(1)
  await localItems(page).getByRole('link', { name: 'A short talk' }).click()
  await expect(page.locator('article.turn')).toHaveCount(4)
  await expect(page.locator('.local-bar')).toContainText('open for this session only')
})

test('markdown-it is not in the main chunk; the parser arrives when a file is opened, big files in a worker', async ({ page }) => {
  const scripts: string[] = []
  const urls: string[] = []
  page.on('response', async (response) => {
    if (!response.url().endsWith('.js')) return
    urls.push(response.url())
    scripts.push(await response.text().catch(() => ''))
  })
  // The main-thread parser chunk (`parse-<hash>.js`), as opposed to the worker's `parse.worker-<hash>.js`.
  const mainThreadParser = (): boolean => urls.some((url) => /\/parse-[\w-]+\.js$/.test(url))
  const workers: string[] = []
  page.on('worker', (worker) => workers.push(worker.url()))
  await page.goto('/')
  await expect(panel(page)).toBeVisible()
  const hasMarkdownIt = (): boolean => scripts.some((s) => s.includes('markdown-it` preset'))
  expect(scripts.length).toBeGreaterThan(0)
  expect(hasMarkdownIt()).toBe(false)

  // Over the worker threshold (100k characters): the parse runs off the main thread.
  const big = TALK.replace('slug: short-talk', 'slug: big-talk') + '\n**Grace**: More words here.\n'.repeat(4000)
  await page.getByTestId('open-files').setInputFiles({ name: 'big.md', mimeType: 'text/markdown', buffer: Buffer.from(big) })
  // A generous wait, not a speed claim: parallel test workers share the CPU with this parse.
  await expect(page).toHaveURL(/\/big-talk$/, { timeout: 30_000 })
  expect(workers.some((url) => /parse\.worker/.test(url))).toBe(true)
  // The worker did the parse: the main thread never needed the parser for it.
  expect(mainThreadParser()).toBe(false)

  await page.goto('/')
  await paste(page, CHAT)
  await expect(page).toHaveURL(/\/notes-from-a-chat$/)
  await expect.poll(mainThreadParser).toBe(true)
  expect(hasMarkdownIt()).toBe(true)
})

for (const scheme of ['light', 'dark'] as const) {
  test(`no axe violations: list with local interviews and messages, reader with Fix speakers open (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme })
    await withLocalTalk(page)
    await paste(page, '')
    await expect(messages(page)).not.toBeEmpty()
    await page.getByRole('button', { name: 'Remove “A short talk”' }).click()
    await page.getByRole('button', { name: 'Undo' }).click()
    const list = await new AxeBuilder({ page }).analyze()
    expect(list.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])

    await paste(page, CHAT)
    await page.getByRole('button', { name: 'Fix speakers' }).click()
    await expect(page.getByRole('checkbox', { name: 'Alice is a speaker' })).toBeVisible()
    const reader = await new AxeBuilder({ page }).analyze()
    expect(reader.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  })
}

test('keyboard: every new list-page control is reachable with Tab', async ({ page }) => {
  await withLocalTalk(page)
  // The open form is folded: Tab reaches its disclosure, Enter unfolds it and moves into the form.
  const reached = new Set<string>()
  for (let i = 0; i < 25 && !(await page.locator('summary:focus').count()); i++) await page.keyboard.press('Tab')
  await expect(page.locator('summary')).toHaveText('Open your own interview')
  await page.keyboard.press('Enter')
  await expect(page.locator('#parley-open-paste')).toBeFocused()
  // Back past "Choose files", the disclosure and "Remove": the loop below walks forward over all of them.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+Tab')
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab')
    reached.add(await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      return el ? `${el.tagName}:${el.getAttribute('aria-label') ?? el.textContent?.trim() ?? ''}:${el.id}` : ''
    }))
  }
  const all = [...reached].join('\n')
  for (const name of ['Choose files', ':parley-open-paste', 'Open pasted text', ':parley-open-url', 'Open URL', 'Remove “A short talk”']) expect(all).toContain(name)
})

test('Simplified Chinese: the panel, its messages and the local notice are translated', async ({ page }) => {
  await page.goto('/')
  await page.getByLabel(/Language|语言/).selectOption('zh')
  const zhPanel = page.getByRole('region', { name: '打开你自己的访谈' })
  await openPanel(page, '打开你自己的访谈')
  await zhPanel.getByLabel('要打开的 Markdown').fill('<html><body></body></html>')
  await zhPanel.getByRole('button', { name: '打开粘贴的文本' }).click()
  await expect(zhPanel.locator('.open-panel__messages')).toHaveText('粘贴的文本 是网页（HTML），不是 Markdown。请打开原始 Markdown 文件。')
  await zhPanel.getByLabel('要打开的 Markdown').fill(CHAT)
  await zhPanel.getByRole('button', { name: '打开粘贴的文本' }).click()
  await expect(page.locator('.local-bar')).toContainText('这篇访谈只保存在本浏览器')
  await expect(page.getByRole('button', { name: '修正发言人' })).toBeVisible()
})

test('storage full (QuotaExceededError on write): said plainly, the interview still opens this session', async ({ page }) => {
  await page.addInitScript(() => {
    // New interviews are stored with add (a claimed slug), fixed ones with put.
    IDBObjectStore.prototype.add = IDBObjectStore.prototype.put = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    }
  })
  await page.goto('/')
  await paste(page, TALK)
  await expect(messages(page)).toHaveText('This browser’s storage is full, so “A short talk” is open for this session only and will be gone after a reload.')
  await localItems(page).getByRole('link', { name: 'A short talk' }).click()
  await expect(page.locator('article.turn')).toHaveCount(4)
  await expect(page.locator('.local-bar')).toContainText('storage is full')
})

test('two tabs opening the same slug at the same moment both keep their interview, and each list shows both', async ({ page, context }) => {
  const other = await context.newPage()
  await Promise.all([page.goto('/'), other.goto('/')])
  const tabs = [page, other]
  // Both texts typed first, then both opened in the same task of the test: the two claims race.
  await Promise.all(tabs.map((tab) => openPanel(tab)))
  await Promise.all(tabs.map((tab, i) => panel(tab).getByLabel('Markdown to open').fill(TALK.replace('A short talk', `Talk from tab ${i + 1}`))))
  await Promise.all(tabs.map((tab) => panel(tab).getByRole('button', { name: 'Open pasted text' }).click()))
  const urls = await Promise.all(tabs.map(async (tab) => {
    await expect(tab).toHaveURL(/\/short-talk(-2)?$/)
    return new URL(tab.url()).pathname
  }))
  expect(urls.sort()).toEqual(['/short-talk', '/short-talk-2'])
  await page.goto('/')
  await expect(localItems(page)).toHaveCount(2)
  await expect(localItems(page)).toContainText(['Talk from tab', 'Talk from tab'])
  // The other tab's list follows without a reload when this one removes an interview.
  await other.goto('/')
  await expect(localItems(other)).toHaveCount(2)
  await localItems(page).first().getByRole('button', { name: /Remove/ }).click()
  await expect(localItems(other)).toHaveCount(1)
})

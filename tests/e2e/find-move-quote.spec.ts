import { readFile } from 'node:fs/promises'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { expectTargetInView, READER } from './helpers'

/** What the Custom Highlight API paints under `name`, as text (search paints StaticRanges, which have no toString). */
function painted(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => {
    const ranges = [...((CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get(n) ?? [])]
    return ranges.map((r) => {
      const live = document.createRange()
      live.setStart(r.startContainer, r.startOffset)
      live.setEnd(r.endContainer, r.endOffset)
      return live.toString()
    })
  }, name)
}

// The seed's readers here read Chinese: the UI follows the browser's language (see translations.spec.ts).
test.use({ locale: 'zh-CN' })

const search = (page: Page) => page.getByRole('searchbox', { name: /Search this interview|在本访谈中搜索/ })
const status = (page: Page) => page.locator('#search-status')

test.describe('search', () => {
  test('Chinese: counts and highlights every hit, Enter / Shift+Enter move, ?q= survives reload, filter applies', async ({ page }) => {
    await page.goto(READER)
    await search(page).fill('云提供商')
    await expect(page).toHaveURL(/\?q=%E4%BA%91/)
    // 9 in the narration (intro), 3 in Michael's answers: counted in the source by the unit tests' parser.
    await expect(status(page)).toHaveText('第 1 / 12 处')
    expect(await painted(page, 'parley-hit')).toEqual(Array(12).fill('云提供商'))
    await search(page).press('Enter')
    await expect(status(page)).toHaveText('第 2 / 12 处')
    expect(await painted(page, 'parley-hit-current')).toEqual(['云提供商'])
    await search(page).press('Shift+Enter')
    await search(page).press('Shift+Enter')
    await expect(status(page)).toHaveText('第 12 / 12 处')

    await page.reload()
    await expect(search(page)).toHaveValue('云提供商')
    await expect(status(page)).toHaveText('第 1 / 12 处')
    await expect(page.locator('.conv-map__hits')).toHaveAttribute('d', /^M0 [\d.]+H2.5/)
    // Hiding Michael hides his 3 hits, on the page and on the map; they are counted apart.
    await page.locator('button.speaker-toggle[data-speaker="michael"]').click()
    await expect(page).toHaveURL(/speaker=arujjwal/)
    await expect(status(page)).toHaveText('第 1 / 9 处 · 另有 3 处在隐藏的发言中')
    await expect(page.locator('.conv-map__hits')).toHaveCount(0)
    // Typing and filtering replaced the URL: Back leaves the reader.
    await page.goBack()
    await expect(page).not.toHaveURL(/sig-cloud/)
  })

  test('English words: case- and width-insensitive, highlights inside links intact', async ({ page }) => {
    await page.goto(`${READER}?q=KUBERNETES`)
    await expect(status(page)).toHaveText('第 1 / 20 处')
    await search(page).fill('ｋｕｂｅｒｎｅｔｅｓ')
    await expect(status(page)).toHaveText('第 1 / 20 处')
    // A hit inside a link: the link is still there with its text and address.
    await search(page).fill('konnectivity proxy')
    await expect(status(page)).toHaveText('第 1 / 1 处')
    expect(await painted(page, 'parley-hit')).toEqual(['Konnectivity proxy'])
    await expect(page.locator('article#turn-4 a', { hasText: 'Konnectivity proxy' })).toHaveAttribute('href', /konnectivity/)
    await search(page).fill('no such words')
    await expect(status(page)).toHaveText('没有匹配')
  })
})

test.describe('keyboard', () => {
  test('j / k move between turns, n / p between sections, and never while typing or with modifiers', async ({ page }) => {
    await page.goto(READER)
    await page.locator('main h1').click()
    await page.keyboard.press('j')
    await expectTargetInView(page, page.locator('article#turn-1'))
    await page.keyboard.press('j')
    await expect(page.locator('article#turn-2')).toBeFocused()
    await page.keyboard.press('k')
    await expect(page.locator('article#turn-1')).toBeFocused()
    await page.keyboard.press('Control+j')
    await expect(page.locator('article#turn-1')).toBeFocused()

    await page.keyboard.press('n')
    await expect(page).toHaveURL(/#%E5%8A%9F/)
    await expectTargetInView(page, page.locator('section[id="功能和工作"]'))
    await page.keyboard.press('n')
    await expect(page.locator('section[id="重要的子项目"]')).toBeFocused()
    await page.keyboard.press('p')
    await expect(page.locator('section[id="功能和工作"]')).toBeFocused()

    await page.keyboard.press('/')
    await expect(search(page)).toBeFocused()
    await page.keyboard.type('jn')
    await expect(search(page)).toHaveValue('jn')
    await expect(page).toHaveURL(/#%E5%8A%9F/)
  })

  test('c copies the link to the focused turn', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL })
    await page.goto(`${READER}?speaker=michael#turn-4`)
    await expect(page.locator('article#turn-4')).toBeFocused()
    await page.keyboard.press('j')
    await expect(page.locator('article#turn-6')).toBeFocused()
    await page.keyboard.press('c')
    await expect(page.locator('.toast')).toHaveText('已复制第 6 段发言的链接')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${READER}?speaker=michael#turn-6`)
  })

  test('? opens the help dialog, which traps focus and closes with Esc; shortcuts can be switched off', async ({ page }) => {
    await page.goto(READER)
    await page.locator('main h1').click()
    await page.keyboard.press('?')
    const dialog = page.getByRole('dialog', { name: /Keyboard shortcuts|键盘快捷键/ })
    await expect(dialog).toBeVisible()
    await expect(dialog).toContainText('下一段发言')
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab')
      expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true)
    }
    expect((await new AxeBuilder({ page }).include('dialog').analyze()).violations).toEqual([])
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()

    await page.getByRole('button', { name: /Keyboard shortcuts|键盘快捷键/ }).click()
    await dialog.getByRole('checkbox').uncheck()
    await dialog.getByRole('button', { name: /Close|关闭/ }).click()
    await page.locator('main h1').click()
    await page.keyboard.press('j')
    await expect(page.locator('article#turn-1')).not.toBeFocused()
  })
})

/** Select `passage` inside a turn body, as a mouse drag would. */
async function select(page: Page, turnId: string, passage: string): Promise<void> {
  await page.locator(`article#${turnId} .turn__body`).evaluate((body, text) => {
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(text)
      if (at < 0) continue
      const range = document.createRange()
      range.setStart(n, at)
      range.setEnd(n, at + text.length)
      document.getSelection()!.removeAllRanges()
      document.getSelection()!.addRange(range)
      return
    }
    throw new Error(`not found: ${text}`)
  }, passage)
}

test.describe('quote links', () => {
  test('select, link, reopen: the passage is highlighted and in view', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL })
    await page.goto(READER)
    await select(page, 'turn-6', '云控制器来解决这些集成点')
    await page.getByRole('button', { name: /Link to quote|链接到引文/ }).click()
    await expect(page.locator('.quote-action__status')).toHaveText('引文链接已复制')
    const link = await page.evaluate(() => navigator.clipboard.readText())
    expect(link).toMatch(/\?quote=.+&qp=.+&qs=.+#turn-6$/)

    const fresh = await context.newPage()
    await fresh.goto(link)
    await expect.poll(() => painted(fresh, 'parley-quote')).toEqual(['云控制器来解决这些集成点'])
    await fresh.reload()
    await expect.poll(() => painted(fresh, 'parley-quote')).toEqual(['云控制器来解决这些集成点'])
    await expect(fresh.locator('article#turn-6')).toBeInViewport()
    await expect(fresh.locator('.quote-notice')).toHaveCount(0)

    await page.getByRole('button', { name: /text-fragment|文本片段/ }).click()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${baseURL}${READER}#turn-6:~:text=${encodeURIComponent('云控制器来解决这些集成点')}`,
    )
  })

  test('an edited passage is found approximately; a vanished one still opens the turn with a notice', async ({ page }) => {
    const edited = new URLSearchParams({ quote: '云控制器来解决那些集成点', qp: '社区创建了', qs: '。' })
    await page.goto(`${READER}?${edited}#turn-6`)
    await expect.poll(() => painted(page, 'parley-quote')).toEqual(['云控制器来解决这些集成点'])
    await expect(page.locator('.quote-notice')).toContainText('最接近')

    await page.goto(`${READER}?quote=${encodeURIComponent('这句话从来没有出现过，完全不在文章里')}#turn-6`)
    await expectTargetInView(page, page.locator('article#turn-6'))
    await expect(page.locator('.quote-notice')).toContainText('找不到引用的段落')
  })
})

test('conversation map: one path per speaker colour, labelled, click jumps', async ({ page }) => {
  await page.goto(READER)
  const map = page.getByRole('slider', { name: /对话缩略图|Conversation map/ })
  await expect(map).toHaveAttribute('aria-label', /8 段发言，3 节/)
  expect(await map.locator('path.conv-map__turns').count()).toBeLessThanOrEqual(4)
  const box = (await map.boundingBox())!
  await page.mouse.click(box.x + box.width / 2, box.y + box.height - 2)
  await expect(page).toHaveURL(/#turn-8$/)
  await expectTargetInView(page, page.locator('article#turn-8'))
  await expect(map.locator('.conv-map__current')).toBeVisible()
})

test.describe('export', () => {
  test('Markdown and JSON of the filtered view download; print calls window.print', async ({ page }) => {
    await page.goto(`${READER}?speaker=michael`)
    const exportGroup = page.getByRole('group', { name: /Export this view|导出当前视图/ })
    const [md] = await Promise.all([page.waitForEvent('download'), exportGroup.getByRole('button', { name: 'Markdown' }).click()])
    expect(md.suggestedFilename()).toBe('sig-cloud-provider-spotlight-2024.md')
    const text = await readFile((await md.path())!, 'utf8')
    expect(text).toMatch(/^---\ntitle: "聚焦 SIG 云提供商"/)
    // The exporter loads on this first click; the file names the speakers it holds.
    expect(text).toContain('parley:\n  speakers:\n    - name: "Michael"\n      role: interviewee\n      aliases: ["Michael McCune"]\n---')
    expect(text.match(/^\*\*Michael\*\*: /gm)).toHaveLength(4)
    expect(text).not.toContain('**Arujjwal**')
    expect(text).toContain('## 重要的子项目')

    const [json] = await Promise.all([page.waitForEvent('download'), exportGroup.getByRole('button', { name: 'JSON' }).click()])
    const model = JSON.parse(await readFile((await json.path())!, 'utf8')) as { speakers: { id: string }[]; sections: { blocks: { kind: string }[] }[] }
    expect(model.speakers.map((s) => s.id)).toEqual(['michael'])
    expect(model.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'turn')).toHaveLength(4)

    await page.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', 'yes')
    })
    await exportGroup.getByRole('button', { name: /Print|打印/ }).click()
    await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes')
  })
})

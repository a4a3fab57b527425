/**
 * Real-article content in the browser: every construct renders as elements (no source text), and the
 * attack corpus runs no script and leaves no handler or script URL in the DOM or the head.
 */
import { readFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import { expect, test } from './fixtures'
import { paste } from './local-helpers'

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')

test('an article with every construct renders real elements and no source text', async ({ page }) => {
  // The source site is unreachable here: images fail and must keep their box and alt text.
  await page.route('https://kubernetes.io/**', (route) => route.abort())
  await page.goto('/')
  await paste(page, fixture('every-construct.md'))
  await expect(page).toHaveURL(/\/every-construct$/)
  const content = page.locator('.reader__content')
  for (const selector of ['sub', 'sup', 'kbd', 'abbr[title]', 'mark', 'figure > img', 'figure figcaption', 'details > summary', '.callout-note strong', '.callout-warning', '.callout-tip a[href="https://xn--bcher-kva.example/"]', 'a.embed-link[href^="https://www.youtube.com/"]', 'a.embed-link[href^="https://x.com/"]', 'pre code.language-go', '.shortcode-placeholder', 'table th', 'table td', 'dl dt', 'dl dd', '.footnote-ref a', '.footnotes li']) {
    await expect(content.locator(selector).first(), selector).toBeAttached()
  }
  await expect(content.locator('.turn__body br')).toHaveCount(1)
  const text = await content.innerText()
  for (const source of ['{{<', '{{%', ':::', '<br>', '&lt;', '<sup>', '[^1]', '<figure>']) expect(text).not.toContain(source)
  await expect(page.locator('iframe')).toHaveCount(0)

  // Images: resolved against the original address, lazy, and a failed one keeps its box with its alt.
  const images = content.locator('figure img')
  await expect(images.first()).toHaveAttribute('src', 'https://kubernetes.io/images/blog/diagram.png')
  await expect(images.nth(1)).toHaveAttribute('src', 'https://kubernetes.io/blog/2024/01/01/every-construct/diagram.png')
  await images.nth(1).scrollIntoViewIfNeeded()
  for (const image of await images.all()) {
    await expect(image).toHaveAttribute('loading', 'lazy')
    await expect(image).toHaveAttribute('alt', /.+/)
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 0)).toBe(true)
    const box = await image.boundingBox()
    expect(box && box.height > 100, 'a failed image keeps its reserved box').toBe(true)
  }
  expect((await new AxeBuilder({ page }).include('.reader__content').analyze()).violations).toEqual([])
})

test('the attack corpus runs no script and leaves no handler or script URL in the DOM or the head', async ({ page }) => {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await page.goto('/')
  const scriptsBefore = await page.locator('script').count()
  await paste(page, fixture('attack-corpus.md'))
  await expect(page).toHaveURL(/\/attack-corpus$/)
  await expect(page.locator('.reader__content figure').first()).toBeAttached()
  // Give handlers (onerror on failing images, ontoggle, autofocus) the time to fire if any had survived.
  await page.waitForTimeout(500)
  await page.locator('.reader__content details summary').first().click()
  expect(dialogs).toEqual([])
  const found = await page.evaluate(() => {
    const bad: string[] = []
    for (const element of document.querySelectorAll('*')) {
      for (const { name, value } of element.attributes) {
        // eslint-disable-next-line no-control-regex -- browsers skip control characters inside a scheme
        const compact = value.replace(/[\u0000-\u0020]/g, '').toLowerCase()
        if (name.startsWith('on')) bad.push(`${element.tagName} ${name}`)
        if (/^(?:href|src|srcset|action|formaction|data|background|xlink:href)$/.test(name) && /(?:^|,)(?:javascript|vbscript|data:text):/.test(compact)) bad.push(`${element.tagName} ${name}=${value}`)
      }
    }
    // The article's HTML lives in the turn and narration bodies (the app's own icons are SVG).
    for (const element of document.querySelectorAll(':is(.turn__body, .narration) :is(script, style, iframe, object, embed, form, base, meta, link, svg, math, noscript, template)')) bad.push(element.tagName)
    return bad
  })
  expect(found).toEqual([])
  expect(await page.locator('script').count()).toBe(scriptsBefore)
  expect(await page.locator('head base, body base').count()).toBe(0)
  await expect(page).toHaveTitle(/<\/title><script>alert\(1\)<\/script><title>/)
})
